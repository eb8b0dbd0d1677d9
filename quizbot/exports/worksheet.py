"""A printable worksheet: the questions, then the answer key on a page of its own.

``build_sheet`` lays out the content once; this module renders it as one
self-contained HTML file (template ``data/worksheet.html``, print CSS), and
``worksheet_pdf`` renders the same sheet as a PDF. Questions are grouped by
article: choice options a)–d), true/false with ☐ richtig ☐ falsch, open questions
with answer lines, cloze questions with the gap as a line; sources credited below.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from string import Template
from typing import Optional, TextIO

from quizbot.exports.common import (
    GAP, accepted_answers, article_title, by_article, choices, clean, credit, german_date,
    key_answer, option_letter, source_sentence, truefalse_verdict,
)
from quizbot.i18n import language, tr
from quizbot.resources import data_dir

TITLED = True  # write() takes the sheet's title (the quiz set's name)
BINARY = False
SUFFIX = ".html"
ANSWER_LINES = 2  # lines to write on under an open question


@dataclass
class Item:
    """One question as the sheet prints it, with its line in the answer key."""

    number: int
    kind: str
    question: str
    hint: str = ""
    options: list[str] = field(default_factory=list)
    answer: str = ""  # the answer key's entry: "b) Anna Berger", "falsch", "3,5 Milliarden Euro"
    also: list[str] = field(default_factory=list)  # other accepted answers
    evidence: str = ""  # the source sentence

    @property
    def gap_parts(self) -> Optional[tuple[str, str]]:
        """A cloze question's text before and after its gap."""
        if self.kind != "cloze" or not GAP.search(self.question):
            return None
        before, after = GAP.split(self.question, maxsplit=1)
        return before, after


@dataclass
class Section:
    heading: str  # "Text 1: Hitzerekord in Cottbus"; "" on a one-article sheet
    credit: str  # "Spektrum, 30.11.2022"
    items: list[Item]


@dataclass
class Sheet:
    title: str
    sections: list[Section]

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]


def build_sheet(questions: list[dict], title: Optional[str] = None) -> Sheet:
    """The worksheet's content, numbered across articles."""
    sections, number = [], 0
    groups = list(by_article(questions))
    for index, (article, group) in enumerate(groups, start=1):
        items = []
        for question in group:
            number += 1
            items.append(_item(number, question))
        # one article: its title is the sheet's title, no heading repeats it
        heading = f"Text {index}: {article_title(group[0])}" if len(groups) > 1 else ""
        where = ", ".join(p for p in (clean(article.get("source")), german_date(article.get("date"))) if p)
        sections.append(Section(heading, where, items))
    if title is None and len(groups) == 1:
        title = article_title(questions[0])
    elif title is None and groups:
        title = tr(f"Quiz zu {len(groups)} Artikeln", f"Quiz on {len(groups)} articles")
    return Sheet(clean(title) or tr("Arbeitsblatt", "Worksheet"), sections)


def _item(number: int, question: dict) -> Item:
    kind = question.get("kind") or "open"
    options = choices(question) if kind == "choice" else []
    answer = key_answer(question)
    if kind == "choice" and answer in options:
        answer = f"{option_letter(options.index(answer))}) {answer}"
    elif kind == "truefalse":
        answer = f"{answer} – {truefalse_verdict(question)}"
    return Item(
        number=number,
        kind=kind,
        question=clean(question.get("question")),
        hint=clean(question.get("hint")) if kind in ("open", "cloze") else "",
        options=options,
        answer=answer,
        also=accepted_answers(question)[1:] if kind in ("open", "cloze") else [],
        evidence=source_sentence(question),
    )


def sheet_labels() -> dict[str, str]:
    return {
        "label_name": "Name",
        "label_class": tr("Klasse", "Class"),
        "label_date": tr("Datum", "Date"),
        "instructions": tr(
            "Lies die Artikel (Quellen unten) und beantworte die Fragen. Kreuze bei Auswahlfragen "
            "genau eine Antwort an, bei Aussagen „richtig“ oder „falsch“.",
            "Read the articles (sources below) and answer the questions. Tick exactly one answer "
            "for multiple choice, and “true” or “false” for statements.",
        ),
        "sources_heading": tr("Quellen", "Sources"),
        "key_heading": tr("Lösungen", "Answer key"),
        "true": tr("richtig", "true"),
        "false": tr("falsch", "false"),
        "also": tr("auch richtig", "also accepted"),
        "hint": tr("Hinweis", "Hint"),
    }


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def write(questions: list[dict], out: TextIO, *, title: Optional[str] = None) -> None:
    """Write the worksheet as one self-contained HTML file to ``out``."""
    out.write(render_html(build_sheet(questions, title), questions))


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def render_html(sheet: Sheet, questions: list[dict]) -> str:
    labels = sheet_labels()
    template = Template((data_dir() / "worksheet.html").read_text(encoding="utf-8"))
    return template.substitute(
        lang=language(),
        title=_e(sheet.title),
        label_name=_e(labels["label_name"]),
        label_class=_e(labels["label_class"]),
        label_date=_e(labels["label_date"]),
        instructions=_e(labels["instructions"]),
        sections="\n".join(_html_section(section, labels) for section in sheet.sections),
        sources_heading=_e(labels["sources_heading"]),
        sources="\n".join(f"    <li>{_e(line)}</li>" for line in source_lines(questions)),
        key_heading=_e(labels["key_heading"]),
        answers="\n".join(_html_answer(item, labels) for item in sheet.items),
    )


def source_lines(questions: list[dict]) -> list[str]:
    """'Titel, Quelle, Datum' per article, in order (the file name only for an article without a
    title: learners look a text up by its title, not by quizbot's file name)."""
    return [credit(group[0]) or clean(article.get("file")) for article, group in by_article(questions)]


def _html_section(section: Section, labels: dict[str, str]) -> str:
    start = section.items[0].number if section.items else 1
    heading = f"<h2>{_e(section.heading)}</h2>\n" if section.heading else ""
    credit_line = f'<p class="credit">{_e(section.credit)}</p>\n' if section.credit else ""
    items = "\n".join(_html_item(item, labels) for item in section.items)
    return (f'<section class="article">\n{heading}{credit_line}'
            f'<ol class="questions" start="{start}">\n{items}\n</ol>\n</section>')


def _html_item(item: Item, labels: dict[str, str]) -> str:
    gap = item.gap_parts
    if gap:
        text = f'{_e(gap[0])}<span class="gap"></span>{_e(gap[1])}'
    else:
        text = _e(item.question)
    parts = [f'<p class="q">{text}</p>']
    if item.hint:
        parts.append(f'<p class="hint">{_e(labels["hint"])}: {_e(item.hint)}</p>')
    if item.kind == "choice" and item.options:
        options = "".join(f"<li>{_e(option)}</li>" for option in item.options)
        parts.append(f'<ol class="options">{options}</ol>')
    elif item.kind == "truefalse":
        parts.append(f'<p class="truefalse"><span>☐ {_e(labels["true"])}</span>'
                     f'<span>☐ {_e(labels["false"])}</span></p>')
    elif not gap:
        parts.append('<div class="line"></div>' * ANSWER_LINES)
    return f"<li>{''.join(parts)}</li>"


def _html_answer(item: Item, labels: dict[str, str]) -> str:
    parts = [f'<span class="answer">{_e(item.answer)}</span>']
    if item.also:
        parts.append(f'<div class="also">{_e(labels["also"])}: {_e(", ".join(item.also))}</div>')
    if item.evidence:
        parts.append(f'<div class="evidence">{_e(quoted(item.evidence))}</div>')
    return f'    <li value="{item.number}">{"".join(parts)}</li>'


def quoted(text: str) -> str:
    return tr(f"„{text}“", f"“{text}”")
