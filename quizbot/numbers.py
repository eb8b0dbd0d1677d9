"""German quantities: the ONE place that reads numbers in text.

Fact extraction, grading and fact-checking all use this module, so that
"34 Mio. $", "vierunddreißig Millionen Dollar" and "34.000.000 US-Dollar" are
the same quantity everywhere.

What a quantity is (``Quantity``):

- ``value`` is normalised: the scale word applied ("34 Millionen" -> 34e6) and,
  where the conversion is sure, converted to the dimension's base unit
  ("dreieinhalb Stunden" -> 12600 s, "130 Kilometer" -> 130000 m). Days and
  weeks are seconds; months, years and decades are months (18 months =
  "anderthalb Jahre"), and the two never mix. Currencies are never converted.
- ``number`` is the number as written, scale applied, before unit conversion
  (3.5 for "dreieinhalb Stunden"): a learner's bare "3,5" is compared with it.
- ``kind``: amount (money and other measures: mass, area, energy, temperature),
  count (a number with its noun, "viermal"), duration, distance, percent,
  factor ("das Zehnfache"), year, date, ordinal, number (a bare number).
- ``qualifier``: approx | more_than | less_than | almost | at_least | at_most |
  up_to | exactly, or "vague" for "Hunderte", "Tausenden", "Millionen Menschen"
  (an order of magnitude: ``value`` is its lower bound, 100 for "Hunderte").
- ``noun``: the counted or measured thing after the quantity, not part of the
  span: "mehr als 10.000 Nordkoreaner" -> noun "Nordkoreaner"; "2000 Tonnen
  Weizen" -> noun "Weizen" (the unit is Tonnen).
- ranges ("1950-53", "3 bis 5 Tage") have ``upper``; "Ende Februar", "Anfang
  2019" have ``period``.

What is not a quantity: clock times and scores ("22:38 Uhr", "2:1"), labels
("Artikel 5", "§ 219a", "Nr. 7"), names with digits ("G7", "COVID-19",
"F-35", "5G"), list numbering at a line start, "1. FC Köln", number words
used as nouns mid-sentence ("die Elf"), articles ("eine Frau"), the adverb
"erst" and the verb "achten" (word ordinals need a determiner before them).

Lexicons: data/number_words.tsv, data/units.tsv, data/qualifiers.tsv,
data/number_context.tsv, and the shared data/months.tsv and
data/sentence_starters.txt.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Iterator, Optional

from quizbot.resources import lexicon_lines, lexicon_rows
from quizbot.text import fold

KINDS = ("amount", "count", "duration", "distance", "percent", "factor", "year", "date", "ordinal", "number")
QUALIFIERS = ("approx", "more_than", "less_than", "almost", "at_least", "at_most", "up_to", "exactly", "vague")
# Whole numbers in this range, written without separators and standing alone, are years.
YEARS = range(1000, 2100)


@dataclass(frozen=True)
class Quantity:
    kind: str  # see KINDS
    value: float  # normalised: scale applied, in the base unit where conversion is sure
    unit: Optional[str]  # canonical (base) unit id from data/units.tsv: "USD", "s", "m", "kg", "%", ...
    qualifier: Optional[str]  # see QUALIFIERS
    text: str  # the span as written (qualifier included, noun not)
    start: int
    end: int
    noun: Optional[str] = None  # "Nordkoreaner" in "mehr als 10.000 Nordkoreaner"
    iso: Optional[str] = None  # dates "2019-04-25", "2019-04", "--04-25", "--02"; years "2019"
    number: Optional[float] = None  # as written with scale, before unit conversion (3.5 in "3,5 Stunden")
    unit_key: Optional[str] = None  # the unit as written, a units.tsv key ("h" for "Std."), for labels
    scale: Optional[float] = None  # the scale word's factor (1e6 for "Mio."), None without one
    upper: Optional[float] = None  # ranges: "1950-53" -> value 1950, upper 1953 (same unit as value)
    period: Optional[str] = None  # "Anfang" | "Mitte" | "Ende" ("Ende Februar", "Anfang 2019")
    alt_value: Optional[float] = None  # an ambiguous separator's other reading: "10,000" -> 10.0, alt 10000.0

    @property
    def label(self) -> str:
        return format_quantity(self)


@dataclass(frozen=True)
class Unit:
    key: str
    base: str
    factor: float
    kind: str
    singular: str
    plural: str


# --------------------------------------------------------------------------
# Lexicons and patterns (built once)
# --------------------------------------------------------------------------

_LETTER = r"[^\W\d_]"
_NOT_AFTER_WORD = r"(?<![^\W_])(?<![^\W\d_]-)"  # not glued to a word before: "G7", "COVID-19"
_END = r"(?![^\W_])"
_DIGITS = (
    r"(?:\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?"  # 10.000 / 1.234,5
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?:,\d+)?"  # 10 000
    r"|\d{1,3}(?:['’]\d{3})+(?!\d)(?:[.,]\d+)?"  # 17'500 (Swiss)
    r"|\d{1,3}(?:,\d{3}){2,}(?!\d)(?:\.\d+)?"  # 1,000,000 (English)
    r"|\d+,\d+|\d+\.\d+|\d+)"
    r"(?:,[-–—]{1,2})?"  # 5,- Euro
)
_AMBIGUOUS_COMMA = re.compile(r"\d{1,3},\d{3}")
_AMBIGUOUS_DOT = re.compile(r"\d{1,3}\.\d{3}")
_PERIODS = "Anfang|Mitte|Ende"


def _alternation(forms, *, case_sensitive_upto: int = 0) -> str:
    """A regex alternation of literal forms, longest first; spaces match any whitespace."""
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        pattern = r"\s+".join(re.escape(word) for word in form.split())
        parts.append(pattern if len(form) <= case_sensitive_upto else f"(?i:{pattern})")
    return "|".join(parts)


def _with_folded(forms) -> set[str]:
    """The forms as written plus their folded spellings ("fünf" and "funf")."""
    return {f for form in forms for f in (form, fold(form))}


@dataclass(frozen=True)
class _Lexicon:
    morphemes: dict[str, tuple[float, str]]  # folded number word part -> (value, type)
    articles: frozenset[str]  # "ein", "eine", ...: numbers only before a scale word or unit
    parts: frozenset[str]  # "halbe", "viertel": the same
    scales: dict[str, float]  # folded scale word -> factor
    vague: dict[str, float]
    factor_words: dict[str, float]
    ordinal_stems: dict[str, int]
    units: dict[str, Unit]  # key -> unit
    unit_by_form: dict[str, Unit]  # form (folded; short forms exact) -> unit
    adjectives: dict[str, Unit]  # folded adjective stem -> unit
    qualifiers: dict[str, str]  # folded form -> canonical
    months: dict[str, int]  # folded month name -> 1..12
    sentence_starters: frozenset[str]
    number_word: str  # regex parts
    scale: str
    unit: str
    adjective: str
    qualifier: str
    currency_prefix: str
    month: str
    label: str
    club: frozenset[str]
    determiner: str
    vague_word: str
    vague_det: str
    factor_word: str


def _unit_rows() -> Iterator[tuple[Unit, list[str], list[str]]]:
    for key, base, factor, kind, singular, plural, forms, adjectives in lexicon_rows("units.tsv"):
        unit = Unit(key, base, float(factor), kind, singular, plural)
        spelled = [singular, plural] + [f for f in forms.split("|") if f and f != "-"]
        yield unit, spelled, [a for a in adjectives.split("|") if a and a != "-"]


def _unit_lookup_key(form: str) -> str:
    return form if len(form) <= 2 else fold(form)


@lru_cache(maxsize=None)
def _lexicon() -> _Lexicon:
    by_type: dict[str, dict[str, float]] = {}
    for word, value, kind in lexicon_rows("number_words.tsv"):
        by_type.setdefault(kind, {})[word] = float(value)
    morpheme_types = ("cardinal", "ten", "multiplier", "and", "fraction", "article", "part")
    morphemes: dict[str, tuple[float, str]] = {}
    for kind in morpheme_types:
        for word, value in by_type.get(kind, {}).items():
            morphemes.setdefault(fold(word), (value, kind))
    articles = frozenset(fold(word) for word in by_type["article"])
    parts = frozenset(fold(word) for word in by_type["part"])
    units, unit_by_form, adjectives, unit_forms, currency_forms, stems_as_written = {}, {}, {}, [], [], []
    for unit, spelled, stems in _unit_rows():
        units[unit.key] = unit
        for form in spelled:
            unit_by_form.setdefault(_unit_lookup_key(form), unit)
            unit_forms.append(form)
            if is_money(unit.key) and (len(form) <= 3 or not form.isalpha()):
                currency_forms.append(form)
        for stem in stems:
            adjectives[fold(stem)] = unit
            stems_as_written.append(stem)
    qualifiers = {fold(form): canonical for form, canonical in lexicon_rows("qualifiers.tsv")}
    months = {fold(name): int(number) for number, *names in lexicon_rows("months.tsv") for name in names}
    context = lexicon_rows("number_context.tsv")
    words_of = lambda role: [word for word, r in context if r == role]  # noqa: E731
    number_word = _alternation(_with_folded(w for kind in morpheme_types for w in by_type.get(kind, {})))
    return _Lexicon(
        morphemes=morphemes,
        articles=articles,
        parts=parts,
        scales={fold(w): v for w, v in by_type["scale"].items()},
        vague={fold(w): v for w, v in by_type["vague"].items()},
        factor_words={fold(w): v for w, v in by_type["factor"].items()},
        ordinal_stems={fold(w): int(v) for w, v in by_type["ordinal"].items()},
        units=units,
        unit_by_form=unit_by_form,
        adjectives=adjectives,
        qualifiers=qualifiers,
        months=months,
        sentence_starters=frozenset(lexicon_lines("sentence_starters.txt")),
        number_word=f"(?:{number_word})+",
        scale=_alternation(by_type["scale"]),
        unit=_alternation(unit_forms, case_sensitive_upto=2),
        adjective=_alternation(_with_folded(stems_as_written)),
        qualifier=_alternation(form for form, _ in lexicon_rows("qualifiers.tsv")),
        currency_prefix=_alternation(currency_forms, case_sensitive_upto=2),
        month=_alternation(name for _, *names in lexicon_rows("months.tsv") for name in names),
        label=_alternation(words_of("label")),
        club=frozenset(words_of("club")),
        determiner=_alternation(words_of("determiner")),
        vague_word=_alternation(list(by_type["vague"]) + [w for w in by_type["scale"] if w.isalpha() and w[0].isupper()]),
        vague_det=_alternation(by_type["vague_det"]),
        factor_word=_alternation(by_type["factor"]),
    )


@dataclass(frozen=True)
class _Patterns:
    skip: re.Pattern
    numbering: re.Pattern
    numeric_date: re.Pattern
    iso_date: re.Pattern
    month_date: re.Pattern
    period_year: re.Pattern
    decade: re.Pattern
    digit_ordinal: re.Pattern
    main: re.Pattern
    factor_word: re.Pattern
    vague: re.Pattern
    word_ordinal: re.Pattern
    noun_after: re.Pattern
    hint: re.Pattern  # on folded text: could there be a quantity at all?


@lru_cache(maxsize=None)
def _patterns() -> _Patterns:
    lx = _lexicon()
    hints = {*lx.morphemes, *lx.scales, *lx.vague, *lx.factor_words, *lx.ordinal_stems, *lx.months, "mal", "fach"}
    hints.discard("und")
    qualifier = rf"(?P<qual>(?<![^\W_])(?:{lx.qualifier})(?:(?<=\.)\s*|\s+))"
    article = _alternation(lx.articles)
    number = rf"(?:{_DIGITS}|(?:(?:{article})\s+(?=(?:{_alternation(lx.parts)}){_END}))?{lx.number_word}(?:\s+(?i:komma)\s+{lx.number_word})?)"
    skip = (
        r"(?<![\w.,])\d{1,2}[:.]\d{2}(?::\d{2})?\s*Uhr" + _END  # 22:38 Uhr, 22.38 Uhr
        + r"|(?<![\w.,:])\d{1,3}:\d{1,3}(?::\d{2})?(?![\d])"  # 22:38, 2:1
        + r"|(?<![\w.,])\d{1,2}\s*Uhr" + _END  # 8 Uhr
        + rf"|(?<![^\W_]){lx.number_word}\s+Uhr" + _END  # acht Uhr
        + rf"|(?<![^\W_])(?:{lx.label})\s*\d+[a-z]?" + _END  # Artikel 5, § 219a
    )
    main = (
        _NOT_AFTER_WORD
        + rf"{qualifier}?"
        + rf"(?P<cur>(?:{lx.currency_prefix})\s?(?=\d))?"
        + r"(?P<sign>(?i:minus)\s+|[-−–](?=\d))?"
        + rf"(?P<num>{number})"
        + rf"(?:\s*(?:[-–]|(?i:bis))\s*(?P<num2>{number}))?"
        + r"(?:"
        + r"-?(?P<fach>(?i:fach)(?:e[nmrs]?)?)"
        + r"|(?:-|\s)?(?P<mal>(?i:mal)(?:ig(?:e[nmrs]?)?)?)"
        + rf"|-?(?P<adj>{lx.adjective})(?:e[nmrs]?)?"
        + rf"|(?:\s*(?P<scale>{lx.scale}){_END})?(?:[\s-]?(?P<unit>{lx.unit}){_END})?"
        + r")"
        + _END
    )
    return _Patterns(
        skip=re.compile(skip),
        numbering=re.compile(r"(?m)^[ \t]*\(?\d{1,2}[.)][ \t]+"),
        numeric_date=re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}(?!\d)))?(?!\d)"),
        iso_date=re.compile(r"(?<![\d.-])(\d{4})-(\d{2})-(\d{2})(?!\d)"),
        month_date=re.compile(
            rf"(?<![^\W_])(?:(?P<period>{_PERIODS})\s+)?(?:(?P<day>\d{{1,2}})\.\s*)?"
            rf"(?P<month>{lx.month})(?:\s+(?P<year>\d{{4}}))?{_END}"
        ),
        period_year=re.compile(rf"(?<![^\W_])(?P<period>{_PERIODS})\s+(?P<year>\d{{4}}){_END}"),
        decade=re.compile(r"(?<![^\W_])(?P<decade>1\d{2}|20\d)0er(?:\s*Jahren?)?" + _END),
        digit_ordinal=re.compile(r"(?<![\w.,])(?P<n>\d{1,3})\.(?=\s+(?P<next>" + _LETTER + r"[\w-]*))"),
        main=re.compile(main),
        factor_word=re.compile(rf"(?<![^\W_])(?P<det>(?i:das)\s+)?(?P<word>{lx.factor_word}){_END}"),
        vague=re.compile(
            rf"(?<![^\W_])(?:(?P<det>{lx.vague_det})\s+)?(?P<word>{lx.vague_word}){_END}"
            rf"(?:\s+(?P<scale>{lx.scale}){_END})?(?:\s+(?P<unit>{lx.unit}){_END})?"
        ),
        word_ordinal=re.compile(rf"(?<![^\W_])(?P<det>{lx.determiner})\s+(?P<word>{_LETTER}+){_END}"),
        hint=re.compile(r"\d|" + "|".join(re.escape(h) for h in sorted(hints, key=len, reverse=True))),
        noun_after=re.compile(
            r"\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}(?P<noun>[A-ZÄÖÜ][\w-]*[^\W\d_])"
        ),
    )


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def _digits_value(text: str) -> tuple[float, Optional[float]]:
    """(value, other reading) of a digit string; the other reading is for "10,000"-style commas."""
    text = re.sub(r",[-–—]+$", "", text)
    if "." in text and "," in text:  # 1.234,5 or 1,234.5: the last separator is the decimal point
        if text.rindex(",") > text.rindex("."):
            return float(text.replace(".", "").replace(",", ".")), None
        return float(text.replace(",", "")), None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        other = float(text) if _AMBIGUOUS_DOT.fullmatch(text) else None  # "42.195" may be English
        return float(text.replace(".", "")), other
    compact = re.sub(r"[ \u00a0\u202f'’]", "", text)
    if compact != text:
        return float(compact.replace(",", ".")), None
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", text):
        return float(text.replace(",", "")), None
    if "," in text:
        other = float(text.replace(",", "")) if _AMBIGUOUS_COMMA.fullmatch(text) else None
        return float(text.replace(",", ".")), other
    return float(text), None


def digits_value(text: str) -> float:
    """The value of a number written in digits, German style: "10.000" 10000, "1,56" 1.56."""
    return _digits_value(text)[0]


def _split_morphemes(word: str) -> Optional[list[tuple[float, str]]]:
    """A folded word cut into number parts, longest part first; None if it is not a number word."""
    morphemes = _lexicon().morphemes
    parts, pos = [], 0
    while pos < len(word):
        for end in range(len(word), pos, -1):
            if word[pos:end] in morphemes:
                parts.append(morphemes[word[pos:end]])
                pos = end
                break
        else:
            return None
    return parts


def _word_value(word: str) -> Optional[float]:
    """The value of one German number word: "vierunddreißig" 34, "dreieinhalb" 3.5."""
    parts = _split_morphemes(fold(word))
    if not parts:
        return None
    if len(parts) == 1 and parts[0][1] in ("article", "fraction", "cardinal", "part"):
        return parts[0][0]
    total, group, previous = 0.0, 0.0, None
    for index, (value, kind) in enumerate(parts):
        if kind in ("article", "part") or (kind == "and" and previous != "cardinal"):
            return None
        if kind == "cardinal":
            if previous in ("cardinal", "ten") and not (value == 10 and group < 10):
                return None  # "zweidrei" is no number; "dreizehn" is
            group += value
        elif kind == "ten":
            if previous == "ten":
                return None
            group += value
        elif kind == "multiplier" and value == 100:
            if group >= 100:
                return None
            group = (group or 1) * 100
        elif kind == "multiplier":
            total += (group or 1) * 1000
            group = 0
        elif kind == "fraction":
            if index != len(parts) - 1 or value > 1:
                return None  # "einhalb" closes a word; "anderthalb" stands alone
            group += value
        previous = kind
    if previous == "and":
        return None
    return total + group


def parse_number(text: str) -> Optional[float]:
    """A bare number, all of ``text``: "10.000", "3,5", "vierunddreißig", "eine Milliarde", "34 Mio."."""
    text = text.strip().rstrip(".") if not text.strip().endswith(("Mio.", "Mrd.", "Tsd.", "Bio.")) else text.strip()
    quantity = parse_quantity(text)
    if quantity is None or quantity.start != 0 or quantity.end < len(text.rstrip(".")):
        return None
    if quantity.unit or quantity.qualifier or quantity.kind in ("date", "ordinal", "factor"):
        return None
    return quantity.value


def _number_value(text: str) -> tuple[Optional[float], Optional[float], bool]:
    """(value, other reading, written as words) of the ``num`` group of the main pattern."""
    if text[0].isdigit():
        value, other = _digits_value(text)
        return value, other, False
    words = text.split()
    if len(words) == 2 and fold(words[0]) in _lexicon().articles:  # "eine halbe Milliarde"
        words = words[1:]
    if len(words) >= 3 and fold(words[1]) == "komma":  # "drei Komma fünf"
        whole, fraction = _word_value(words[0]), _word_value(words[2])
        if whole is None or fraction is None or fraction != int(fraction):
            return None, None, True
        return float(f"{int(whole)}.{int(fraction)}"), None, True
    return _word_value(words[0]), None, True


# --------------------------------------------------------------------------
# Finding quantities
# --------------------------------------------------------------------------


@dataclass
class _Found:
    start: int
    end: int
    quantity: Optional[Quantity]  # None: a claimed span that is no quantity (times, labels)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (a sentence or a short answer), non-overlapping, in order."""
    if not _patterns().hint.search(fold(text)):
        return []  # no digit, number word, month or scale word: most names and words
    claimed: list[_Found] = []
    for finder in (_skips, _dates, _decades, _digit_ordinals, _main_quantities,
                   _factor_words, _vague_quantities, _word_ordinals):
        for found in finder(text):
            if not any(found.start < other.end and other.start < found.end for other in claimed):
                claimed.append(found)
    return _joined_durations(text, sorted((f.quantity for f in claimed if f.quantity), key=lambda q: q.start))


_DURATION_JOINT = re.compile(r"\s*(?:,|und|and)?\s*")


def _joined_durations(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "3 Std. 30 Min.", "2 Stunden, 1 Minute und 9 Sekunden" are one duration."""
    joined: list[Quantity] = []
    for quantity in found:
        previous = joined[-1] if joined else None
        if (previous and previous.kind == quantity.kind == "duration" and previous.unit == quantity.unit
                and not quantity.qualifier and previous.upper is None and quantity.upper is None
                and unit(previous.unit_key).factor > unit(quantity.unit_key).factor
                and _DURATION_JOINT.fullmatch(text[previous.end: quantity.start])):
            value = previous.value + quantity.value
            joined[-1] = replace(previous, value=value, number=value / unit(previous.unit_key).factor,
                                 text=text[previous.start: quantity.end], end=quantity.end)
        else:
            joined.append(quantity)
    return joined


def parse_quantity(text: str) -> Optional[Quantity]:
    """The main quantity of a short answer: the first one found, or None."""
    found = find_quantities(text)
    return found[0] if found else None


def _quantity(text: str, start: int, end: int, kind: str, value: float, **fields) -> _Found:
    fields.setdefault("number", value)
    fields.setdefault("unit", None)
    fields.setdefault("qualifier", None)
    return _Found(start, end, Quantity(kind=kind, value=value, text=text[start:end], start=start, end=end, **fields))


def _skips(text: str) -> Iterator[_Found]:
    patterns = _patterns()
    for match in patterns.skip.finditer(text):
        yield _Found(match.start(), match.end(), None)
    if "\n" in text:  # list numbering ("1. Einleitung") only where there are lines
        for match in patterns.numbering.finditer(text):
            yield _Found(match.start(), match.end(), None)


def _iso(year: Optional[int], month: Optional[int], day: Optional[int]) -> Optional[str]:
    """An ISO date, partial where parts are missing; None if the date does not exist."""
    try:
        date(year or 2000, month or 1, day or 1)  # 2000 is a leap year: "29.2." is valid
    except ValueError:
        return None
    head = f"{year:04d}" if year else "-"
    tail = f"-{month:02d}" + (f"-{day:02d}" if day else "") if month else ""
    return head + tail


def _full_year(year: str) -> int:
    number = int(year)
    return number if len(year) == 4 else (2000 + number if number <= 40 else 1900 + number)


def _date_found(text: str, match: re.Match, year: Optional[int], month: Optional[int], day: Optional[int],
                period: Optional[str] = None) -> Optional[_Found]:
    iso = _iso(year, month, day)
    if iso is None:
        return None
    kind = "date" if month else "year"
    value = float(year) if year else float(month or 0)
    return _quantity(text, match.start(), match.end(), kind, value, iso=iso, period=period)


def _dates(text: str) -> Iterator[_Found]:
    patterns, lx = _patterns(), _lexicon()
    for match in patterns.numeric_date.finditer(text):
        day, month, year = match.groups()
        if year is None and not text[match.end():].strip() and not _month_cue(text, match):
            continue  # "Es waren 3.5." ends a sentence: not the 3rd of May ("am 3.5." is)
        found = _date_found(text, match, _full_year(year) if year else None, int(month), int(day))
        if found:
            yield found
    for match in patterns.iso_date.finditer(text):
        found = _date_found(text, match, int(match[1]), int(match[2]), int(match[3]))
        if found:
            yield found
    for match in patterns.month_date.finditer(text):
        if not (match["day"] or match["year"] or match["period"] or _month_cue(text, match)):
            continue  # "August" alone may be a name
        month = lx.months[fold(match["month"])]
        year = int(match["year"]) if match["year"] else None
        found = _date_found(text, match, year, month, int(match["day"]) if match["day"] else None,
                            period=match["period"])
        if found:
            yield found
    for match in patterns.period_year.finditer(text):
        yield _quantity(text, match.start(), match.end(), "year", float(match["year"]),
                        iso=match["year"], period=match["period"])


_MONTH_CUES = frozenset({"am", "im", "seit", "bis", "ab", "vom", "zum", "anfang", "mitte", "ende", "in", "nach",
                         "vor", "diesen", "letzten"})


def _month_cue(text: str, match: re.Match) -> bool:
    """A date without day or year counts after "im", "am", "seit", ... or when it is the whole text."""
    before = text[: match.start()].split()
    if not before and not text[match.end():].strip():
        return True
    return bool(before) and fold(before[-1]) in _MONTH_CUES


def _decades(text: str) -> Iterator[_Found]:
    for match in _patterns().decade.finditer(text):
        first = int(match["decade"]) * 10
        yield _quantity(text, match.start(), match.end(), "year", float(first), upper=float(first + 9))


def _digit_ordinals(text: str) -> Iterator[_Found]:
    lx = _lexicon()
    for match in _patterns().digit_ordinal.finditer(text):
        following = match["next"]
        if following in lx.club:
            yield _Found(match.start(), match.end(), None)  # "1. FC Köln" is a name
        elif following not in lx.sentence_starters and fold(following) not in lx.months:
            yield _quantity(text, match.start(), match.end(), "ordinal", float(match["n"]))


def _main_quantities(text: str) -> Iterator[_Found]:
    for match in _patterns().main.finditer(text):
        found = _main_quantity(text, match)
        if found:
            yield found


def _is_sentence_start(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \t\"'„“‚‘»«([")
    return not before or before[-1] in ".!?:;\n"


def _main_quantity(text: str, match: re.Match) -> Optional[_Found]:
    lx = _lexicon()
    number, other, as_words = _number_value(match["num"])
    if number is None:
        return None
    first_word = fold(match["num"].split()[-1] if match["num"].split()[0].lower() in lx.articles else match["num"].split()[0])
    glued = match["fach"] or match["mal"] or match["adj"]
    if as_words:
        if (first_word in lx.articles or first_word in lx.parts) and not (match["scale"] or match["unit"] or glued):
            return None  # "eine Frau": an article, not a number
        if match["num"][0].isupper() and not _is_sentence_start(text, match.start("num")) and not (
            glued or match["scale"] or match["unit"]
        ):
            return None  # "die Elf" (a team), "in Acht nehmen"
        if match["mal"] and number == 1:
            return None  # "einmal" is mostly "once"/"just", not a count
        if match["fach"] and number == 1:
            return None  # "eine einfache Maßnahme" is simple, not "das Einfache"
        if match["unit"] and text[match.end("num")].isalpha():
            return None  # "Elfmeter", "Dreiliterauto": a compound noun, not "elf Meter"
    if match["sign"]:
        number = -number
    qualifier = lx.qualifiers[fold(match["qual"].strip())] if match["qual"] else None
    start = match.start()
    end = match.end()
    scale = lx.scales[fold(match["scale"])] if match["scale"] else None
    number *= scale or 1
    other = other * (scale or 1) if other is not None else None
    upper = None
    if match["num2"]:
        second, _, _ = _number_value(match["num2"])
        if second is None:
            return _Found(start, end, None)
        upper = _range_end(number / (scale or 1), second, match["num2"]) * (scale or 1)
        if upper is None or upper <= number:
            return _Found(start, end, None)  # "24/7", "3-1": no range
    if as_words and not qualifier:
        vague = re.search(rf"(?<![^\W_])(?:{lx.vague_det})\s+$", text[:start])
        if vague:  # "mehrere hundert Menschen": an order of magnitude, like "Hunderte"
            qualifier, start = "vague", vague.start()
    fields = dict(qualifier=qualifier, scale=scale, alt_value=other)
    if match["fach"]:
        start = _with_article(text, start)
        return _quantity(text, start, end, "factor", number, **fields)
    if match["mal"]:
        return _quantity(text, start, end, "count", number, **fields)
    unit = None
    if match["adj"]:
        unit = lx.adjectives[fold(match["adj"])]
    elif match["unit"]:
        unit = lx.unit_by_form.get(_unit_lookup_key(match["unit"])) or lx.unit_by_form[fold(match["unit"])]
    elif match["cur"]:
        unit = lx.unit_by_form.get(_unit_lookup_key(match["cur"].strip()))
    if unit:
        noun = _noun_after(text, end) if unit.kind == "amount" else None
        return _quantity(text, start, end, unit.kind, number * unit.factor, unit=unit.base, unit_key=unit.key,
                         number=number, noun=noun,
                         upper=upper * unit.factor if upper is not None else None,
                         **{**fields, "alt_value": other * unit.factor if other is not None else None})
    noun = _noun_after(text, end)
    if _is_year(text, match, number, qualifier, scale, noun):
        iso = None if upper else str(int(number))
        return _quantity(text, start, end, "year", number, iso=iso, upper=upper, **fields)
    kind = "count" if noun else "number"
    return _quantity(text, start, end, kind, number, noun=noun, upper=upper, **fields)


def _range_end(first: float, second: float, written: str) -> Optional[float]:
    """The upper end of "1950-53" (1953) or "3 bis 5" (5)."""
    if first in YEARS and written.isdigit() and len(written) == 2:
        return first - first % 100 + second
    return second


def _with_article(text: str, start: int) -> int:
    """"das Zehnfache" keeps its article in the span: the answer a teacher writes."""
    before = re.search(r"(?i:das)\s+$", text[:start])
    return before.start() if before else start


def _noun_after(text: str, end: int) -> Optional[str]:
    lx = _lexicon()
    match = _patterns().noun_after.match(text, end)
    if not match:
        return None
    noun = match["noun"]
    if noun in lx.sentence_starters or fold(noun) in lx.months or _unit_lookup_key(noun) in lx.unit_by_form:
        return None
    return noun


_YEAR_CUE = re.compile(r"(?i:jahre?s?|jahr)\s+$")


def _is_year(text: str, match: re.Match, number: float, qualifier, scale, noun) -> bool:
    """A whole number 1000-2099 written plainly, alone: "2019", "im Jahr 2011", "1991 kühlten ..."."""
    written = match["num"]
    if number not in YEARS or number != int(number) or scale or qualifier or match["sign"] or match["cur"]:
        return False
    if written[0].isdigit() and not written.isdigit():
        return False  # "2.000" is a count
    return noun is None or bool(_YEAR_CUE.search(text[: match.start()]))


def _factor_words(text: str) -> Iterator[_Found]:
    lx = _lexicon()
    for match in _patterns().factor_word.finditer(text):
        yield _quantity(text, match.start(), match.end(), "factor", lx.factor_words[fold(match["word"])])


def _vague_quantities(text: str) -> Iterator[_Found]:
    lx = _lexicon()
    for match in _patterns().vague.finditer(text):
        word = fold(match["word"])
        if word in lx.scales and not match["word"][0].isupper():
            continue  # only the nouns "Millionen", "Milliarden" stand for a vague number
        value = lx.vague.get(word) or lx.scales[word]
        value *= lx.scales[fold(match["scale"])] if match["scale"] else 1
        unit = lx.unit_by_form.get(_unit_lookup_key(match["unit"])) if match["unit"] else None
        if unit is None and match["unit"]:
            unit = lx.unit_by_form[fold(match["unit"])]
        end = match.end()
        if unit:
            yield _quantity(text, match.start(), end, unit.kind, value * unit.factor, unit=unit.base,
                            unit_key=unit.key, number=value, qualifier="vague")
        else:
            kind = "count" if _noun_after(text, end) else "number"
            yield _quantity(text, match.start(), end, kind, value, qualifier="vague", noun=_noun_after(text, end))


def ordinal_value(word: str) -> Optional[int]:
    """The value of an ordinal word: "vierten" 4, "ersten" 1, "zwanzigste" 20; None otherwise."""
    lx = _lexicon()
    folded = fold(word)
    for ending in ("en", "er", "em", "es", "e"):
        if not folded.endswith(ending):
            continue
        stem = folded[: -len(ending)]
        if stem in lx.ordinal_stems:
            return lx.ordinal_stems[stem]
        if stem.endswith("st"):
            value = _word_value(stem[:-2])
            if value is not None and value >= 20 and value == int(value):
                return int(value)
        if stem.endswith("t"):
            value = _word_value(stem[:-1])
            if value is not None and 13 <= value <= 19:
                return int(value)
    return None


def _word_ordinals(text: str) -> Iterator[_Found]:
    for match in _patterns().word_ordinal.finditer(text):
        value = ordinal_value(match["word"])
        if value is not None:
            yield _quantity(text, match.start("word"), match.end(), "ordinal", float(value))
    stripped = text.strip()
    if stripped and " " not in stripped and ordinal_value(stripped) is not None:  # a one-word answer: "vierte"
        start = text.index(stripped)
        yield _quantity(text, start, start + len(stripped), "ordinal", float(ordinal_value(stripped)))


# --------------------------------------------------------------------------
# Comparing and labelling
# --------------------------------------------------------------------------


def is_money(unit_id: Optional[str]) -> bool:
    """Currencies are the units named by an ISO code ("USD", "EUR")."""
    return bool(unit_id) and re.fullmatch(r"[A-Z]{3}", unit_id) is not None


def unit(key: str) -> Optional[Unit]:
    """A unit of data/units.tsv by key ("h", "km", "USD")."""
    return _lexicon().units.get(key)


def _close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Same value (float noise aside), same range and period, compatible units.

    Units are compatible when equal or when one of them is unknown (None);
    dates compare by their ISO form, so "25.4.2019" is "25. April 2019".
    """
    if "date" in (a.kind, b.kind):
        return a.iso is not None and a.iso == b.iso and a.period == b.period
    if a.unit and b.unit and a.unit != b.unit:
        return False
    return _close(a.value, b.value) and _close(a.upper, b.upper) and a.period == b.period


_QUALIFIER_LABELS = {
    "approx": "rund", "more_than": "mehr als", "less_than": "weniger als", "almost": "fast",
    "at_least": "mindestens", "at_most": "höchstens", "up_to": "bis zu", "exactly": "genau",
}
_SMALL = ("null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf")
_SCALE_NAMES = ((1e12, "Billion", "Billionen"), (1e9, "Milliarde", "Milliarden"), (1e6, "Million", "Millionen"))
# Kinds whose small numbers a teacher writes in words: "zwei Stunden", "vier Gipfel".
_SPELLED_KINDS = frozenset({"duration", "distance", "count", "number"})
_MONTH_NAMES = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                "Oktober", "November", "Dezember")


def german_number(value: float) -> str:
    """Digits the German way: 10.000, 2000, 3,5."""
    if value != int(value):
        return f"{value:.6g}".replace(".", ",") if abs(value) < 1e6 else f"{value:,.2f}".translate(
            str.maketrans(",.", ".,"))
    whole = int(value)
    if abs(whole) < 10000:
        return str(whole)
    return f"{whole:,}".replace(",", ".")


def _spelled(value: float, *, feminine: bool = False) -> Optional[str]:
    """Small numbers and halves in words, as a teacher writes them: "zwei", "dreieinhalb"."""
    if value == int(value) and 1 <= value <= 12:
        word = _SMALL[int(value)]
        return word + ("e" if feminine and value == 1 else "s" if value == 1 else "")
    if value == 1.5:
        return "anderthalb"
    if value - 0.5 == int(value - 0.5) and 2 <= value <= 12.5:
        return _SMALL[int(value)] + "einhalb"
    return None


def _number_with_scale(q: Quantity) -> str:
    number = q.number if q.number is not None else q.value
    for factor, singular, plural in _SCALE_NAMES:
        if abs(number) >= factor and (q.scale or 0) >= factor / 1000 and q.scale:
            count = number / factor
            if count == 1:
                return f"eine {singular}"
            return f"{german_number(round(count, 6))} {plural}"
    if q.scale == 1e3 and number % 1000 == 0 and number < 1e6:
        return f"{german_number(number / 1000)} Tausend"
    return german_number(number)


def format_quantity(q: Quantity) -> str:
    """A teacher's German label: "34 Millionen Dollar", "mehr als 10.000", "dreieinhalb Stunden"."""
    if q.kind == "date":
        return _format_date(q)
    if q.kind == "year":
        body = f"{int(q.value)}–{int(q.upper)}" if q.upper else str(int(q.value))
        return f"{q.period} {body}" if q.period else body
    if q.kind == "ordinal":
        return f"{int(q.value)}."
    if q.kind == "factor":
        spelled = _spelled(q.value)
        return f"das {spelled.capitalize()}fache" if spelled and q.value == int(q.value) else f"das {german_number(q.value)}-Fache"
    if q.kind == "count" and q.noun is None and q.number is not None and q.qualifier != "vague":
        spelled = _spelled(q.value)
        return f"{spelled[:-1] if spelled == 'eins' else spelled}mal" if spelled and q.value == int(q.value) else f"{german_number(q.value)}-mal"
    qualifier = _QUALIFIER_LABELS.get(q.qualifier or "")
    number = q.number if q.number is not None else q.value
    shown_unit = unit(q.unit_key) if q.unit_key else None
    spelled = _spelled(number) if q.upper is None and not q.scale and q.kind in _SPELLED_KINDS else None
    if q.qualifier == "vague":
        body = q.text
    elif spelled and number == 1:
        body = "eine" if shown_unit and shown_unit.singular.endswith("e") else "ein" if shown_unit else "eins"
    elif spelled:
        body = spelled
    else:
        body = _number_with_scale(q)
        if q.upper is not None:
            body += "–" + german_number(q.upper / (shown_unit.factor if shown_unit else 1))
    parts = [qualifier, body]
    if q.qualifier == "vague":
        return body
    if shown_unit:
        parts.append(shown_unit.singular if number == 1 and not q.scale else shown_unit.plural)
    return " ".join(p for p in parts if p)


def _format_date(q: Quantity) -> str:
    iso = q.iso or ""
    year, month, day = None, None, None
    pieces = iso.lstrip("-").split("-") if iso.startswith("--") else iso.split("-")
    if iso.startswith("--"):
        month = int(pieces[0])
        day = int(pieces[1]) if len(pieces) > 1 else None
    else:
        year = pieces[0]
        month = int(pieces[1]) if len(pieces) > 1 else None
        day = int(pieces[2]) if len(pieces) > 2 else None
    parts = [q.period, f"{day}." if day else None, _MONTH_NAMES[month - 1] if month else None, year]
    return " ".join(p for p in parts if p)


__all__ = [
    "Quantity", "Unit", "KINDS", "QUALIFIERS", "find_quantities", "parse_quantity", "parse_number",
    "format_quantity", "same_quantity", "german_number", "ordinal_value", "unit", "is_money",
]
