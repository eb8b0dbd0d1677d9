"""``quizbot export --format worksheet`` (HTML) and ``worksheet-pdf``: a printable sheet,
the answer key on its own page; the HTML parsed, the PDF's text extracted."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from export_material import ESC, build_store, german_afterwards, run_export, stored_questions  # noqa: F401
from pypdf import PdfReader

from quizbot.quizzes import create_quiz
from quizbot.store import Store

VOID = {"meta", "br", "link", "img", "hr", "input"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent=None) -> None:
        self.tag, self.attrs, self.parent, self.children, self.texts = tag, attrs, parent, [], []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        parts = self.texts + [child.text() for child in self.children]
        return " ".join(" ".join(parts).split())

    def find_all(self, tag: str = "", cls: str = "") -> list["Node"]:
        found = []
        for child in self.children:
            if (not tag or child.tag == tag) and (not cls or cls in child.classes):
                found.append(child)
            found.extend(child.find_all(tag, cls))
        return found


class TreeBuilder(HTMLParser):
    """A small DOM from the stdlib parser; unclosed or stray end tags fail the test."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.texts.append(data)


def parse(html_text: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html_text)
    builder.close()
    assert builder.current is builder.root, "unclosed elements"
    return builder.root


@pytest.fixture
def sheet(tmp_path):
    path = run_export(tmp_path, "worksheet", "blatt.html")
    return path.read_text(encoding="utf-8"), stored_questions(tmp_path)


def test_html_sheet_has_the_questions_by_article_then_the_answer_key(sheet):
    text, questions = sheet
    document = parse(text)
    assert document.find_all("title")[0].text() == "Quiz zu 4 Artikeln"
    sections = document.find_all("section", "article")
    assert [s.find_all("h2")[0].text() for s in sections] == [
        "Text 1: Chip-Werk: {Milliarden} & <Subventionen> für Magdeburg", "Text 2: Freiburg gewinnt das Derby",
        "Text 3: Hitzerekord in Cottbus", "Text 4: Gletscher \\ Alpen: Forscher messen den Eisverlust"]
    items = [li for s in sections for ol in s.find_all("ol", "questions") for li in ol.children]
    assert len(items) == len(questions)
    by_key = dict(zip((q["key"] for q in questions), items))
    choice = by_key["eco-choice"].find_all("ol", "options")[0]
    assert [li.text() for li in choice.children] == ["Ömer Yıldız", "Anna Berger", "Jean-Luc Dubois",
                                                     "Eva Kühn ~ Groß"]
    assert by_key["eco-tf"].find_all("p", "truefalse")[0].text() == "☐ richtig ☐ falsch"
    assert len(by_key["sport-person"].find_all("div", "line")) == 2
    assert by_key["sport-person"].find_all("p", "hint")[0].text() == "Hinweis: Vor- und Nachname"
    cloze = by_key["eco-cloze"].find_all("p", "q")[0]
    assert cloze.find_all("span", "gap") and "____" not in cloze.text()
    key = document.find_all("section", "answer-key")[0]
    answers = key.find_all("li")
    assert [li.attrs["value"] for li in answers] == [str(n) for n in range(1, len(questions) + 1)]
    entries = dict(zip((q["key"] for q in questions), (li.find_all("span", "answer")[0].text() for li in answers)))
    assert entries["eco-choice"] == "b) Anna Berger"
    assert entries["eco-tf"] == "falsch – Die Aussage ist falsch."
    assert entries["eco-amount"] == "3,5 Milliarden Euro"
    sources = document.find_all("section", "sources")[0].find_all("li")
    assert sources[1].text() == "Freiburg gewinnt das Derby, kicker, 08.10.2023"


def test_html_sheet_prints_the_key_on_a_new_page_and_is_self_contained(sheet):
    text, _ = sheet
    assert re.search(r"\.answer-key\s*\{[^}]*(page-break-before:\s*always|break-before:\s*page)", text)
    assert "@page" in text and "@media print" in text
    document = parse(text)
    assert not document.find_all("script") and not document.find_all("link") and not document.find_all("img")
    assert "http" not in text and ESC not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_a_sheet_for_one_article_is_titled_by_it(tmp_path):
    path = run_export(tmp_path, "worksheet", "blatt.html", "--article", "sport.txt")
    document = parse(path.read_text(encoding="utf-8"))
    assert document.find_all("h1")[0].text() == "Freiburg gewinnt das Derby"
    section = document.find_all("section", "article")[0]
    assert not section.find_all("h2")  # the title is not repeated
    assert section.find_all("p", "credit")[0].text() == "kicker, 08.10.2023"
    assert len(section.find_all("ol", "questions")[0].children) == 4


def test_a_sheet_of_a_quiz_set_is_titled_by_its_name(tmp_path):
    with Store(build_store(tmp_path)) as store:
        create_quiz(store, "Klasse 7b", question_ids=[q["id"] for q in store.questions()][:3])
    path = run_export(tmp_path, "worksheet", "blatt.html", "--quiz", "klasse 7b")
    document = parse(path.read_text(encoding="utf-8"))
    assert document.find_all("h1")[0].text() == "Quiz „Klasse 7b“"
    pdf = run_export(tmp_path, "worksheet-pdf", "blatt.pdf", "--quiz", "Klasse 7b")
    assert pdf_pages(pdf)[0].startswith("Quiz „Klasse 7b“")


def test_a_quiz_set_that_mixes_articles_is_printed_article_by_article(tmp_path):
    with Store(build_store(tmp_path)) as store:
        questions = store.questions()
        by_file: dict[str, list[int]] = {}
        for q in questions:
            by_file.setdefault(q["article"]["file"], []).append(q["id"])
        first, second = list(by_file.values())[:2]
        mixed = [first[0], second[0], first[1], second[1]]  # a, b, a, b
        create_quiz(store, "gemischt", question_ids=mixed, fixed_order=True)
    document = parse(run_export(tmp_path, "worksheet", "blatt.html", "--quiz", "gemischt").read_text(encoding="utf-8"))
    sections = document.find_all("section", "article")
    assert [len(s.find_all("ol", "questions")[0].children) for s in sections] == [2, 2]
    assert len(document.find_all("section", "sources")[0].find_all("li")) == 2  # each article listed once


def pdf_pages(path) -> list[str]:
    reader = PdfReader(path)
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def test_pdf_sheet_text_with_umlauts_and_a_separate_answer_key(tmp_path):
    path = run_export(tmp_path, "worksheet-pdf", "blatt.pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    pages = pdf_pages(path)
    key_page = next(i for i, page in enumerate(pages) if "Lösungen" in page)
    questions_text, key_text = " ".join(pages[:key_page]), " ".join(pages[key_page:])
    assert key_page >= 1 and "Lösungen" not in questions_text
    for expected in ("Wer sprach von einem „Meilenstein für den Osten“?", "Eva Kühn ~ Groß",
                     "Ömer Yıldız", "Seit welchem Jahr gibt es Aufzeichnungen?",
                     "a) Maria Łukasiewicz", "c) <script>alert(1)</script>", "richtig", "falsch",
                     "Name", "Klasse", "Datum", "Freiburg gewinnt das Derby, kicker, 08.10.2023"):
        assert expected in questions_text, expected
    for expected in ("b) Anna Berger", "falsch – Die Aussage ist falsch.", "3,5 Milliarden Euro",
                     "„Das ist der höchste Wert seit Beginn der Aufzeichnungen im Jahr 1893.“"):
        assert expected in key_text, expected
    assert "falsch – Die Aussage ist falsch." not in questions_text


def test_pdf_in_english(tmp_path):
    pages = pdf_pages(run_export(tmp_path, "worksheet-pdf", "sheet.pdf", lang="en"))
    assert "Quiz on 4 articles" in pages[0] and "Page 1" in pages[0]
    assert any("Answer key" in page for page in pages[1:])
