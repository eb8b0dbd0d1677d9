"""GIFT, Moodle's plain-text question format (Moodle: Fragensammlung → Import → GIFT).

One category per article (``$CATEGORY: quizbot/Titel (25.04.2019)``), then per
question:

- open, quantity answer -> numerical ``{#34:0}``, the unit named in the text
  ("Nur die Zahl eingeben, in Millionen Dollar."): Moodle compares values;
- open, other answers -> short answer with every accepted spelling ``{=a =b}``;
- cloze -> short answer embedded at the gap (Moodle's missing-word form);
- choice -> multiple choice ``{=right ~wrong …}``; truefalse -> ``{TRUE}``/``{FALSE}``.

Texts are ``[html]``; the general feedback (``####``) gives the answer and quotes
the source sentence with "Titel, Quelle, Datum". Every text is escaped for GIFT
(``\\ ~ = # { } :``) after HTML escaping, so article text cannot break the format.
"""

from __future__ import annotations

import html
from typing import TextIO

from quizbot.exports.common import (
    GAP, answer_variants, by_article, category_path, choices, clean, general_feedback_html,
    hint_html, moodle_short_answer, numeric_answer, numeric_prompt_html, prompt_html, short_name,
    truefalse_feedback_html,
)
from quizbot.i18n import tr

BINARY = False
SUFFIX = ".gift.txt"
_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """Backslash before every GIFT control character; a line break as ``\\n``."""
    escaped = "".join("\\" + ch if ch in _SPECIAL else ch for ch in text)
    return escaped.replace("\n", "\\n")


def write(questions: list[dict], out: TextIO) -> None:
    """Write ``questions`` (Store.questions() shape) as a GIFT file to ``out``."""
    out.write(tr("// quizbot: Fragen für Moodle (Fragensammlung → Import → GIFT-Format, UTF-8)\n\n",
                 "// quizbot: questions for Moodle (Question bank → Import → GIFT format, UTF-8)\n\n"))
    for _, group in by_article(questions):
        # Moodle reads the category line before unescaping: it is written as is.
        out.write(f"$CATEGORY: {category_path(group[0])}\n\n")
        for question in group:
            out.write(question_block(question) + "\n\n")


def question_block(question: dict) -> str:
    """One question: a comment naming kind, answer type and key, then the question."""
    comment = clean(f"// {question.get('kind')} {question.get('answer_type')} {question.get('key')}")
    head = f"::{escape(short_name(question))}::[html]"
    kind = question.get("kind")
    numeric = numeric_answer(question) if kind == "open" else None
    if kind == "choice" and clean(question.get("answer")) in choices(question):
        body = escape(prompt_html(question)) + _multichoice(question)
    elif kind == "truefalse":
        body = escape(prompt_html(question)) + _truefalse(question)
    elif numeric is not None:
        body = escape(numeric_prompt_html(question, numeric)) + _numerical(numeric.number, question)
    elif kind == "cloze" and GAP.search(clean(question.get("question"))):
        body = _cloze(question)
    else:
        body = escape(prompt_html(question)) + _shortanswer(question)
    return f"{comment}\n{head}{body}"


def _general_feedback(question: dict) -> str:
    return f"\t####{escape(general_feedback_html(question))}\n"


def _plain_answer(text: str) -> str:
    """A short answer, escaped for Moodle's matching and then for GIFT.

    "->" would make Moodle take the question for a matching one: it becomes an arrow.
    A leading "[" would be read as a text format tag: "[plain]" keeps it text.
    """
    text = moodle_short_answer(text).replace("->", "→")
    return escape(("[plain]" if text.startswith("[") else "") + text)


def _shortanswer(question: dict) -> str:
    answers = "".join(f"\t=%100%{_plain_answer(a)}\n" for a in answer_variants(question))
    return "{\n" + answers + _general_feedback(question) + "}"


def _cloze(question: dict) -> str:
    """The answers embedded at the gap: Moodle shows a blank line there."""
    before, after = GAP.split(clean(question.get("question")), maxsplit=1)
    hint = escape(hint_html(question))
    return f"<p>{_text_part(before)}{_shortanswer(question)}{_text_part(after)}</p>{hint}"


def _text_part(text: str) -> str:
    """Text beside the gap, its spaces kept: they separate the words from the gap."""
    return escape(html.escape(text, quote=False))


def _numerical(number: str, question: dict) -> str:
    return "{#\n" + f"\t=%100%{number}:0\n" + _general_feedback(question) + "}"


def _multichoice(question: dict) -> str:
    answer = clean(question.get("answer"))
    lines = []
    for choice in choices(question):
        text = _text_part(choice)
        if text.startswith("%") or text.startswith("["):  # would read as weight or format
            text = "[html]" + text
        lines.append(f"\t{'=' if choice == answer else '~'}{text}\n")
    return "{\n" + "".join(lines) + _general_feedback(question) + "}"


def _truefalse(question: dict) -> str:
    value = "TRUE" if question.get("correct") else "FALSE"
    wrong = escape(truefalse_feedback_html(question, right=False))
    right = escape(truefalse_feedback_html(question, right=True))
    return "{" + f"{value}#{wrong}#{right}\n" + _general_feedback(question) + "}"
