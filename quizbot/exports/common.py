"""What every school export needs: clean text, source credits, numeric answers.

The writers (gift, moodle_xml, anki, csv_export, worksheet) take questions in
the store's export shape (``Store.questions()``) and share these helpers, so a
question reads the same in Moodle, Anki, a spreadsheet and on paper.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from quizbot.i18n import correction_without_quote, local_date, tr
from quizbot.numbers import Quantity, parse_number, parse_quantity
from quizbot.resources import lexicon_rows
from quizbot.text import normalize_whitespace

# Terminal escape sequences (colour codes pasted with a text) and other control
# characters: invisible in print, invalid in XML 1.0, confusing in every format.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029\x85]+")
# Control characters, lone surrogates, private use and non-characters (invalid in XML).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffe\uffff\U000f0000-\U0010ffff]")
# The gap of a cloze question ("Bis 2027 sollen dort ____ Menschen arbeiten.").
GAP = re.compile(r"_{3,}")


def clean(text: Optional[str]) -> str:
    """One line of printable text: escape codes and control characters removed."""
    if not text:
        return ""
    text = _INVISIBLE.sub("", _BREAKS.sub(" ", _ANSI.sub("", str(text))))
    return normalize_whitespace(text).strip()


def german_date(iso: Optional[str]) -> str:
    """'2019-04-25' -> '25.04.2019' (English: unchanged ISO); anything else as given, cleaned."""
    return clean(local_date(iso))


def article_title(question: dict) -> str:
    article = question.get("article") or {}
    return clean(article.get("title")) or clean(article.get("file")) or tr("Artikel", "Article")


def credit(question: dict) -> str:
    """'Titel, Quelle, 25.04.2019': where the question's fact is printed."""
    article = question.get("article") or {}
    parts = [article_title(question), clean(article.get("source")), german_date(article.get("date"))]
    return ", ".join(part for part in parts if part)


def source_sentence(question: dict) -> str:
    return clean(question.get("sentence"))


def truefalse_verdict(question: dict) -> str:
    """'Die Aussage ist richtig.' / 'Die Aussage ist falsch.' (+ the correction, if it is
    not the source sentence, which the feedback quotes anyway)."""
    if question.get("correct"):
        return tr("Die Aussage ist richtig.", "The statement is true.")
    correction = correction_without_quote(clean(question.get("correction")), source_sentence(question))
    verdict = tr("Die Aussage ist falsch.", "The statement is false.")
    if correction and correction != source_sentence(question):
        labelled = correction.startswith(("Richtig ist", "Correct is", "Correct:"))  # the generator's wording
        verdict += " " + (correction if labelled else tr(f"Richtig ist: {correction}", f"Correct: {correction}"))
    return verdict


def key_answer(question: dict) -> str:
    """The answer as an answer key prints it: 'richtig'/'falsch' for true/false."""
    if question.get("kind") == "truefalse":
        return tr("richtig", "true") if question.get("correct") else tr("falsch", "false")
    return clean(question.get("answer"))


def accepted_answers(question: dict) -> list[str]:
    """The answer first, then every accepted spelling, each once (as the store gives them)."""
    answers = [clean(question.get("answer"))] + [clean(a) for a in question.get("accepted") or []]
    return list(dict.fromkeys(a for a in answers if a))


def choices(question: dict) -> list[str]:
    return [clean(choice) for choice in question.get("choices") or [] if clean(choice)]


def option_letter(index: int) -> str:
    """a, b, c, d for the options of a choice question."""
    return chr(ord("a") + index)


def by_article(questions: Iterable[dict]) -> Iterator[tuple[dict, list[dict]]]:
    """The questions of each article together, articles in the order they first come up:
    (article dict, its questions in their order). A quiz set mixes its articles; a worksheet,
    a Moodle category or an Anki deck holds one article's questions at one place."""
    groups: dict[tuple, list[dict]] = {}
    for question in questions:
        article = question.get("article") or {}
        groups.setdefault((article.get("file"), article.get("title"), article.get("date")), []).append(question)
    for members in groups.values():
        yield members[0].get("article") or {}, members


def short_name(question: dict, limit: int = 60) -> str:
    """A question's name in a question bank: 'Q12 Wie viel Geld investiert …'."""
    text = clean(question.get("question"))
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"Q{question.get('id', '')} {text}".strip()


# --------------------------------------------------------------------------
# Numeric answers (read with quizbot.numbers; spellings from its lexicons)
# --------------------------------------------------------------------------

# Answer types that may be graded as a number, and the quantity kinds that can.
NUMERIC_TYPES = frozenset({"amount", "count", "duration", "distance", "percent", "year"})
_GRADABLE_KINDS = frozenset({"amount", "count", "duration", "distance", "percent", "year", "number"})
_DIGITS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
# "3.000" may be read the English way (3.0); in a German article it is three thousand.
_GERMAN_GROUPING = re.compile(r"(?<![\d,.])\d{1,3}(?:\.\d{3})+(?![\d.])(?!,\d{3})")


@dataclass(frozen=True)
class Unit:
    name: str  # as a learner types it after the number ("Mio. Dollar")
    multiplier: float  # this many of it make one of the answer's unit (Moodle's meaning)


@dataclass(frozen=True)
class NumericAnswer:
    """A quantity answer as a number in the article's own unit: 34 (Millionen Dollar)."""

    value: float  # 34.0: what the learner types
    written: str  # the number as the article writes it: "34", "10.000", "dreieinhalb"
    unit: str  # as written: "Millionen Dollar", "%", "" for a bare count or year
    qualifier: str  # "mehr als", "rund", "": said in the text, not part of the value
    scale: float  # the scale word's factor: 1e6 for "Millionen", 1 without one
    units: tuple[Unit, ...]  # the unit (x 1), its other spellings (x 1), other scales and units

    @property
    def number(self) -> str:
        """The value as Moodle reads it: '34', '38.2' (no exponent, no grouping)."""
        return format_number(self.value)


def format_number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")


def plain_german_number(value: float) -> str:
    """34000000 -> '34000000', 3.5 -> '3,5': decimal comma, no grouping."""
    return format_number(value).replace(".", ",")


def numeric_answer(question: dict) -> Optional[NumericAnswer]:
    """The answer as number + unit when it is one plain quantity, else None.

    "rund 500 Millionen Euro" -> 500 (Millionen Euro); "dreieinhalb Stunden" -> 3.5
    (Stunden); ranges, vague figures ("Hunderte"), factors, scores and dates stay text.
    """
    if question.get("answer_type") not in NUMERIC_TYPES:
        return None
    return _numeric(clean(question.get("answer")))


@lru_cache(maxsize=4096)
def _numeric(answer: str) -> Optional[NumericAnswer]:
    quantity = parse_quantity(answer)
    if not _plain(quantity, answer):
        return None
    qualifier, written, unit = _written_parts(quantity.text)
    value = (quantity.number if quantity.number is not None else quantity.value) / (quantity.scale or 1)
    if not written or not math.isclose(parse_number(written) or math.nan, value, rel_tol=1e-9):
        return None
    return NumericAnswer(value, written, unit, qualifier, quantity.scale or 1.0,
                         _unit_spellings(quantity, unit, value))


def _plain(quantity: Optional[Quantity], answer: str) -> bool:
    """One whole, exact figure: the answer is the quantity (and maybe its noun).

    A number with two readings counts when it is grouped the German way ("3.000").
    """
    return (
        quantity is not None
        and quantity.start == 0
        and quantity.kind in _GRADABLE_KINDS
        and quantity.qualifier != "vague"
        and quantity.upper is None
        and quantity.period is None
        and (quantity.alt_value is None or _GERMAN_GROUPING.search(quantity.text) is not None)
        and answer[quantity.end:].strip() in ("", quantity.noun or "")
    )


@lru_cache(maxsize=None)
def _qualifier_forms() -> tuple[str, ...]:
    """Words before a number that qualify it ("mehr als", "rund"), from data/qualifiers.tsv."""
    return tuple(row[0].casefold() for row in lexicon_rows("qualifiers.tsv"))


def _written_parts(span: str) -> tuple[str, str, str]:
    """'rund 500 Millionen Euro' -> ('rund', '500', 'Millionen Euro')."""
    folded = span.casefold()
    qualifier = max((q for q in _qualifier_forms() if folded.startswith(q + " ")), key=len, default="")
    rest = span[len(qualifier):].strip()
    match = _DIGITS.match(rest) or re.match(r"\S+", rest)
    written = match.group() if match else ""
    return span[:len(qualifier)], written, rest[len(written):].strip()


@lru_cache(maxsize=None)
def _scale_forms() -> dict[float, tuple[str, ...]]:
    """Scale words by factor, from data/number_words.tsv: 1e6 -> Million, Millionen, Mio., …"""
    forms: dict[float, list[str]] = {}
    for word, value, kind in lexicon_rows("number_words.tsv"):
        if kind == "scale":
            forms.setdefault(float(value), []).append(word)
    return {factor: tuple(words) for factor, words in forms.items()}


def _scale_spellings(factor: float, value: float) -> tuple[str, ...]:
    """The scale words for a number: no singular "Million" for 34 (but "Millionen", "Mio.")."""
    forms = _scale_forms().get(factor, ())
    if value == 1:
        return forms
    return tuple(f for f in forms if f + "en" not in forms and f + "n" not in forms)


@lru_cache(maxsize=None)
def _unit_rows() -> dict[str, tuple[str, float, str, str, tuple[str, ...]]]:
    """Units of data/units.tsv: key -> (base, factor, singular, plural, other forms)."""
    units = {}
    for key, base, factor, _kind, singular, plural, forms, _adjectives in lexicon_rows("units.tsv"):
        others = tuple(f for f in forms.split("|") if f and f != "-")
        units[key] = (base, float(factor), singular, plural, others)
    return units


def _unit_spellings_for(key: str, value: float) -> tuple[str, ...]:
    """'h', 3.5 -> Stunden, Std., Std, …, h (the singular only for one)."""
    if key not in _unit_rows():
        return ()
    _, _, singular, plural, others = _unit_rows()[key]
    return tuple(dict.fromkeys((singular if value == 1 else plural,) + others))


def _split_scale(unit: str, factor: Optional[float]) -> tuple[str, str]:
    """'Mio. Dollar' -> ('Mio.', 'Dollar'): the scale word as written and the rest."""
    for form in sorted(_scale_forms().get(factor or 0, ()), key=len, reverse=True):
        if unit == form or unit.startswith(form + " "):
            return form, unit[len(form):].strip()
    return "", unit


def _unit_spellings(quantity: Quantity, unit: str, value: float) -> tuple[Unit, ...]:
    """The unit as written (x 1), then its other spellings (x 1), other scales, other units.

    "Millionen Dollar": Mio. Dollar, Mio. $, … (x 1); Dollar, $ (x 1e6); Milliarden
    Dollar (x 0.001) … "3,5 Stunden": Std., h (x 1); Minuten (x 60), Sekunden (x 3600) …
    """
    if not unit:
        return ()
    scale, rest = _split_scale(unit, quantity.scale)
    key = quantity.unit_key or ""
    rests = (rest,) + tuple(s for s in _unit_spellings_for(key, value) if s != rest)
    units: dict[str, float] = {unit: 1.0}
    if quantity.scale:
        scales = (scale,) + tuple(s for s in _scale_spellings(quantity.scale, value) if s != scale)
        for scale_form, unit_form in _by_preference(scales, rests):
            units.setdefault(_join(scale_form, unit_form), 1.0)
        for unit_form in rests:  # written out: "34000000 Dollar"
            units.setdefault(unit_form, quantity.scale)
        for other, forms in _scale_forms().items():  # other scales, the unit as written
            for scale_form in forms if other != quantity.scale else ():
                units.setdefault(_join(scale_form, rest), quantity.scale / other)
    else:
        for unit_form in rests:
            units.setdefault(unit_form, 1.0)
    if key in _unit_rows() and not quantity.scale:  # other units of the dimension: Minuten
        base, factor = _unit_rows()[key][:2]
        for other_key, (other_base, other_factor, *_) in _unit_rows().items():
            if other_base == base and other_factor != factor:
                for form in _unit_spellings_for(other_key, value * factor / other_factor):
                    units.setdefault(form, factor / other_factor)
    return tuple(Unit(name, multiplier) for name, multiplier in units.items() if name)


def _by_preference(first: tuple[str, ...], second: tuple[str, ...]) -> list[tuple[str, str]]:
    """All pairs, the most usual first: ordered by the sum of both ranks."""
    pairs = [(i + j, i, a, b) for i, a in enumerate(first) for j, b in enumerate(second)]
    return [(a, b) for _, _, a, b in sorted(pairs)]


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def quantity_variants(question: dict, limit: int = 24) -> list[str]:
    """Spellings a text-matching grader (Moodle short answer) needs for a quantity.

    "34 Millionen Dollar" -> "34 Mio. Dollar", "34 Millionen $", …, "34000000 Dollar";
    "mehr als 10.000" -> "10.000", "10000"; "25 %" -> "25%". At most ``limit``.
    """
    numeric = numeric_answer(question)
    if numeric is None:
        return []
    digits = numeric.written if numeric.written[0].isdigit() else plain_german_number(numeric.value)
    numbers = list(dict.fromkeys([digits, plain_german_number(numeric.value)]))
    same = [u.name for u in numeric.units if u.multiplier == 1.0] or [""]
    written_out = [_with_unit(plain_german_number(numeric.value * numeric.scale), u.name)
                   for u in numeric.units if numeric.scale > 1 and u.multiplier == numeric.scale]
    variants = [v for unit in same for number in numbers for v in _with_unit(number, unit)]
    variants = variants[:8] + [v for group in written_out[:2] for v in group] + variants[8:]
    if numeric.qualifier:
        variants = [_join(numeric.qualifier, v) for v in variants[:2]] + variants
    return list(dict.fromkeys(variants))[:limit]


def _with_unit(number: str, unit: str) -> tuple[str, ...]:
    """'25', '%' -> ('25 %', '25%'): a sign is typed with or without a space."""
    spaced = _join(number, unit)
    if unit and not unit[0].isalnum():
        return (spaced, number + unit)
    return (spaced,)


def answer_variants(question: dict) -> list[str]:
    """Accepted answers plus derived spellings of a quantity, each once, answer first."""
    return list(dict.fromkeys(accepted_answers(question) + quantity_variants(question)))


# --------------------------------------------------------------------------
# Moodle texts (GIFT and Moodle XML): HTML, escaped here, escaped again per format
# --------------------------------------------------------------------------


def category_path(question: dict) -> str:
    """'quizbot/Titel (25.04.2019)': one question category per article.

    '/' separates categories in Moodle's paths, so one in a title is doubled; a
    backslash (which GIFT's category line would swallow) becomes a slash as well.
    """
    title = article_title(question)
    date = german_date((question.get("article") or {}).get("date"))
    name = f"{title} ({date})" if date else title
    return "quizbot/" + name.replace("\\", "/").replace("/", "//")


def _h(text: str) -> str:
    return html.escape(text, quote=False)


def prompt_html(question: dict) -> str:
    """The question, and for a text answer the hint on its form."""
    return f"<p>{_h(clean(question.get('question')))}</p>{hint_html(question)}"


def hint_html(question: dict) -> str:
    """'Hinweis: Betrag mit Einheit' for open and cloze questions that have a hint."""
    hint = clean(question.get("hint")) if question.get("kind") in ("open", "cloze") else ""
    return f"<p><em>{_h(tr('Hinweis: ', 'Hint: ') + hint)}</em></p>" if hint else ""


def numeric_instruction(numeric: NumericAnswer) -> str:
    """'Nur die Zahl eingeben, in Millionen Dollar.' - what Moodle can grade.

    Moodle reads "10.000" as ten and "3,5 Mrd." as 35 (a dot makes commas thousands
    separators), so learners are asked for the bare number, without grouping dots.
    """
    parts = [tr("Nur die Zahl eingeben", "Enter the number only")]
    if numeric.unit:
        parts.append(f"in {numeric.unit}")
    if "." in numeric.written:
        parts.append(tr("ohne Tausenderpunkte", "without thousands separators"))
    return ", ".join(parts) + "."


def numeric_prompt_html(question: dict, numeric: NumericAnswer) -> str:
    return f"<p>{_h(clean(question.get('question')))}</p><p><em>{_h(numeric_instruction(numeric))}</em></p>"


def general_feedback_html(question: dict) -> str:
    """The answer (or the verdict), the source sentence quoted, and where it stands."""
    if question.get("kind") == "truefalse":
        lead = _h(truefalse_verdict(question))
    else:
        lead = f"{tr('Antwort', 'Answer')}: <strong>{_h(key_answer(question))}</strong>"
    parts = [f"<p>{lead}</p>"]
    sentence = source_sentence(question)
    if sentence:
        quote = tr(f"Im Artikel steht: „{sentence}“", f"The article says: “{sentence}”")
        parts.append(f"<p>{_h(quote)}</p>")
    parts.append(f"<p><cite>{_h(credit(question))}</cite></p>")
    return "".join(parts)


def truefalse_feedback_html(question: dict, right: bool) -> str:
    """Feedback on a true/false choice: praise or not, then the verdict."""
    opener = tr("Richtig!", "Correct!") if right else tr("Leider nicht.", "Not quite.")
    return f"<p>{_h(opener)} {_h(truefalse_verdict(question))}</p>"


def moodle_short_answer(text: str) -> str:
    """An answer as Moodle's short-answer question compares it: ``*`` is its wildcard."""
    return clean(text).replace("*", "\\*")
