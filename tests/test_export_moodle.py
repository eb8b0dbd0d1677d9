"""``quizbot export --format moodle-xml``: checked against the element structure of Moodle's
XML format documentation (docs.moodle.org "Moodle XML format") and read back."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pytest
from export_material import ESC, german_afterwards, run_export, stored_questions  # noqa: F401

from quizbot.exports.common import clean

TEXT_FORMATS = {"html", "moodle_auto_format", "plain_text", "markdown", "wiki_like"}
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
COMMON = {"name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden"}
OPTIONAL = {"idnumber", "hint", "tags"}
# question type -> (required children besides COMMON, further allowed children)
STRUCTURE = {
    "shortanswer": ({"usecase", "answer"}, set()),
    "numerical": ({"answer"}, {"units", "unitgradingtype", "unitpenalty", "showunits", "unitsleft",
                               "instructions"}),
    "multichoice": ({"single", "shuffleanswers", "answernumbering", "answer"},
                    {"showstandardinstruction", "correctfeedback", "partiallycorrectfeedback",
                     "incorrectfeedback", "shownumcorrect"}),
    "truefalse": ({"answer"}, set()),
}


def text_of(element: ET.Element, path: str) -> str:
    found = element.find(path)
    assert found is not None, f"<{element.tag}> lacks {path}"
    return found.text or ""


def check_formatted(element: ET.Element) -> None:
    """A text field: format attribute from the documented list, one <text> child."""
    assert element.get("format") in TEXT_FORMATS, (element.tag, element.get("format"))
    assert [child.tag for child in element if child.tag != "file"] == ["text"], element.tag


def check_answer(answer: ET.Element, qtype: str) -> None:
    fraction = answer.get("fraction")
    assert fraction is not None and NUMBER.match(fraction) and 0 <= float(fraction) <= 100
    assert answer.get("format") in TEXT_FORMATS
    assert answer.find("text") is not None
    check_formatted(answer.find("feedback"))
    allowed = {"text", "feedback"} | ({"tolerance"} if qtype == "numerical" else set())
    assert {child.tag for child in answer} <= allowed, [child.tag for child in answer]
    if qtype == "numerical":
        assert NUMBER.match(text_of(answer, "text")), text_of(answer, "text")
        assert NUMBER.match(text_of(answer, "tolerance"))


def check_question(question: ET.Element) -> None:
    """One <question> against the documented structure of its type."""
    qtype = question.get("type")
    children = [child.tag for child in question]
    if qtype == "category":
        assert set(children) <= {"category", "info", "idnumber"} and "category" in children
        assert text_of(question, "category/text").strip()
        return
    required, allowed = STRUCTURE[qtype]
    assert COMMON | required <= set(children), (qtype, set(COMMON | required) - set(children))
    assert set(children) <= COMMON | required | allowed | OPTIONAL, (qtype, children)
    assert text_of(question, "name/text").strip()
    for field in ("questiontext", "generalfeedback"):
        check_formatted(question.find(field))
    assert NUMBER.match(text_of(question, "defaultgrade")) and NUMBER.match(text_of(question, "penalty"))
    assert text_of(question, "hidden") in ("0", "1")
    answers = question.findall("answer")
    for answer in answers:
        check_answer(answer, qtype)
    fractions = [float(answer.get("fraction")) for answer in answers]
    if qtype == "truefalse":
        assert sorted(text_of(a, "text") for a in answers) == ["false", "true"]
        assert sorted(fractions) == [0, 100]
    if qtype == "multichoice":
        assert text_of(question, "single") in ("true", "false")
        assert text_of(question, "shuffleanswers") in ("true", "false", "0", "1")
        assert text_of(question, "answernumbering") in ("abc", "ABCD", "123", "iii", "IIII", "none")
        assert len(answers) >= 2
        if text_of(question, "single") == "true":
            assert fractions.count(100) == 1
    if qtype == "shortanswer":
        assert text_of(question, "usecase") in ("0", "1") and 100 in fractions
    if qtype == "numerical":
        check_units(question)


def check_units(question: ET.Element) -> None:
    units = question.findall("units/unit")
    assert text_of(question, "showunits") in ("0", "1", "2", "3")
    assert text_of(question, "unitgradingtype") in ("0", "1", "2")
    assert text_of(question, "unitsleft") in ("0", "1")
    if not units:
        assert text_of(question, "showunits") == "3"  # no units: none shown
        return
    names = [text_of(unit, "unit_name") for unit in units]
    multipliers = [float(text_of(unit, "multiplier")) for unit in units]
    assert multipliers[0] == 1, "the first unit is the base unit"
    assert len(set(names)) == len(names) and all(names)
    # Moodle removes spaces from a response before it looks its unit up
    assert all(" " not in name for name in names[1:])


def questions_by_key(data: bytes, questions: list[dict]) -> dict[str, ET.Element]:
    """The file's questions (categories left out), by the key of the stored question."""
    elements = [q for q in ET.fromstring(data) if q.get("type") != "category"]
    assert len(elements) == len(questions)
    return {question["key"]: element for question, element in zip(questions, elements)}


@pytest.fixture
def exported(tmp_path):
    out = run_export(tmp_path, "moodle-xml", "fragen.xml")
    return out.read_bytes(), stored_questions(tmp_path)


def test_the_file_has_moodles_element_structure(exported):
    data, questions = exported
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    quiz = ET.fromstring(data)
    assert quiz.tag == "quiz"
    for question in quiz:
        assert question.tag == "question"
        check_question(question)
    kinds = [q.get("type") for q in quiz]
    assert kinds.count("category") == 4
    assert len(kinds) - 4 == len(questions)


def test_every_question_comes_back(exported):
    data, questions = exported
    for question, element in zip(questions, questions_by_key(data, questions).values()):
        expected_type = {"choice": "multichoice", "truefalse": "truefalse"}.get(question["kind"])
        if expected_type:
            assert element.get("type") == expected_type
        shown = html.unescape(re.search(r"<p>(.*?)</p>", text_of(element, "questiontext/text")).group(1))
        assert shown == clean(question["question"]).replace("____", "_____")
        feedback = html.unescape(text_of(element, "generalfeedback/text"))
        assert f"„{clean(question['sentence'])}“" in feedback


def test_answers_by_type(exported):
    data, questions = exported
    elements = questions_by_key(data, questions)

    def answers(key):
        return [(text_of(a, "text"), a.get("fraction")) for a in elements[key].findall("answer")]

    assert elements["eco-amount"].get("type") == "numerical"
    assert answers("eco-amount") == [("3.5", "100")]
    assert text_of(elements["eco-amount"], "answer/tolerance") == "0"
    assert elements["sport-score"].get("type") == "shortanswer"
    assert answers("sci-formula") == [("Δ = m/t {in Tonnen} # pro Jahr", "100"), ("Δ=m/t", "100")]
    assert answers("sci-quote")[0] == ("alarmierend\\*", "100")  # Moodle's wildcard, escaped
    assert ("3000", "100") in answers("eco-cloze")
    # choice texts are HTML: markup from the article is escaped, never run
    assert [t for t, _ in answers("sci-choice")] == [
        "<p>Maria Łukasiewicz</p>", "<p>Prof. A = B</p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<p>Jens Jensen</p>"]
    assert [f for _, f in answers("sci-choice")] == ["100", "0", "0", "0"]
    assert dict(answers("eco-tf")) == {"true": "0", "false": "100"}
    assert dict(answers("sport-tf")) == {"true": "100", "false": "0"}


def test_numerical_units_convert_other_scales(exported):
    data, questions = exported
    elements = questions_by_key(data, questions)
    units = {text_of(u, "unit_name"): float(text_of(u, "multiplier"))
             for u in elements["eco-amount"].findall("units/unit")}
    assert list(units)[0] == "Milliarden Euro"
    assert units["Euro"] == 1e9 and units["€"] == 1e9  # 3500000000 Euro is 3,5 Milliarden Euro
    assert units["MillionenEuro"] == 1000  # 3500 Millionen Euro, spaces as Moodle strips them
    assert text_of(elements["eco-amount"], "unitgradingtype") == "0"  # the bare number counts
    assert elements["sport-count"].find("units") is None  # a bare count has no unit


def test_category_per_article_and_no_escape_codes(exported):
    data, _ = exported
    quiz = ET.fromstring(data)
    categories = [text_of(q, "category/text") for q in quiz if q.get("type") == "category"]
    assert categories[0] == "quizbot/Chip-Werk: {Milliarden} & <Subventionen> für Magdeburg (14.03.2024)"
    assert categories[3] == "quizbot/Gletscher // Alpen: Forscher messen den Eisverlust (30.11.2022)"
    assert ESC.encode() not in data
