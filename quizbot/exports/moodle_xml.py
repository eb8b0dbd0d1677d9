"""Moodle XML (Moodle: Fragensammlung → Import → Moodle-XML-Format).

The same questions as the GIFT export, in Moodle's richer format: one
``<question type="category">`` per article, then ``shortanswer`` (every accepted
spelling, case-insensitive), ``numerical`` (the number in the article's own unit,
tolerance 0, and the unit's other spellings and scales as ``<units>``, optional for
the learner), ``multichoice`` (one right answer, options shuffled, numbered a–d)
and ``truefalse``. Cloze questions become short answers with the gap shown as
``_____``. Texts are HTML; the general feedback quotes the source sentence with
"Titel, Quelle, Datum". ElementTree does the XML escaping.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from typing import TextIO

from quizbot.exports.common import (
    GAP, NumericAnswer, answer_variants, by_article, category_path, choices, clean, credit,
    format_number, general_feedback_html, moodle_short_answer, numeric_answer,
    numeric_prompt_html, prompt_html, short_name, truefalse_feedback_html,
)
from quizbot.i18n import tr

BINARY = False
SUFFIX = ".xml"
MOODLE_GAP = "_____"


def write(questions: list[dict], out: TextIO) -> None:
    """Write ``questions`` (Store.questions() shape) as a Moodle XML file to ``out``."""
    quiz = ET.Element("quiz")
    for _, group in by_article(questions):
        quiz.append(_category(group[0]))
        quiz.extend(question_element(question) for question in group)
    ET.indent(quiz)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(quiz, encoding="unicode"))
    out.write("\n")


def question_element(question: dict) -> ET.Element:
    kind = question.get("kind")
    numeric = numeric_answer(question) if kind == "open" else None
    if kind == "choice" and clean(question.get("answer")) in choices(question):
        return _multichoice(question)
    if kind == "truefalse":
        return _truefalse(question)
    if numeric is not None:
        return _numerical(question, numeric)
    return _shortanswer(question)


# -- building blocks ----------------------------------------------------------


def _text(parent: ET.Element, tag: str, text: str, text_format: str = "") -> ET.Element:
    """``<tag format="…"><text>text</text></tag>``."""
    element = ET.SubElement(parent, tag, format=text_format) if text_format else ET.SubElement(parent, tag)
    ET.SubElement(element, "text").text = text
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _category(question: dict) -> ET.Element:
    element = ET.Element("question", type="category")
    _text(element, "category", category_path(question))
    _text(element, "info", f"<p>{tr('Fragen zum Artikel', 'Questions on the article')}: "
                           f"{_escape_html(credit(question))}</p>", "html")
    return element


def _escape_html(text: str) -> str:
    return html.escape(text, quote=False)


def _question(qtype: str, question: dict, text_html: str) -> ET.Element:
    """The parts every question type has, in Moodle's order."""
    element = ET.Element("question", type=qtype)
    _text(element, "name", short_name(question))
    _text(element, "questiontext", text_html, "html")
    _text(element, "generalfeedback", general_feedback_html(question), "html")
    _value(element, "defaultgrade", "1")
    _value(element, "penalty", "0.3333333")
    _value(element, "hidden", "0")
    return element


def _answer(parent: ET.Element, text: str, fraction: int, text_format: str,
            feedback_html: str = "") -> ET.Element:
    answer = ET.SubElement(parent, "answer", fraction=str(fraction), format=text_format)
    ET.SubElement(answer, "text").text = text
    _text(answer, "feedback", feedback_html, "html")
    return answer


# -- question types -----------------------------------------------------------


def _shortanswer(question: dict) -> ET.Element:
    text_html = prompt_html(question)
    if question.get("kind") == "cloze":
        text_html = GAP.sub(MOODLE_GAP, text_html, count=1)
    element = _question("shortanswer", question, text_html)
    _value(element, "usecase", "0")  # case-insensitive
    for variant in answer_variants(question):
        _answer(element, moodle_short_answer(variant), 100, "moodle_auto_format")
    return element


def _numerical(question: dict, numeric: NumericAnswer) -> ET.Element:
    element = _question("numerical", question, numeric_prompt_html(question, numeric))
    answer = _answer(element, numeric.number, 100, "moodle_auto_format")
    _value(answer, "tolerance", "0")
    units = moodle_units(numeric)
    if units:
        unit_list = ET.SubElement(element, "units")
        for name, multiplier in units:
            unit = ET.SubElement(unit_list, "unit")
            _value(unit, "multiplier", format_number(multiplier))
            _value(unit, "unit_name", name)
    _value(element, "unitgradingtype", "0")  # units optional: no penalty without one
    _value(element, "unitpenalty", "0.1000000")
    _value(element, "showunits", "0" if units else "3")  # 0: typed after the number; 3: none
    _value(element, "unitsleft", "0")
    return element


def moodle_units(numeric: NumericAnswer) -> list[tuple[str, float]]:
    """(unit name, multiplier) for Moodle: the answer's unit, then units that scale it.

    Moodle accepts the bare number whatever unit follows (units are optional here),
    so units only matter where they change the value: "34000000 Dollar" for
    34 Millionen Dollar, "210 Minuten" for 3,5 Stunden. Moodle deletes every space
    of a response before it looks a unit up, so those are stored without spaces;
    the first unit keeps its spaces, as Moodle shows it next to the right answer.
    """
    if not numeric.units:
        return []
    units = {numeric.units[0].name: 1.0}
    for unit in numeric.units:
        if unit.multiplier != 1.0:
            units.setdefault(unit.name.replace(" ", ""), unit.multiplier)
    return list(units.items())


def _multichoice(question: dict) -> ET.Element:
    element = _question("multichoice", question, prompt_html(question))
    _value(element, "single", "true")
    _value(element, "shuffleanswers", "true")
    _value(element, "answernumbering", "abc")
    _value(element, "showstandardinstruction", "0")
    _text(element, "correctfeedback", f"<p>{tr('Richtig!', 'Correct!')}</p>", "html")
    _text(element, "partiallycorrectfeedback", "", "html")
    _text(element, "incorrectfeedback", f"<p>{tr('Leider nicht.', 'Not quite.')}</p>", "html")
    answer = clean(question.get("answer"))
    for choice in choices(question):
        _answer(element, f"<p>{_escape_html(choice)}</p>", 100 if choice == answer else 0, "html")
    return element


def _truefalse(question: dict) -> ET.Element:
    element = _question("truefalse", question, prompt_html(question))
    correct = bool(question.get("correct"))
    for value in (True, False):
        _answer(element, "true" if value else "false", 100 if value == correct else 0,
                "moodle_auto_format", truefalse_feedback_html(question, right=value == correct))
    return element
