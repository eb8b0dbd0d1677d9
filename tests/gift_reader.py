"""A strict reader of Moodle's GIFT format, written from the Moodle documentation.

Used by the round-trip test of quizbot's GIFT export. It reads what Moodle's
importer reads, and refuses what Moodle would misread or silently repair:

- questions are separated by blank lines; lines starting with ``//`` are comments;
- ``$CATEGORY: path`` alone in a block switches the category;
- ``::name::`` names a question; ``[html]``, ``[moodle]``, ``[plain]``, ``[markdown]``
  at the start of a text give its format (the question's format is the default of
  its answers and feedback);
- one answer block ``{…}``; text after it makes the question "missing word" (the
  block's place becomes ``_____``);
- ``\\~ \\= \\# \\{ \\} \\:`` are the literal characters, ``\\\\`` a backslash and
  ``\\n`` a line break; any other backslash sequence is an error here (Moodle would
  keep it literally, which is never what a writer meant);
- ``####`` starts the general feedback, ``#`` an answer's feedback, ``%n%`` a weight;
- answer types: ``{}`` essay, ``{#…}`` numerical (``value:tolerance``, ``min..max``),
  any ``~`` multiple choice, ``=`` with ``->`` matching, ``{T}``/``{TRUE}``/``{F}``/
  ``{FALSE}`` true/false (``{T#wrong feedback#right feedback}``), else short answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

FORMATS = ("html", "moodle", "plain", "markdown")
_ESCAPABLE = "~=#{}:"
# Escaped characters live in a private-use plane while the structure is parsed,
# as Moodle's importer does with its "&&058;" placeholders.
_HIDE = {ch: chr(0xF0000 + ord(ch)) for ch in _ESCAPABLE + "\\\n"}
_SHOW = {hidden: ch for ch, hidden in _HIDE.items()}
_WEIGHT = re.compile(r"^%(-?\d{1,3}(?:\.\d+)?)%")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")


class GiftError(ValueError):
    """The text is not valid GIFT (the message names the line)."""


@dataclass
class Answer:
    text: str
    fraction: float  # 0..1
    feedback: str = ""
    tolerance: Optional[float] = None  # numerical only


@dataclass
class GiftQuestion:
    qtype: str  # shortanswer | numerical | multichoice | truefalse | match | essay | description
    name: str
    text: str  # "_____" where a missing-word answer block stood
    text_format: str
    category: str
    line: int
    answers: list[Answer] = field(default_factory=list)
    general_feedback: str = ""
    correct: Optional[bool] = None  # truefalse
    feedback_wrong: str = ""  # truefalse: shown for the wrong choice
    feedback_right: str = ""


def read(text: str) -> list[GiftQuestion]:
    """All questions of a GIFT text, in order, each with the category in force."""
    if any(0xF0000 <= ord(ch) <= 0xFFFFD for ch in text):
        raise GiftError("private-use characters are not allowed in GIFT text")
    questions, category = [], ""
    for line_number, block in _blocks(text):
        hidden = _hide_escapes(block, line_number)
        if hidden.startswith("$CATEGORY:"):
            if "\n" in hidden.strip():
                raise GiftError(f"line {line_number}: $CATEGORY must stand alone in its block")
            category = _show(hidden[len("$CATEGORY:"):]).strip()
            if not category:
                raise GiftError(f"line {line_number}: empty category")
            continue
        questions.append(_question(hidden, category, line_number))
    return questions


# -- structure ----------------------------------------------------------------


def _blocks(text: str) -> list[tuple[int, str]]:
    """Blocks of non-blank lines without comment lines, with their first line number."""
    blocks, current, start = [], [], 0
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            if current:
                blocks.append((start, "\n".join(current).strip()))
            current = []
            continue
        if line.strip().startswith("//"):
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, "\n".join(current).strip()))
    return [(number, block) for number, block in blocks if block]


def _hide_escapes(block: str, line_number: int) -> str:
    out, i = [], 0
    while i < len(block):
        ch = block[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        following = block[i + 1] if i + 1 < len(block) else ""
        if following in _ESCAPABLE or following == "\\":
            out.append(_HIDE[following])
        elif following == "n":
            out.append(_HIDE["\n"])
        else:
            raise GiftError(f"line {line_number}: unknown escape sequence \\{following!s}")
        i += 2
    return "".join(out)


def _show(text: str) -> str:
    return "".join(_SHOW.get(ch, ch) for ch in text)


def _with_format(text: str, default: str) -> tuple[str, str]:
    """(text without a leading format tag, its format); visible characters restored."""
    text = text.strip()
    match = re.match(r"\[(\w+)\]", text)
    if match and match[1] in FORMATS:
        return _show(text[match.end():]).strip(), match[1]
    return _show(text).strip(), default


def _question(block: str, category: str, line_number: int) -> GiftQuestion:
    where = f"line {line_number}"
    name = ""
    if block.startswith("::"):
        end = block.find("::", 2)
        if end < 0:
            raise GiftError(f"{where}: question name not closed with '::'")
        name = _show(block[2:end]).strip()
        if not name:
            raise GiftError(f"{where}: empty question name")
        block = block[end + 2:].strip()
    opening, closing = block.count("{"), block.count("}")
    if (opening, closing) == (0, 0):
        text, text_format = _with_format(block, "moodle")
        return GiftQuestion("description", name or text[:50], text, text_format, category, line_number)
    if (opening, closing) != (1, 1) or block.index("{") > block.index("}"):
        raise GiftError(f"{where}: expected exactly one answer block {{…}} (unescaped braces?)")
    start, end = block.index("{"), block.index("}")
    after = block[end + 1:].strip()
    stem = block[:start] + ("_____" + block[end + 1:] if after else "")
    text, text_format = _with_format(stem, "moodle")
    if not text:
        raise GiftError(f"{where}: question without text")
    answer_text = block[start + 1:end].strip()
    general = ""
    if "####" in answer_text:
        cut = answer_text.rindex("####")
        general, _ = _with_format(answer_text[cut + 4:], text_format)
        answer_text = answer_text[:cut].strip()
    question = GiftQuestion(_qtype(answer_text), name or text[:50], text, text_format,
                            category, line_number, general_feedback=general)
    parse = {
        "numerical": _numerical, "multichoice": _multichoice, "truefalse": _truefalse,
        "shortanswer": _shortanswer, "match": _match, "essay": lambda q, a, w: None,
    }[question.qtype]
    parse(question, answer_text, where)
    return question


def _qtype(answer_text: str) -> str:
    if not answer_text:
        return "essay"
    if answer_text.startswith("#"):
        return "numerical"
    if "~" in answer_text:
        return "multichoice"
    if "=" in answer_text and "->" in answer_text:
        return "match"
    if answer_text.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
        return "truefalse"
    return "shortanswer"


# -- answers ------------------------------------------------------------------


def _split_answers(answer_text: str, markers: str, where: str) -> list[tuple[str, str]]:
    """(marker, body) for each answer; each must start with one of ``markers``."""
    answer_text = answer_text.strip()
    if not answer_text or answer_text[0] not in markers:
        raise GiftError(f"{where}: every answer must start with one of {' '.join(markers)}")
    parts = re.split(f"([{re.escape(markers)}])", answer_text)[1:]
    answers = [(parts[i], parts[i + 1].strip()) for i in range(0, len(parts), 2)]
    if any(not body for _, body in answers):
        raise GiftError(f"{where}: empty answer")
    return answers


def _weight(body: str, default: float, where: str) -> tuple[float, str]:
    match = _WEIGHT.match(body)
    if not match:
        return default, body
    percent = float(match[1])
    if not -100 <= percent <= 100:
        raise GiftError(f"{where}: answer weight {percent}% out of range")
    return percent / 100, body[match.end():]


def _answer(body: str, fraction: float, default_format: str) -> Answer:
    text, _, feedback = body.partition("#")
    return Answer(_with_format(text, default_format)[0], fraction,
                  _with_format(feedback, default_format)[0])


def _shortanswer(question: GiftQuestion, answer_text: str, where: str) -> None:
    for _, body in _split_answers(answer_text, "=", where):
        fraction, body = _weight(body, 1.0, where)
        question.answers.append(_answer(body, fraction, question.text_format))
    if not any(a.text for a in question.answers):
        raise GiftError(f"{where}: short answer without an answer")
    if max(a.fraction for a in question.answers) < 1:
        raise GiftError(f"{where}: short answer without a fully correct answer")


def _multichoice(question: GiftQuestion, answer_text: str, where: str) -> None:
    for marker, body in _split_answers(answer_text, "=~", where):
        fraction = 1.0 if marker == "=" else 0.0
        if marker == "~":
            fraction, body = _weight(body, 0.0, where)
        question.answers.append(_answer(body, fraction, question.text_format))
    if len(question.answers) < 2:
        raise GiftError(f"{where}: multiple choice needs at least two answers")
    right = [a for a in question.answers if a.fraction == 1.0]
    if len(right) > 1:
        raise GiftError(f"{where}: more than one '=' answer in a single-answer question")
    if not right and abs(sum(a.fraction for a in question.answers if a.fraction > 0) - 1) > 1e-6:
        raise GiftError(f"{where}: multiple answers: positive weights must add up to 100%")


def _truefalse(question: GiftQuestion, answer_text: str, where: str) -> None:
    parts = answer_text.split("#")
    if len(parts) > 3:
        raise GiftError(f"{where}: true/false takes at most two feedbacks")
    question.correct = parts[0].strip() in ("T", "TRUE")
    feedbacks = [_with_format(p, question.text_format)[0] for p in parts[1:]] + ["", ""]
    question.feedback_wrong, question.feedback_right = feedbacks[0], feedbacks[1]


def _numerical(question: GiftQuestion, answer_text: str, where: str) -> None:
    body = answer_text[1:].strip()
    wrong = ""
    if "~" in body:
        body, wrong = body.split("~", 1)
    if not body.startswith("="):  # the single-answer short form {#34:0}
        body = "=" + body
    for _, answer in _split_answers(body, "=", where):
        fraction, answer = _weight(answer, 1.0, where)
        value_text, _, feedback = answer.partition("#")
        value, tolerance = _numeric_value(_show(value_text).strip(), where)
        question.answers.append(Answer(value, fraction, _with_format(feedback, question.text_format)[0],
                                       tolerance))
    if wrong:
        question.answers.append(Answer("*", 0.0, _with_format(wrong.partition("#")[2], question.text_format)[0]))


def _numeric_value(text: str, where: str) -> tuple[str, float]:
    if ".." in text:
        low, high = (part.strip() for part in text.split("..", 1))
        _require_number(low, where)
        _require_number(high, where)
        middle = (float(low) + float(high)) / 2
        return repr(middle), float(high) - middle
    value, _, tolerance = text.partition(":")
    _require_number(value.strip(), where)
    if tolerance:
        _require_number(tolerance.strip(), where)
    return value.strip(), float(tolerance) if tolerance else 0.0


def _require_number(text: str, where: str) -> None:
    if not _NUMBER.match(text):
        raise GiftError(f"{where}: not a number: {text!r}")


def _match(question: GiftQuestion, answer_text: str, where: str) -> None:
    for _, body in _split_answers(answer_text, "=", where):
        if "->" not in body:
            raise GiftError(f"{where}: matching pair without '->'")
        left, right = body.split("->", 1)
        question.answers.append(Answer(f"{_show(left).strip()} -> {_show(right).strip()}", 1.0))
    if len(question.answers) < 2:
        raise GiftError(f"{where}: matching needs at least two pairs")
