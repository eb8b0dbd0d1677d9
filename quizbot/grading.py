"""Fair answer grading: a wrong fact is never right, a misspelt right fact is.

``grade(expected, given)`` returns a ``Grade``: verdict correct | close |
partial | wrong, ``accepted`` (correct and close count), a score 0..1 and a
note for the learner. The rules (docs/grading.md has examples):

Numbers (quizbot.numbers reads both sides): value and scale must match after
normalising digits, separators, scale words and number words; units convert
where sure (210 Minuten = dreieinhalb Stunden) and a conflicting unit or
currency is wrong. A missing unit is *close* (accepted, with a note) for money,
percentages and counts, where the question names the thing, and *partial* for
measures (time, length, mass …), where "2" may mean hours or minutes, unless
the question asks for a count. A missing scale ("34" for "34 Millionen") is
partial; Prozentpunkte for Prozent is partial. Qualifiers: "rund", "etwa",
"fast" … fit any figure; an opposite direction ("weniger als" for "mehr als")
is wrong; dropping "mehr als" is close; "über 140" for exactly 140 is partial.
Several different figures ("2001 oder 2002") are a hedge: wrong, and so is an open
alternative ("2002 oder später", "Dollar oder Euro"); a negated figure is ruled out
("nicht 34" wrong, "34, nicht 43" right). A figure must count the expected thing:
"34 Millionen Menschen" is not 34 Millionen Dollar, "10.000 Südkoreaner" or "10.000
Russen" not 10.000 Nordkoreaner, "das dritte" no count; "bis 2002" is not "seit 2002".
Learner notation ("3 1/2", "12k", "2.1 billion", "'89", "neunter November") is
rewritten first (learner_notation); shares count for percentages ("ein Viertel" =
25 Prozent).

Words and names, compared word by word in any order after folding case,
umlauts, ß, hyphens (quizbot.variants.key):

1. equal, or spellings of one name in data/variants.tsv (Kiew/Kyjiw, Munich,
   ECB), another name in data/organisations.tsv (EZB, UNO), or a form of one
   given name in data/grading_given_name_forms.tsv (Mike/Michael);
2. an inflection ending more or less ("Außenministers", "Kanzlerin");
3. a different real word is never a typo: a word of data/grading_words.txt,
   data/places.tsv, data/given_names.txt or data/roles.tsv that is not the
   expected one (Schulz for Scholz, Island for Irland, Gabel for Säbel);
4. a typo budget by length of the expected word: none up to 4 letters, one up
   to 8, two from 9; the first letter must be right, and two edits within
   three letters are a different word part, not two typos (Bundesrat/Bundestag);
5. a transliteration: German conventions spelt the English way (Sotschi/Sochi,
   Dschong/Jong), or sounds alike (Kölner Phonetik, quizbot.phonetics) for words
   of 5 letters or more, only with a spelling similarity of at least 70 % and at
   most one vowel changed (Vladivostok passes; Zobel for Säbel, Chomeini for
   Chamenei do not);
6. one part said otherwise (data/grading_synonyms.tsv: Nuklear-/Atomprogramm).

A person's family name alone is close (Merkel for Angela Merkel) unless it is
a family name that comes first and is shared by many (Kim, Xi: partial); a
first name that contradicts the expected one is wrong (Ivanka Trump), and so are other
initials or another generation (George H. W. Bush for George W. Bush, "Donald Trump Jr.")
and the name as part of someone else ("Putins Sprecher", "Nato-Generalsekretär"). A bare
family name does not vouch for given names the learner adds: a fuller form of the question
decides ("Kim Jong Il" for Kim / Kim Jong Un is wrong), else the well-known person of that
name (data/grading_known_people.txt), else it is partial ("Hans Lininger" for Lininger). Generic
heads of place names may be missing (Russki for Insel Russki). The answer may
sit in a sentence ("Ich glaube, es war Wladiwostok"); a list or hedge with a
wrong candidate is wrong ("Hanoi oder Singapur"), and so is a negated answer, or one
that drops the expected answer's negation ("öffentlich" for nicht öffentlich).
Long expected answers (quotes, four words or more) need most of their words.
A choice may be named in words ("ich nehme b", "die zweite"); docs/grading.md
has every rule and the lexicon behind it.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from dataclasses import asdict, dataclass, replace
from fractions import Fraction
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from quizbot import numbers
from quizbot.i18n import tr
from quizbot.numbers import Quantity
from quizbot.phonetics import cologne
from quizbot.resources import lexicon_lines, lexicon_rows
from quizbot.text import fold, normalize_whitespace
from quizbot.variants import group_of, key, same_name

VERDICTS = ("correct", "close", "partial", "wrong")
NUMERIC_TYPES = frozenset({"amount", "count", "duration", "distance", "percent", "factor", "year", "date", "ordinal"})
TEXT_TYPES = frozenset({"person", "place", "organisation", "quote", "word", "text"})
ANSWER_TYPES = NUMERIC_TYPES | TEXT_TYPES | {"choice", "truefalse"}
MAX_ANSWER_CHARS = 300  # longer answers are not read: a verdict in bounded time
PHONETIC_FLOOR = 70  # rapidfuzz ratio a sound-alike needs (Säbel/Zobel: 60)
PHONETIC_MIN_LENGTH = 5
QUOTE_WORDS = 4  # expected answers with this many content words are graded by coverage
INFLECTIONS = ("s", "es", "n", "en", "e", "in")
LETTERS = "abcdefghij"

_SCORES = {"exact": 1.0, "variant": 0.95, "inflection": 0.9, "typo": 0.9, "phonetic": 0.85}


class GradingError(ValueError):
    """A grading request that cannot be graded (unknown answer type, bad true/false key …)."""


@dataclass(frozen=True)
class Grade:
    verdict: str  # correct | close | partial | wrong
    accepted: bool  # correct and close count as right
    score: float  # 0..1
    note: str  # what the learner should know, in the current language
    matched: Optional[str] = None  # the accepted spelling that matched, when not the expected one
    # The answer does not take up the question's form (no yes/no, no option picked):
    # a worksheet counts it wrong, the chat asks again.
    unclear: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def _grade(verdict: str, score: float, note: str = "", matched: Optional[str] = None) -> Grade:
    return Grade(verdict, verdict in ("correct", "close"), round(score, 2), note, matched)


# --------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _fillers() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon_lines("function_words.txt") + lexicon_lines("grading_fillers.txt"))


@lru_cache(maxsize=None)
def _negations() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon_lines("negations.txt") + lexicon_lines("grading_negations.txt"))


@lru_cache(maxsize=None)
def _real_words() -> frozenset[str]:
    words = set(lexicon_lines("grading_words.txt")) | set(lexicon_lines("given_names.txt"))
    words |= {row[0] for row in lexicon_rows("places.tsv")} | {row[0] for row in lexicon_rows("roles.tsv")}
    words |= {spelling for row in lexicon_rows("variants.tsv") for spelling in row[1:] if " " not in spelling}  # Iceland (column 1 is the kind)
    return frozenset(key(w) for word in words for w in re.split(r"[\s-]+", word) if w)


@lru_cache(maxsize=None)
def _aliases() -> dict[str, str]:
    """Other names of a place or an organisation, as keys: "shanghai" -> "schanghai", "ezb" ->
    "europaischezentralbank" (data/places.tsv flag "=NAME"; data/organisations.tsv "~NAME"/"=NAME")."""
    aliases = {}
    for name, *rest in lexicon_rows("places.tsv"):
        for flag in (rest[2].split(",") if len(rest) > 2 else []):
            if flag.startswith("="):
                aliases[key(name)] = key(flag[1:])
    for name, *rest in lexicon_rows("organisations.tsv"):
        if len(rest) > 2 and rest[2][:1] in "~=" and rest[2][1:]:
            aliases[key(name)] = key(rest[2][1:])
    for name in list(aliases):  # "Bayern München" ~ "FC Bayern" ~ …: one name at the end of the chain
        seen = {name}
        while aliases[name] in aliases and aliases[name] not in seen:
            seen.add(aliases[name])
            aliases[name] = aliases[aliases[name]]
    return aliases


def _same_name(a: str, b: str) -> bool:
    """One name: a listed spelling (data/variants.tsv) or another name of a place or organisation
    (Shanghai/Schanghai, EZB/Europäische Zentralbank)."""
    if same_name(a, b):
        return True
    aliases, ka, kb = _aliases(), key(a), key(b)
    return aliases.get(ka, ka) == aliases.get(kb, kb)


@lru_cache(maxsize=None)
def _given_name_forms() -> dict[str, frozenset[str]]:
    """Forms of one given name (data/grading_given_name_forms.tsv): "mike" -> {"michael", "mike", "micha"}."""
    forms: dict[str, frozenset[str]] = {}
    for row in lexicon_rows("grading_given_name_forms.tsv"):
        group = frozenset(key(name) for name in row if name)
        for name in group:
            forms[name] = forms.get(name, frozenset()) | group
    return forms


def _same_given_name(a: str, b: str) -> bool:
    return b in _given_name_forms().get(a, ())


@lru_cache(maxsize=None)
def _given_names() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon_lines("given_names.txt"))


@lru_cache(maxsize=None)
def _role_stems() -> tuple[str, ...]:
    return tuple(key(row[0]) for row in lexicon_rows("roles.tsv"))


@lru_cache(maxsize=None)
def _particles() -> frozenset[str]:
    """ "von", "al", "bin" … inside a person's name (data/name_particles.txt), and the variant "el"."""
    return frozenset(key(row[0]) for row in lexicon_rows("name_particles.txt")) | {"el"}


@lru_cache(maxsize=None)
def _titles() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon_lines("grading_titles.txt"))


@lru_cache(maxsize=None)
def _name_forms() -> frozenset[str]:
    """State, club and company forms around a name (Volksrepublik, FC, AG): may be added or left out."""
    return frozenset(key(w) for w in lexicon_lines("grading_name_forms.txt"))


@lru_cache(maxsize=None)
def _place_heads() -> frozenset[str]:
    return frozenset(key(row[0]) for row in lexicon_rows("place_heads.txt"))


@lru_cache(maxsize=None)
def _surname_first() -> frozenset[str]:
    return frozenset(key(row[0]) for row in lexicon_rows("grading_surname_first.txt"))


@lru_cache(maxsize=None)
def _shared_surnames() -> frozenset[str]:
    """Family names of _surname_first() that many people in the news share (Kim, Li): alone not enough."""
    return frozenset(key(row[0]) for row in lexicon_rows("grading_surname_first.txt") if row[1:] != ["selten"])


@lru_cache(maxsize=None)
def _generations() -> dict[str, str]:
    """ "jr" -> "junior", "sen" -> "senior" (data/grading_generations.tsv): father and son of one name."""
    return {key(word): generation for word, generation in lexicon_rows("grading_generations.tsv")}


@lru_cache(maxsize=None)
def _relation_nouns() -> frozenset[str]:
    """ "Vater", "Sprecher", "Nachfolger" (data/relation_nouns.txt): after a name in the genitive, someone else."""
    return frozenset(key(w) for w in lexicon_lines("relation_nouns.txt"))


@lru_cache(maxsize=None)
def _dont_know() -> frozenset[str]:
    return frozenset(_plain(line) for line in lexicon_lines("grading_dontknow.txt"))


_TRUTH_MEANINGS = {"true": frozenset({True}), "false": frozenset({False}), "both": frozenset({True, False})}


@lru_cache(maxsize=None)
def _truth_words() -> tuple[tuple[tuple[str, ...], frozenset[bool]], ...]:
    """The yes/no phrases of data/grading_truefalse.tsv, longest first, with what they say: true, false or
    both ("jein")."""
    rows = [(tuple(fold(words).split()), _TRUTH_MEANINGS[meaning])
            for words, meaning in lexicon_rows("grading_truefalse.tsv")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


# --------------------------------------------------------------------------
# Cleaning the learner's text
# --------------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]{0,200}>")
_SCRIPT = re.compile(r"<(script|style)\b[^<>]{0,200}>.{0,2000}?</\1\s*>", re.IGNORECASE | re.DOTALL)
_ANSI = re.compile(r"\x1b\[[0-?]{0,20}[ -/]{0,5}[@-~]|\x1b[@-Z\\-_]")  # colour codes pasted from a terminal
_RICH_CLOSE = re.compile(r"\[/[a-z0-9 #._=-]{0,40}\]", re.IGNORECASE)  # "[/]", "[/bold]"
_RICH_OPEN = re.compile(r"\[[a-z][^\[\]\n]{0,60}\]", re.IGNORECASE)
_MARKUP_CHARS = re.compile(r"[*_`~#|]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SEPARATORS = re.compile(r"\s*(?:[,;/]|\s(?:oder|bzw\.?|beziehungsweise|sondern|or|&|und)\s)\s*", re.IGNORECASE)


def clean(text: str) -> str:
    """Markup, control characters and symbols (emoji) removed, whitespace normalised."""
    text = _MARKUP_CHARS.sub(" ", _TAG.sub(" ", html.unescape(_SCRIPT.sub(" ", _ANSI.sub(" ", text)))))
    if _RICH_CLOSE.search(text):  # "[bold]Putin[/]"; a lone "[Putin]" is brackets around the answer
        text = _RICH_OPEN.sub(" ", _RICH_CLOSE.sub(" ", text))
    kept = "".join(
        ch if unicodedata.category(ch)[0] in "LNPZ" or unicodedata.category(ch) in ("Sm", "Sc") or ch in "%‰°" else " "
        for ch in text
    )
    return normalize_whitespace(kept.replace("\n", " ")).strip()


def _plain(text: str) -> str:
    """Folded words only: "Weiß nicht!" -> "weiss nicht"."""
    return " ".join(fold(w) for w in _WORD.findall(text))


# --------------------------------------------------------------------------
# The entry point
# --------------------------------------------------------------------------


def grade(
    expected: str,
    given: str,
    *,
    accepted: Iterable[str] = (),
    answer_type: Optional[str] = None,
    choices: Optional[Sequence[str]] = None,
) -> Grade:
    """Grade a learner's answer against the expected one (and its accepted spellings).

    answer_type: a fact kind (amount, count, duration, distance, percent, factor,
    year, date, ordinal, person, place, organisation, quote), "word", "text",
    "choice" (with ``choices``; ``expected`` is the right option or its letter)
    or "truefalse" (``expected`` says true or false: ja/nein, wahr/falsch …).
    None: decided from the expected answer.
    """
    if answer_type is not None and answer_type not in ANSWER_TYPES:
        raise GradingError(tr(f"unbekannter Antworttyp »{answer_type}«", f"unknown answer type '{answer_type}'"))
    if answer_type == "truefalse":
        return grade_truefalse(_truth_of_key(expected), given)
    if answer_type == "choice" and choices:
        return grade_choice(choices, _choice_index(choices, expected), given)
    early = _unanswerable(given, expected)
    if early:
        return early
    answer = clean(given)
    if not expected.strip():
        raise GradingError(tr("die erwartete Antwort ist leer", "the expected answer is empty"))
    forms = list(dict.fromkeys(f for f in (expected, *accepted) if f and f.strip()))
    results = _vouched_for(forms, [_grade_form(form, answer, answer_type) for form in forms], answer, answer_type)
    candidates = [i for i, result in enumerate(results) if result is not None]
    best = max(candidates, key=lambda i: (results[i].accepted, results[i].score, -i))
    if results[best].accepted and best > 0:  # a teacher's alternative: say which one
        return Grade(results[best].verdict, True, results[best].score, results[best].note, forms[best])
    return results[best] if results[best].accepted else results[candidates[0]]


def _unanswerable(given: str, expected: str) -> Optional[Grade]:
    if len(given) > MAX_ANSWER_CHARS:
        return _grade("wrong", 0, tr(
            f"Die Antwort ist zu lang ({len(given)} Zeichen) – bitte kurz antworten. Richtig: »{expected}«.",
            f"The answer is too long ({len(given)} characters) – please answer briefly. Correct: '{expected}'."))
    answer = clean(given)
    if not _plain(answer) or _plain(answer) in _dont_know():
        return _grade("wrong", 0, tr(f"Keine Antwort – richtig ist »{expected}«.",
                                     f"No answer – the correct one is '{expected}'."))
    return None


def _grade_form(expected: str, answer: str, answer_type: Optional[str]) -> Grade:
    share = _expected_share(expected, answer_type)
    if share is not None:
        return _grade_against_share(share, expected, answer)
    quantity = _expected_quantity(expected, answer_type)
    if quantity is not None:
        return _grade_quantity(quantity, expected, learner_notation(answer, quantity, answer_type), answer_type)
    return _grade_text(expected, answer, answer_type)


@lru_cache(maxsize=4096)
def _quantities(text: str) -> tuple[Quantity, ...]:
    return tuple(numbers.find_quantities(text))


@lru_cache(maxsize=4096)
def _expected_quantity(expected: str, answer_type: Optional[str]) -> Optional[Quantity]:
    """The quantity an expected answer is about, if it is one ("34 Millionen Dollar", "rund 500 Menschen")."""
    if answer_type in TEXT_TYPES - {"text"}:  # "text" is any answer: "minus 12 Grad" is still a figure
        return None
    found = _quantities(expected)
    if len(found) != 1:
        return found[0] if found and answer_type in NUMERIC_TYPES else None
    quantity = found[0]
    rest = expected[: quantity.start] + " " + expected[quantity.end:]
    words = [w for w in _words(rest) if w not in _fillers() and w != key(quantity.noun or "")]
    return quantity if answer_type in NUMERIC_TYPES or len(words) <= 1 else None


def _words(text: str) -> list[str]:
    return [key(w) for w in _WORD.findall(text)]


# --------------------------------------------------------------------------
# Learner notation: how people type figures that articles never write
# --------------------------------------------------------------------------

_VULGAR = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4), "⅓": Fraction(1, 3), "⅔": Fraction(2, 3)}
_UNICODE_FRACTION = re.compile(r"(?<![\d,.])(\d+)?\s?([½¼¾⅓⅔])")
_SLASH_FRACTION = re.compile(r"(?<![\d,./])(?:(\d+)\s+)?([1-9])/([2-9]|10)(?![\d/.,])")
_SHORT_SCALE = [  # "12k €", "$34M", "2bn": English shorthand after digits
    (re.compile(r"(?<=\d)\s?[kK](?=\s|[€$£]|$|[^\w])"), " Tsd."),
    (re.compile(r"(?<=\d)\s?(?:M|Mn|mn)(?=\s|[€$£]|$|[^\w])"), " Mio."),
    (re.compile(r"(?<=\d)\s?(?:bn|Bn|B)(?=\s|[€$£]|$|[^\w])"), " Mrd."),
]
# "2.1 billion": an English billion is a Milliarde. German says "Billionen" after any number but one,
# so "billion"/"trillion" in the singular after another number is English.
_ENGLISH_SCALE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s+(billion|trillion)\b", re.IGNORECASE)
_SHORT_YEAR = re.compile(r"(?<![\w'’‘´`])['’‘´`](\d{2})(?!\d)")  # "'89"
_TIMES = re.compile(r"(?<![\w.,])(\d+)\s?[x×](?![\w])")  # "3x", "3 ×"
_WORD_TOKEN = re.compile(r"[^\W\d_]+")
_HUNDRED_AND = re.compile(r"(?i)(hundert|tausend)und(?=[^\W\d_])")  # "zweitausendundzwei", "hundertundeins"
_TIMES_BEFORE = re.compile(r"(?<![\w.,])[x×]\s?(\d+)(?![\w.,])")  # "x10"
_SPOKEN_COMMA = re.compile(r"(?i)(?<![\d.,])(\d+)\s+komma\s+(\d+)(?![\d.,])")  # "5 Komma 2"
_SPLIT_HALF = re.compile(r"(?i)(?<![^\W_])([^\W\d_]+)\s+(einhalb)(?![^\W_])")  # "drei einhalb"
_BELOW_ZERO = re.compile(r"(?i)(\d+(?:[.,]\d+)?)\s*(grad|°c?)\s+unter\s+(?:null|0)(?![\w.,])")  # "15 Grad unter Null"
_DIGIT_ORDINAL = re.compile(r"(?i)(?<![\w.,])(\d{1,4})\s?(?:st|t)?(?:e|er|en|es|em)(?![^\W_])")  # "2te", "70ster"
_SLASH_DATE = re.compile(r"(?<![\d/.])([0-3]?\d)/([01]?\d)/(\d{2}|\d{4})(?![\d/])")  # "25/4/2019"
_WORD_AFTER_NUMBER = re.compile(r"(?<=\d)(\s*)([^\W\d_]{4,})(?![^\W_])")


def _decimal(value: Fraction) -> str:
    """A fraction written the German way, precise enough to compare: 3.5 -> "3,5"."""
    text = f"{float(value):.12f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def learner_notation(answer: str, expected: Quantity, answer_type: Optional[str] = None) -> str:
    """The learner's figures rewritten into the notation quizbot.numbers reads.

    Fractions ("3 1/2", "3½"), English shorthand ("12k", "$34M", "2.1 billion"), the
    multiplication sign ("3x") always; "'89" (with the expected year's century), ordinal
    words ("neunter November", "dritter Platz") and misspelt months ("Apirl") where the
    expected answer is a date, a year or an ordinal.
    """
    text = _glued_adjective_pattern().sub(_glued_adjective, answer)
    text = _UNICODE_FRACTION.sub(lambda m: _decimal(int(m[1] or 0) + _VULGAR[m[2]]), text)
    text = _SLASH_FRACTION.sub(lambda m: _decimal(int(m[1] or 0) + Fraction(int(m[2]), int(m[3]))), text)
    for pattern, scale in _SHORT_SCALE:
        text = pattern.sub(scale, text)
    text = _ENGLISH_SCALE.sub(lambda m: m[0] if _is_one(m[1]) else
                              f"{m[1]} {'Mrd.' if m[2].lower() == 'billion' else 'Bio.'}", text)
    text = _TIMES.sub(r"\1-mal", _TIMES_BEFORE.sub(r"\1-mal", text))
    text = _HUNDRED_AND.sub(r"\1", text)
    text = _SPOKEN_COMMA.sub(r"\1,\2", text)
    text = _SPLIT_HALF.sub(lambda m: m[1] + m[2] if numbers.parse_number(m[1]) else m[0], text)
    text = _BELOW_ZERO.sub(r"minus \1 \2", text)
    text = _WORD_AFTER_NUMBER.sub(lambda m: m[1] + _measure_word(m[2]), text)
    if expected.kind == "date":
        text = _SLASH_DATE.sub(r"\1.\2.\3", text)
        text = _month_first(text)
        text = _english_month_alone(text)
        text = _DAY_BEFORE_MONTH.sub(lambda m: f"{m[1]}. {m[2]}" if key(m[2]) in _month_keys() else m[0], text)
    if expected.kind in ("year", "date"):
        century = int(expected.value) // 100 * 100 if expected.value >= 1000 else 1900
        text = _SHORT_YEAR.sub(lambda m: str(century + int(m[1])), text)
    if expected.kind in ("date", "ordinal") or answer_type == "ordinal":
        text = _WORD_TOKEN.sub(lambda m: _day_or_month(m[0], expected), text)
        text = _DIGIT_ORDINAL.sub(r"\1.", text)
    return text


_UMLAUT_SPELLINGS = {"ä": "(?:ä|ae|a)", "ö": "(?:ö|oe|o)", "ü": "(?:ü|ue|u)"}


@lru_cache(maxsize=None)
def _adjective_stems() -> dict[str, str]:
    """Folded unit adjective stems of data/units.tsv -> as written: "stundig" -> "stündig", "jahrig" -> "jährig"."""
    return {key(stem): stem for *_, stems in lexicon_rows("units.tsv") for stem in stems.split("|") if stem != "-"}


@lru_cache(maxsize=None)
def _glued_adjective_pattern() -> re.Pattern:
    """A figure and a unit's adjective written apart: "5 stündigen", "fünf tägige", "3 jaehrige"."""
    stems = sorted(_adjective_stems().values(), key=len, reverse=True)
    spelt = "|".join("".join(_UMLAUT_SPELLINGS.get(ch, re.escape(ch)) for ch in stem) for stem in stems)
    return re.compile(rf"(?i)(?<![\w.,])(\d+(?:,\d+)?|[^\W\d_]+)\s+-?\s*({spelt})(e[mnrs]?)?(?![^\W_])")


def _glued_adjective(match: re.Match) -> str:
    """ "5 stündigen" -> "5-stündigen", as quizbot.numbers reads it; words that are no number stay apart."""
    number, stem, ending = match[1], match[2], match[3] or ""
    if not number.replace(",", "").isdigit() and numbers.parse_number(number) is None:
        return match[0]
    return f"{number}-{_adjective_stems()[key(stem)]}{ending}"


@lru_cache(maxsize=None)
def _measure_words() -> dict[str, tuple[str, str]]:
    """Folded scale words and written-out units -> (what they measure, a spelling): "millionen" ->
    ("1e6", "Millionen"), "kilometern" -> ("km", "Kilometer"); for misspellings."""
    words = {key(word): (value, word) for word, value, kind in lexicon_rows("number_words.tsv")
             if kind == "scale" and word.isalpha()}
    for unit, _, _, _, singular, plural, forms, _ in lexicon_rows("units.tsv"):
        for form in (singular, plural, *forms.split("|")):
            if form.isalpha() and len(form) >= 5:
                words.setdefault(key(form), (unit, plural))
    return words


@lru_cache(maxsize=4096)
def _measure_word(word: str) -> str:
    """A misspelt scale word or unit after a figure, as written right: "Milionen" -> "Millionen", "kilomter" ->
    "Kilometer"; only within the typo budget, when exactly one word fits and the word is no other real word."""
    folded = key(word)
    known = _measure_words()
    if folded in known or folded in _real_words() or folded in _fillers():
        return word
    fits = {known[k] for k in known if _is_typo(k, folded)}
    return fits.pop()[1] if len({measure for measure, _ in fits}) == 1 else word


_DAY_BEFORE_MONTH = re.compile(r"(?<![\w.,])([0-3]?\d)\s+([^\W\d_]{3,})")  # "3 Oktober": the day without its dot
_LETTERS_WORD = re.compile(r"[^\W\d_]+")


def _english_month_alone(text: str) -> str:
    """ "May", "in October 1990": an English month name as the German one (not after a given name: Theresa May)."""
    def german(match: re.Match) -> str:
        month = _english_months().get(key(match[0]))
        before = _WORD.findall(text[:match.start()])
        after_a_name = bool(before) and key(before[-1]) in _given_names()
        return month if month and not after_a_name else match[0]
    return _LETTERS_WORD.sub(german, text)


_MONTH_FIRST = re.compile(r"(?<![\w.])([^\W\d_]{3,})\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,\s*(\d{4})(?!\d)")  # "April 25, 2019"


def _month_first(text: str) -> str:
    """The English order "April 25, 2019", "October 3, 1990" as "25. April 2019", "3. Oktober 1990"."""
    def german(match: re.Match) -> str:
        month = _english_months().get(key(match[1]), match[1])
        return f"{match[2]}. {month} {match[3]}" if key(month) in _month_keys() else match[0]
    return _MONTH_FIRST.sub(german, text)


@lru_cache(maxsize=None)
def _english_months() -> dict[str, str]:
    return {key(english): german for english, german in lexicon_rows("grading_months_en.tsv")}


@lru_cache(maxsize=None)
def _month_keys() -> frozenset[str]:
    return frozenset(key(name) for _, *names in lexicon_rows("months.tsv") for name in names)


def _is_one(number: str) -> bool:
    return number.replace(",", ".").rstrip("0").rstrip(".") == "1"


def _day_or_month(word: str, expected: Quantity) -> str:
    ordinal = numbers.ordinal_value(word)
    if ordinal is not None:
        return f"{ordinal}."
    if expected.kind != "date" or len(word) < 4:
        return word
    folded = key(word)
    months = _month_names()
    if folded in months:
        return word
    misspelt = [name for name in months if _is_typo(name, folded)]
    return months[misspelt[0]] if len(misspelt) == 1 else word


@lru_cache(maxsize=None)
def _month_names() -> dict[str, str]:
    """Folded full month names -> as written ("marz" -> "März")."""
    return {key(names[0]): names[0] for _, *names in lexicon_rows("months.tsv")}


# --------------------------------------------------------------------------
# Quantities
# --------------------------------------------------------------------------

_ABOVE = frozenset({"more_than", "at_least"})
_BELOW = frozenset({"less_than", "at_most", "almost", "up_to"})
_BOUNDS = _ABOVE | {"less_than", "at_most", "up_to"}
_STRICT_BOUNDS = frozenset({"more_than", "less_than"})  # false of the figure itself
_NAMED_BY_QUESTION = frozenset({"%", "pp", "‰"})  # with money: a missing unit is forgiven
_PERCENT_AND_POINTS = frozenset({"%", "pp"})  # the same figure in the other measure: partial, with a note


def _comparable(expected: Quantity, given: Quantity) -> bool:
    """Could ``given`` be the learner's figure for ``expected``? (A year in a sentence about money is not.)"""
    if expected.kind in ("date", "year"):
        return given.kind in ("date", "year", "number", "count")
    return given.kind != "date" and not (given.kind == "year" and numbers.parse_number(given.text) is None)


def _grade_quantity(expected: Quantity, expected_text: str, answer: str, answer_type: Optional[str] = None) -> Grade:
    label = _label(expected, expected_text)
    found = [q for q in _quantities(answer) if _comparable(expected, q)]
    if expected.unit and any(q.unit for q in found):  # "2019 waren es 34 Millionen Dollar": 2019 is a year
        found = [q for q in found if q.kind != "year"]
    share = _share_of(answer) if expected.unit == "%" else None
    if share:  # "drei Viertel", "jeder Dritte": a share, not the figures 3 and 3.
        found = [q for q in found if q.end <= share.start or q.start >= share.end]
        if not found:
            return _share_grade(expected, answer, share, label)
    shifts = [w for w in (_time_shift(answer, q, expected_text) for q in found) if w]
    if shifts and expected.kind in ("year", "date"):  # "vor 2002" is not 2002
        return _grade("wrong", 0, tr(f"»{shifts[0]} …« ist ein anderer Zeitpunkt: laut Artikel »{label}«.",
                                     f"'{shifts[0]} …' is another time: the article says '{label}'."))
    ruled_out = [q for q in found if _negated_before(answer, q.start)]  # "34 Millionen, nicht 43"
    if any(_compare_quantity(expected, q, label, answer_type).accepted for q in ruled_out):
        return _grade("wrong", 0, tr(f"Verneint – laut Artikel »{label}«.", f"Negated – the article says '{label}'."))
    found = [q for q in found if q not in ruled_out]
    if expected.kind in ("year", "date"):  # "2002 im Mai": the month adds to the year, it is no second answer
        found = [q for q in found if _shares_a_date_part(expected, q)] or found
    if not found:
        return _grade("wrong", 0, tr(f"Die Zahl fehlt: laut Artikel »{label}«.",
                                     f"The number is missing: the article says '{label}'."))
    if _left_open(answer, found[0].start):
        return _grade("wrong", 0, tr(f"Das lässt die Antwort offen – laut Artikel »{label}«.",
                                     f"That leaves the answer open – the article says '{label}'."))
    grades = [_compare_quantity(expected, q, label, answer_type) for q in _distinct(found)]
    if len(grades) > 1 and not all(g.accepted for g in grades):
        return _grade("wrong", 0, tr(
            f"Mehrere Zahlen – nur eine Antwort zählt. Richtig ist »{label}«.",
            f"Several figures – only one answer counts. The correct one is '{label}'."))
    return min(grades, key=lambda g: g.score)


_ALTERNATIVE = re.compile(r"(?i)\b(?:oder|bzw\.?|beziehungsweise|respektive|or)\s+([^\W\d_]+)")


@lru_cache(maxsize=None)
def _open_ends() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon_lines("grading_open_ends.txt"))


def _left_open(answer: str, position: int) -> bool:
    """ "2002 oder später", "34 Millionen Dollar oder Euro": after the figure, an alternative that leaves it
    open (data/grading_open_ends.txt) or another unit; "mehr oder weniger" is a qualifier, not a hedge."""
    for match in _ALTERNATIVE.finditer(answer, position):
        before = _WORD.findall(answer[: match.start()])
        if before and key(before[-1]) == "mehr":
            continue
        word = key(match[1])
        if word in _open_ends() or word in _unit_words():
            return True
    return False


@lru_cache(maxsize=None)
def _time_shifts() -> dict[str, str]:
    """data/grading_time_shifts.txt: folded word -> "shift" (vor, nach), "until" (bis) or "from" (seit, ab)."""
    return {key(row[0]): (row[1] if len(row) > 1 else "shift") for row in lexicon_rows("grading_time_shifts.txt")}


_BEFORE_A_YEAR = frozenset({"dem", "den", "der", "zum", "im", "am", "the", "jahr", "jahre", "jahren", "year"})


def _time_shift(answer: str, quantity: Quantity, expected_text: str) -> Optional[str]:
    """ "vor" in "vor 2002", "nach dem 25. April": a time before or after the figure that the expected answer
    does not say; "bis" in "bis 2002" for "seit 2002", "ab" for "bis 2038": the other end of a span."""
    before = _WORD.findall(answer[:quantity.start])
    while before and key(before[-1]) in _BEFORE_A_YEAR:
        before.pop()
    shifts = _time_shifts()
    word = key(before[-1]) if before else ""
    if word not in shifts:
        return None
    kind = shifts[word]
    if kind == "shift":
        return before[-1] if word not in _words(expected_text) else None
    # A start or an end echoes the question or the gap ("Seit wann …?", "bis _____"): right for a bare year,
    # wrong where the expected answer says the other one ("bis 2002" for seit 2002) or another shift.
    expected_kinds = {shifts[w] for w in _words(expected_text) if w in shifts}
    return before[-1] if expected_kinds - {kind} else None


_EVEN = frozenset({"mal", "einmal", "even"})  # "nicht mal 20", "nicht einmal ein Fünftel": still negated


def _negated_before(answer: str, position: int) -> bool:
    """ "nicht 34", "keine 34 Millionen", "not 34": a negation right before a figure (its qualifier included)."""
    before = [w for w in _WORD.findall(answer[:position])[-3:] if key(w) not in _EVEN]
    return bool(before) and _is_negation(before[-1])


@dataclass(frozen=True)
class _Share:
    fraction: Fraction
    start: int
    end: int


@lru_cache(maxsize=None)
def _share_nouns() -> dict[str, int]:
    return {key(noun): int(denominator) for noun, denominator in lexicon_rows("grading_shares.tsv")}


@lru_cache(maxsize=None)
def _share_pattern() -> re.Pattern:
    nouns = "|".join(re.escape(noun) for noun, _ in lexicon_rows("grading_shares.tsv"))
    return re.compile(rf"(?i)(?<![^\W_])(?:(?P<count>\d+|[^\W\d_]+?)\s*)?(?P<noun>{nouns})(?![^\W_])"
                      rf"|(?<![^\W_])jede[rsn]?\s+(?P<nth>[^\W\d_]+)(?![^\W_])")


def _share_of(answer: str) -> Optional[_Share]:
    """ "ein Viertel" 1/4, "zwei Drittel", "dreiviertel" 3/4, "die Hälfte" 1/2, "jeder Fünfte" 1/5."""
    for match in _share_pattern().finditer(answer):
        if match["nth"]:
            nth = numbers.ordinal_value(match["nth"])
            if nth and nth > 1:
                return _Share(Fraction(1, nth), match.start(), match.end())
            continue
        count = 1
        if match["count"] and key(match["count"]) not in _fillers():
            value = numbers.parse_number(match["count"])
            if value is None or value != int(value):
                continue  # "Stadtviertel"
            count = int(value)
        return _Share(Fraction(count, _share_nouns()[key(match["noun"])]), match.start(), match.end())
    return None


@lru_cache(maxsize=None)
def _qualifier_forms() -> tuple[tuple[str, str], ...]:
    """data/qualifiers.tsv as (folded words, canonical), longest first: ("mehr als", "more_than") …"""
    forms = [(" ".join(_plain(form).split()), canonical) for form, canonical in lexicon_rows("qualifiers.tsv")]
    return tuple(sorted(forms, key=lambda form: -len(form[0])))


def _qualifier_before(text: str, position: int) -> Optional[str]:
    """The qualifier right before a share in words: "mehr als die Hälfte" -> "more_than"."""
    before = " " + _plain(text[:position])
    return next((canonical for form, canonical in _qualifier_forms() if before.endswith(" " + form)), None)


def _share_qualifiers_differ(expected_qualifier: Optional[str], given_qualifier: Optional[str]) -> bool:
    """ "mehr als die Hälfte" or "knapp die Hälfte" is not "die Hälfte"; "rund die Hälfte" is."""
    strip = lambda q: None if q in (None, "approx", "exactly") else q  # noqa: E731
    return strip(given_qualifier) is not None and strip(given_qualifier) != strip(expected_qualifier)


def _share_grade(expected: Quantity, answer: str, share: _Share, label: str) -> Grade:
    """A share in words for a percentage: "ein Viertel" is 25 Prozent, "ein Drittel" is 33 Prozent."""
    if _negated_before(answer, share.start):
        return _grade("wrong", 0, tr(f"Verneint – laut Artikel »{label}«.", f"Negated – the article says '{label}'."))
    if _share_qualifiers_differ(expected.qualifier, _qualifier_before(answer, share.start)):
        return _grade("wrong", 0, tr(f"Laut Artikel »{label}«.", f"The article says '{label}'."))
    percent = float(share.fraction) * 100
    written = re.search(r"[.,](\d+)", expected.text)
    tolerance = 0.5 * 10 ** -(len(written[1]) if written else 0)  # as precise as the article's figure
    if _same(percent, expected.value):
        return _grade("correct", 1.0)
    if abs(percent - expected.value) <= tolerance:
        return _grade("close", 0.9, tr(f"Richtig – genauer: »{label}«.", f"Correct – more precisely: '{label}'."))
    return _grade("wrong", 0, tr(f"Der Anteil stimmt nicht: laut Artikel »{label}«.",
                                 f"Wrong share: the article says '{label}'."))


def _expected_share(expected: str, answer_type: Optional[str]) -> Optional[_Share]:
    """ "die Hälfte", "zwei Drittel" as the whole expected answer (not "ein Drittel der Stimmen" as a word answer)."""
    if answer_type not in (None, "percent", "amount", "count", "text"):
        return None
    share = _share_of(expected)
    if share is None or any(w not in _fillers() for w in _words(expected[: share.start] + " " + expected[share.end:])):
        return None
    return share


def _grade_against_share(share: _Share, expected: str, answer: str) -> Grade:
    """A share expected: the same share in words, its percentage as precisely as the learner writes it
    ("zwei Drittel": 67 Prozent or 66,7 Prozent, not 66 Prozent), or the fraction ("2/3")."""
    wrong = _grade("wrong", 0, tr(f"Der Anteil stimmt nicht: laut Artikel »{expected}«.",
                                  f"Wrong share: the article says '{expected}'."))
    given = _share_of(answer)
    if given is not None:
        if _negated_before(answer, given.start) or _share_qualifiers_differ(
                _qualifier_before(expected, share.start), _qualifier_before(answer, given.start)):
            return wrong
        return _grade("correct", 1.0) if given.fraction == share.fraction else wrong
    found = _quantities(learner_notation(answer, _quantities("1 Prozent")[0]))
    if len(found) != 1 or _negated_before(answer, found[0].start) or found[0].qualifier not in (None, "approx"):
        return wrong
    value, percent = found[0].value, float(share.fraction) * 100
    if found[0].unit == "%":
        written = re.search(r"[.,](\d+)", found[0].text)
        if _same(value, percent):
            return _grade("correct", 1.0)
        if abs(value - percent) <= 0.5 * 10 ** -(len(written[1]) if written else 0) + 1e-9:
            return _grade("close", 0.9, tr(f"Richtig – genau: »{expected}«.", f"Correct – exactly: '{expected}'."))
        return wrong
    if found[0].unit is None and abs(value - float(share.fraction)) < 1e-6:  # "2/3", "0,5"
        return _grade("correct", 1.0)
    if found[0].unit is None and _same(value, percent):  # "50" for die Hälfte: a percentage without its sign
        return _grade("close", 0.8, tr(f"Richtig – die Einheit fehlt: »{expected}«.",
                                       f"Correct – the unit is missing: '{expected}'."))
    return wrong


def _label(quantity: Quantity, written: str) -> str:
    return written.strip() or numbers.format_quantity(quantity)


def _distinct(found: list[Quantity]) -> list[Quantity]:
    unique: list[Quantity] = []
    for quantity in found:
        if not any(numbers.same_quantity(quantity, other) and quantity.qualifier == other.qualifier for other in unique):
            unique.append(quantity)
    return unique


def _same(a: Optional[float], b: Optional[float]) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _compare_quantity(expected: Quantity, given: Quantity, label: str, answer_type: Optional[str] = None) -> Grade:
    if expected.kind == "date" or (given.kind == "date" and expected.kind == "year"):
        return _compare_dates(expected, given, label)
    if given.kind == "ordinal" and expected.kind != "ordinal" and answer_type != "ordinal":  # which one, not how many
        return _grade("wrong", 0, tr(f"Das ist eine Ordnungszahl: laut Artikel »{label}«.",
                                     f"That is an ordinal: the article says '{label}'."))
    if expected.qualifier == "vague" or given.qualifier == "vague":
        return _compare_vague(expected, given, label)
    if {expected.unit, given.unit} == _PERCENT_AND_POINTS and _same(expected.value, given.value):
        return _grade("partial", 0.5, tr(  # the figure is right, the measure is not: say so, do not count it
            f"Die Zahl stimmt, aber laut Artikel »{label}«: Prozentpunkte sind nicht Prozent.",
            f"The figure is right, but the article says '{label}': percentage points are not per cent."))
    if expected.unit and given.unit and expected.unit != given.unit:
        return _grade("wrong", 0, tr(f"Die Einheit stimmt nicht: laut Artikel »{label}«.",
                                     f"Wrong unit: the article says '{label}'."))
    unit_missing = bool(expected.unit) and not given.unit
    unit_extra = bool(given.unit) and not expected.unit
    expected_value = expected.number if unit_missing else expected.value
    given_value = given.number if unit_extra else given.value
    # "42.195 km" may be English for 42,195 km; the other reading counts only in the expected unit.
    given_alt = given.alt_value if given.unit_key in (None, expected.unit_key) else None
    if not (_same(expected_value, given_value) or _same(expected_value, given_alt)):
        return _wrong_number(expected, given, expected_value, given_value, label)
    if not _same(expected.upper, given.upper) and (expected.upper or given.upper):
        return _grade("partial" if expected.upper else "wrong", 0.5 if expected.upper else 0, tr(
            f"Laut Artikel: »{label}«.", f"The article says '{label}'."))
    more_precise_year = given.period and not expected.period and expected.kind == "year"  # "Ende 1991" for 1991
    if expected.period != given.period and given.period and not more_precise_year:
        return _grade("wrong", 0, tr(f"Der Zeitpunkt stimmt nicht: laut Artikel »{label}«.",
                                     f"Wrong time: the article says '{label}'."))
    if _other_thing(expected.noun, given.noun) or _unit_for_noun(expected, given, unit_missing, unit_extra):
        return _grade("wrong", 0, tr(f"Die Zahl stimmt, aber sie zählt etwas anderes: laut Artikel »{label}«.",
                                     f"The figure is right but counts something else: the article says '{label}'."))
    qualifier = _compare_qualifiers(expected, given, label)
    if qualifier.verdict == "wrong":
        return qualifier
    if unit_missing or unit_extra:
        return _unit_mismatch(expected, given, label, unit_missing, answer_type)
    if expected.period and not given.period:
        return _grade("close", 0.9, tr(f"Richtig – genauer: »{label}«.", f"Correct – more precisely: '{label}'."))
    if more_precise_year and qualifier.verdict == "correct":
        return _grade("close", 0.9, tr(f"Richtig – laut Artikel »{label}«.", f"Correct – the article says '{label}'."))
    return qualifier


@lru_cache(maxsize=None)
def _counted_things() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(key(w) for w in row if w) for row in lexicon_rows("grading_counted_things.tsv"))


def _thing_of(noun: str) -> Optional[int]:
    """Which line of data/grading_counted_things.tsv a counted noun belongs to ("Toten" -> Tote), if any."""
    folded = key(noun)
    for index, words in enumerate(_counted_things()):
        if any(_may_match(word, folded) and word_match(word, folded) for word in words):
            return index
    return None


ROUGHLY_ALIKE = 50  # rapidfuzz ratio below which no spelling of one word is a transliteration of the other


def _may_match(expected: str, given: str) -> bool:
    """A cheap test before ``word_match`` on a lexicon's many words: a typo or an inflection keeps the
    first letter, a transliteration most of the spelling (PHONETIC_FLOOR on one of its spellings)."""
    return expected[:1] == given[:1] or fuzz.ratio(expected, given) >= ROUGHLY_ALIKE


def _other_thing(expected_noun: Optional[str], given_noun: Optional[str]) -> bool:
    """ "140 Verletzte" for 140 Tote: both nouns name a listed thing, and not the same one;
    "10.000 Südkoreaner" for 10.000 Nordkoreaner: the same head with another first part."""
    if not expected_noun or not given_noun:
        return False
    expected_thing, given_thing = _thing_of(expected_noun), _thing_of(given_noun)
    if expected_thing is not None and given_thing is not None and expected_thing != given_thing:
        return True
    return _other_kind_of(key(expected_noun), key(given_noun))


SHARED_HEAD = 7  # letters two compounds share at the end to be two kinds of one thing (Nord-/Südkoreaner; not Ein-/Bewohner)


def _other_kind_of(expected: str, given: str) -> bool:
    """Two compounds of one head with different first parts: Nordkoreaner/Südkoreaner, Ostdeutsche/Westdeutsche.
    One word inside the other is not another kind (Koreaner for Nordkoreaner says less, not something else)."""
    if expected.endswith(given) or given.endswith(expected) or word_match(expected, given):
        return False
    shared = len(os.path.commonprefix([expected[::-1], given[::-1]]))
    return shared >= SHARED_HEAD


@lru_cache(maxsize=None)
def _unit_words() -> frozenset[str]:
    """Every written form of a unit or currency in data/units.tsv, folded, in parts: "dollar", "us", "euros" …"""
    words = set()
    for _, _, _, _, singular, plural, forms, _ in lexicon_rows("units.tsv"):
        for form in (singular, plural, *forms.split("|")):
            words.update(key(part) for part in re.split(r"[\s-]+", form) if key(part))
    return frozenset(words)


def _names_a_thing(noun: str) -> bool:
    """A noun after a figure that is no unit, misspelt or in part ("Menschen", not "Dolar" or the "US" of "US-$")."""
    folded = key(noun)
    return len(folded) >= 4 and not any(folded == unit or _is_typo(unit, folded) for unit in _unit_words())


def _unit_for_noun(expected: Quantity, given: Quantity, unit_missing: bool, unit_extra: bool) -> bool:
    """ "34 Millionen Menschen" for 34 Millionen Dollar, "10.000 Dollar" for 10.000 Nordkoreaner,
    "zehn Prozent" for das Zehnfache: a unit where the article counts a thing, or the other way round."""
    if unit_missing:
        return bool(given.noun) and _names_a_thing(given.noun)
    return unit_extra and (bool(expected.noun) or expected.kind in ("factor", "ordinal"))


def _wrong_number(expected: Quantity, given: Quantity, expected_value, given_value, label: str) -> Grade:
    if expected.scale and given.scale is None and _same(given.value, (expected.number or 0) / expected.scale):
        return _grade("partial", 0.5, tr(f"Die Größenordnung fehlt: laut Artikel »{label}«.",
                                         f"The scale is missing: the article says '{label}'."))
    ratio = abs(given_value / expected_value) if expected_value and given_value else 0
    if any(_same(ratio, 1000.0 ** k) for k in (-4, -3, -2, -1, 1, 2, 3, 4)):
        note = tr(f"Die Größenordnung stimmt nicht: laut Artikel »{label}«.",
                  f"Wrong order of magnitude: the article says '{label}'.")
        if given.scale == 1e12 and _same(expected.value, given.value / 1000):
            note += tr(" (Eine deutsche Billion sind tausend Milliarden.)",
                       " (A German 'Billion' is a thousand 'Milliarden', i.e. a trillion.)")
        return _grade("wrong", 0, note)
    return _grade("wrong", 0, tr(f"Die Zahl stimmt nicht: laut Artikel »{label}«.",
                                 f"The number is wrong: the article says '{label}'."))


def _compare_qualifiers(expected: Quantity, given: Quantity, label: str) -> Grade:
    e, g = expected.qualifier, given.qualifier
    opposite = (e in _ABOVE and g in _BELOW) or (e in _BELOW and g in _ABOVE)
    if opposite:
        return _grade("wrong", 0, tr(f"»{given.text}« passt nicht: laut Artikel »{label}«.",
                                     f"'{given.text}' does not fit: the article says '{label}'."))
    if g in _STRICT_BOUNDS and e in (None, "exactly"):  # "über 140" is not true of exactly 140
        return _grade("partial", 0.5, tr(f"»{given.text}« ist nicht die Zahl: laut Artikel »{label}«.",
                                         f"'{given.text}' is not the figure: the article says '{label}'."))
    if (e in _BOUNDS and g is None) or (g in _BOUNDS and e != g):
        return _grade("close", 0.9, tr(f"Richtig – genauer: »{label}«.", f"Correct – more precisely: '{label}'."))
    return _grade("correct", 1.0)


def _unit_mismatch(expected: Quantity, given: Quantity, label: str, missing: bool,
                   answer_type: Optional[str] = None) -> Grade:
    unit_id = expected.unit or given.unit
    # A question that asks for a count ("Wie alt …?", "Wie viele …?") names the unit: "81" for 81 Jahre.
    if numbers.is_money(unit_id) or unit_id in _NAMED_BY_QUESTION or (missing and answer_type == "count"):
        note = tr(f"Richtig – die Einheit fehlt: »{label}«.", f"Correct – the unit is missing: '{label}'.") if missing \
            else tr(f"Richtig – laut Artikel »{label}«.", f"Correct – the article says '{label}'.")
        return _grade("close", 0.8, note)
    note = tr(f"Die Einheit fehlt: laut Artikel »{label}«.", f"The unit is missing: the article says '{label}'.") \
        if missing else tr(f"Laut Artikel »{label}«, ohne diese Einheit.", f"The article says '{label}', without that unit.")
    return _grade("partial", 0.5, note)


def _compare_vague(expected: Quantity, given: Quantity, label: str) -> Grade:
    if expected.unit and given.unit and expected.unit != given.unit:
        return _grade("wrong", 0, tr(f"Die Einheit stimmt nicht: laut Artikel »{label}«.",
                                     f"Wrong unit: the article says '{label}'."))
    if expected.qualifier == given.qualifier and _same(expected.value, given.value):
        return _grade("correct", 1.0)
    vague, concrete = (expected, given) if expected.qualifier == "vague" else (given, expected)
    if vague.value <= concrete.value < vague.value * 10:
        note = tr(f"Laut Artikel nur: »{label}«.", f"The article only says '{label}'.") if vague is expected \
            else tr(f"Genauer: »{label}«.", f"More precisely: '{label}'.")
        return _grade("partial", 0.5, note)
    return _grade("wrong", 0, tr(f"Die Zahl stimmt nicht: laut Artikel »{label}«.",
                                 f"The number is wrong: the article says '{label}'."))


def _date_parts(quantity: Quantity) -> tuple[Optional[str], Optional[str], Optional[str]]:
    iso = quantity.iso or (str(int(quantity.value)) if quantity.kind in ("year", "number", "count") else "")
    year, _, rest = iso.partition("-") if not iso.startswith("--") else ("", "", iso[2:])
    month, _, day = rest.partition("-")
    return year or None, month or None, day or None


def _shares_a_date_part(expected: Quantity, given: Quantity) -> bool:
    """Whether the given date names the expected one's year, month or day at all ("Mai" for 2002 does not)."""
    return any(e and g for e, g in zip(_date_parts(expected), _date_parts(given)))


def _compare_dates(expected: Quantity, given: Quantity, label: str) -> Grade:
    if expected.upper is not None or given.upper is not None:
        if _same(expected.value, given.value) and _same(expected.upper, given.upper):
            return _grade("correct", 1.0)
        return _grade("wrong", 0, tr(f"Laut Artikel: »{label}«.", f"The article says '{label}'."))
    wrong = _grade("wrong", 0, tr(f"Das Datum stimmt nicht: laut Artikel »{label}«.",
                                  f"Wrong date: the article says '{label}'."))
    e_parts, g_parts = _date_parts(expected), _date_parts(given)
    if any(e and g and e != g for e, g in zip(e_parts, g_parts)) or not any(g_parts):
        return wrong
    if not _shares_a_date_part(expected, given):  # "im Mai" for 2002: nothing of it is given
        return wrong
    if expected.period != given.period and expected.period and given.period:
        return wrong  # "Anfang" is not "Ende"; but "Ende Mai" for "im Mai" says more, not otherwise
    missing = [e for e, g in zip(e_parts, g_parts) if e and not g]
    if not missing and expected.period == given.period:
        return _grade("correct", 1.0)
    if not missing:  # "Ende Mai" for "im Mai": more precise than the article
        return _grade("close", 0.9, tr(f"Richtig – laut Artikel »{label}«.", f"Correct – the article says '{label}'."))
    year_only_missing = missing == [e_parts[0]] and e_parts[0] is not None
    if year_only_missing:
        return _grade("close", 0.9, tr(f"Richtig – vollständig: »{label}«.", f"Correct – in full: '{label}'."))
    return _grade("partial", 0.5, tr(f"Ungenau – laut Artikel »{label}«.", f"Not precise enough: the article says '{label}'."))


# --------------------------------------------------------------------------
# Words and names
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    key: str
    text: str
    index: int
    compound: str  # key of the whole hyphenated word: "usprasident" for "US" in "US-Präsident"


_HYPHENATED = re.compile(r"[^\W_]+(?:[-‐–][^\W_]+)*")


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[_Token, ...]:
    found: list[_Token] = []
    for compound in _HYPHENATED.findall(text):
        for word in _WORD.findall(compound):
            if key(word):
                found.append(_Token(key(word), word, len(found), key(compound)))
    return tuple(found)


def _budget(length: int) -> int:
    return 0 if length <= 4 else 1 if length <= 8 else 2


def _is_typo(expected: str, given: str, most: int = 2) -> bool:
    """Within the typo budget of the expected word's length (and at most ``most`` edits)."""
    budget = min(_budget(len(expected)), most)
    if not budget or expected[0] != given[0]:
        return False
    distance = OSA.distance(expected, given, score_cutoff=budget)
    if distance > budget:
        return False
    if distance == 2:
        positions = [op.src_pos for op in Levenshtein.editops(expected, given)]
        return max(positions) - min(positions) > 2  # "Bundesrat"/"Bundestag": a different word part
    return True


def _gendered(a: str, b: str) -> bool:
    """ "Außenministerin" for "Außenminister": the same office, the other gender."""
    return a + "in" == b or b + "in" == a


def _inflected(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short):] in INFLECTIONS


@lru_cache(maxsize=16384)
def word_match(expected: str, given: str) -> Optional[str]:
    """How a learner's word matches an expected word (both as ``variants.key``).

    "exact" | "variant" | "inflection" | "typo" | "phonetic", or None.
    """
    if expected == given:
        return "exact"
    if (given.isdigit() and numbers.ordinal_value(expected) == int(given)) or \
            (expected.isdigit() and numbers.ordinal_value(given) == int(expected)):
        return "variant"  # "2. Weltkrieg" for Zweiter Weltkrieg
    if any(ch.isdigit() for ch in expected + given):
        return None
    if _REGNAL.fullmatch(expected.upper()) and numbers.ordinal_value(given) == _roman_value(expected):
        return "variant"  # "Ludwig der Vierzehnte" for Ludwig XIV.
    if _same_name(expected, given) or _same_given_name(expected, given):
        return "variant"
    if _inflected(expected, given) and (given not in _real_words() or _gendered(expected, given)):
        return "inflection"  # "Außenministers", "Kanzlerin"; but "Bayer" is not "Bayern"
    sounds_alike = (len(expected) >= PHONETIC_MIN_LENGTH and cologne(expected) == cologne(given)
                    and fuzz.ratio(expected, given) >= PHONETIC_FLOOR)
    if given in _real_words():
        # A different real word, except one given name in another spelling (Wladimir/Vladimir, Sergej/Sergei).
        names = _given_names()
        return "phonetic" if sounds_alike and expected in names and given in names else None
    if _is_typo(expected, given) or any(_is_typo(key(spelling), given, _budget(len(expected)))
                                        for spelling in group_of(expected)):
        return "typo"  # "Bejing": a misspelt Beijing is a misspelt Peking (within Peking's budget)
    if _synonym_parts(expected, given):
        return "variant"
    return "phonetic" if _transliterated(expected, given, sounds_alike) else None


@lru_cache(maxsize=None)
def _part_synonyms() -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """Words and word parts that mean the same (data/grading_synonyms.tsv): a pattern finding any of
    them, and each one's synonyms ("atom" -> {"nuklear", "kern"})."""
    others: dict[str, frozenset[str]] = {}
    for row in lexicon_rows("grading_synonyms.tsv"):
        parts = frozenset(key(part) for part in row if part)
        for part in parts:
            others[part] = others.get(part, frozenset()) | (parts - {part})
    return re.compile("|".join(sorted(map(re.escape, others), key=len, reverse=True))), others


def _synonym_parts(expected: str, given: str) -> bool:
    """ "Nuklearprogramm" for "Atomprogramm", "Einfuhrzölle" for "Importzölle", "Waffenruhe" for "Waffenstillstand":
    the same word with one listed part said otherwise, the rest equal."""
    pattern, others = _part_synonyms()
    for match in pattern.finditer(expected):
        before, after = expected[: match.start()], expected[match.end():]
        if given.startswith(before) and given.endswith(after) and \
                given[len(before): len(given) - len(after)] in others[match[0]]:
            return True
    return False


_GERMAN_SPELLING = re.compile(r"dsch|schtsch|tsch|sch|dj|ch|w|j|z")
_ENGLISH_SPELLING = {"dsch": "j", "schtsch": "shch", "tsch": "ch", "sch": "sh", "dj": "j", "ch": "kh", "w": "v", "j": "y",
                     "z": "ts"}
_NOT_VOWEL = re.compile(r"[^aeiou]+")
MAX_VOWEL_CHANGES = 1  # Gorbatschow/Gorbachev (o/e) passes, Chamenei/Chomeini (a/o, e/i) is another man


def _romanised(word: str) -> str:
    """A German transliteration spelt the English way: "sotschi" -> "sochi", "dschong" -> "jong", "jelzin" -> "yeltsin"."""
    return _GERMAN_SPELLING.sub(lambda m: _ENGLISH_SPELLING[m[0]], word)


def _transliterated(expected: str, given: str, sounds_alike: bool) -> bool:
    """The same foreign name in German and English transliteration (Sotschi/Sochi, Dschong/Jong, Jelzin/Yeltsin).

    Sounding alike (Kölner Phonetik) is not enough on its own: a transliteration keeps the
    vowels, so two names that differ in more vowels are two names (Chamenei/Chomeini).
    """
    if given == _romanised(expected) or expected == _romanised(given) or _romanised(expected) == _romanised(given):
        return True
    if len(expected) < PHONETIC_MIN_LENGTH:
        return False
    pairs = [(expected, given)] if sounds_alike else []
    pairs += [(a, b) for a, b in ((_romanised(expected), given), (expected, _romanised(given)))
              if cologne(a) == cologne(b) and fuzz.ratio(a, b) >= PHONETIC_FLOOR]
    return any(Levenshtein.distance(_NOT_VOWEL.sub("", a), _NOT_VOWEL.sub("", b)) <= MAX_VOWEL_CHANGES
               for a, b in pairs)


def _is_person(expected: str, tokens: Sequence[_Token], answer_type: Optional[str]) -> bool:
    if answer_type == "person":
        return True
    if answer_type is not None or not 2 <= len(tokens) <= 4:
        return False
    capitalised = all(word[:1].isupper() for word in expected.split())
    return capitalised and (tokens[0].key in _given_names() or tokens[0].key in _surname_first())


_REGNAL = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


_ROMAN = {"i": 1, "v": 5, "x": 10}


def _roman_value(numeral: str) -> int:
    """ "xiv" -> 14 (numerals up to XXXIX, as _REGNAL allows)."""
    values = [_ROMAN[ch] for ch in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _is_regnal(token: _Token) -> bool:
    """ "III" in "Charles III.": a numeral after a ruler's name, not a family name."""
    return token.index > 0 and bool(token.text) and _REGNAL.fullmatch(token.text) is not None


def _family_index(tokens: Sequence[_Token]) -> int:
    if tokens[0].key in _surname_first() and len(tokens) > 1:
        return 0
    names = [t for t in tokens if not _is_regnal(t) and t.key not in _generations()] or tokens
    return names[-1].index


def _is_extra_ok(token: _Token, tokens: Sequence[_Token] = ()) -> bool:
    """A learner's word around the answer that changes nothing: fillers, first names, titles,
    and whose title it is ("der russische Präsident Putin", "Russlands Präsident Putin")."""
    return (token.key in _fillers() or token.key in _given_names() or _is_title(token)
            or token.key in _name_forms() or _qualifies_a_title(token, tokens))


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _qualifies_a_title(token: _Token, tokens: Sequence[_Token]) -> bool:
    """An adjective or a genitive right before a title, or before more of them:
    "russische" and "ehemalige" in "der ehemalige russische Präsident", "Russlands" in
    "Russlands Präsident". (Whether the name after it is the right one is checked elsewhere.)"""
    for word in tokens[token.index:]:
        if word is not token and _is_title(word):
            return True
        attributive = (word.text[:1].islower() and word.key.endswith(_ADJECTIVE_ENDINGS)) or \
            (word.text[:1].isupper() and word.text.endswith("s") and word is token)
        if not attributive:
            return False
    return False


def _is_title(token: _Token) -> bool:
    """A role word or title before a name: "Präsident", "US-Präsident", "Frau Dr.", "Volksrepublik"."""
    return token.compound.endswith(_role_stems()) or token.key in _titles()


def _is_optional_head(token: _Token) -> bool:
    """An expected word the learner may leave out: "Insel" (Russki), "Volksrepublik" (China)."""
    return token.key in _place_heads() or token.key in _titles() or token.key in _name_forms()


def _assign(expected: Sequence[_Token], given: Sequence[_Token]) -> dict[int, tuple[_Token, str]]:
    """Each expected word's best learner word (each used once), best matches first."""
    candidates = []
    for e in expected:
        for g in given:
            how = word_match(e.key, g.key)
            if how:
                candidates.append((-_SCORES[how], e.index, g.index, how, g))
    assigned: dict[int, tuple[_Token, str]] = {}
    used: set[int] = set()
    for _, e_index, g_index, how, g in sorted(candidates, key=lambda c: c[:3]):
        if e_index not in assigned and g_index not in used:
            assigned[e_index] = (g, how)
            used.add(g_index)
    return assigned


def _grade_text(expected: str, answer: str, answer_type: Optional[str]) -> Grade:
    if key(expected) == key(answer):
        return _spelling_grade(expected, "exact" if fold(expected) == fold(answer) else "spelling")
    if _same_name(expected, answer) or (_same_name(expected, _content_words(answer)) and not _negated(expected, answer)):
        return _spelling_grade(expected, "variant")  # "EZB", "die UN" for Vereinte Nationen
    if _misspelt_compound(expected, answer):  # "James-Web-Teleskop": a slip in a short part of a long word
        return _spelling_grade(expected, "typo")
    whole = _grade_segment(expected, answer, answer_type, strict=True)
    if whole.accepted:
        return whole
    segments = [s for s in _SEPARATORS.split(answer.replace("(", ",").replace(")", " "))
                if s and any(t.key not in _fillers() for t in _tokens(s))]
    # "Wladiwostok, Russland", "Erdogan, der türkische Präsident": what the answer is, not another answer
    segments = segments[:1] + [s for s in segments[1:] if not _describes(expected, s)]
    if "und" in _words(expected) or not segments:
        return _grade_segment(expected, answer, answer_type, strict=False)
    if len(segments) == 1:  # "In Wladiwostok, glaube ich, aber nicht sicher": the rest is hedging words
        return _grade_segment(expected, segments[0], answer_type, strict=False)
    grades = []
    for segment in segments:
        if _negated(expected, segment):  # "Putin, nicht Medwedew": a candidate ruled out, unless it is the answer
            ruled_out = _grade_segment(expected, _without_negations(segment), answer_type, strict=False)
            if ruled_out.accepted or ruled_out.verdict == "partial":
                return _grade("wrong", 0, tr(f"Verneint – richtig ist »{expected}«.",
                                             f"Negated – the correct answer is '{expected}'."))
            continue
        grades.append(_grade_segment(expected, segment, answer_type, strict=False))
    if not grades:
        return _grade_segment(expected, answer, answer_type, strict=False)
    if all(g.accepted for g in grades):
        return max(grades, key=lambda g: g.score)
    if any(g.accepted or g.verdict == "partial" for g in grades):
        return _grade("wrong", 0, tr(f"Mehrere Antworten – nur eine zählt. Richtig ist »{expected}«.",
                                     f"Several answers – only one counts. The correct one is '{expected}'."))
    return grades[0]


@lru_cache(maxsize=None)
def _place_regions() -> dict[str, str]:
    """A place's country or continent (data/places.tsv): "wladiwostok" -> "russland", "osterreich" -> "europa"."""
    return {key(name): rest[1] for name, *rest in lexicon_rows("places.tsv") if len(rest) > 1 and rest[1]}


def _describes(expected: str, segment: str) -> bool:
    """A part after the answer that says where or what it is: the expected place's country
    ("Wladiwostok, Russland") or an apposition with a role ("Erdogan, der türkische Präsident")."""
    region = _place_regions().get(key(expected))
    content = _content_words(segment)
    if region and content and _same_name(region, content):
        return True
    tokens = _tokens(segment)
    return (len(tokens) >= 2 and tokens[0].key in _ARTICLES and not _negated(expected, segment)
            and any(_is_title(t) for t in tokens[1:]))


_ARTICLES = frozenset({"der", "die", "das", "the"})


def _misspelt_compound(expected: str, answer: str) -> bool:
    """One hyphenated word against another, within the typo budget of the whole word: its short parts
    ("Webb") have no budget of their own, the compound has."""
    both = expected.strip() + answer.strip()
    if "-" not in both or any(ch.isspace() or ch.isdigit() for ch in both):  # Covid-18 is not Covid-19
        return False
    given = key(answer)
    return given not in _real_words() and _is_typo(key(expected), given)


def _content_words(text: str) -> str:
    """The answer without the words around it: "die EZB" -> "EZB"."""
    return " ".join(t.text for t in _tokens(text) if t.key not in _fillers())


def _without_negations(text: str) -> str:
    return " ".join(w for w in _WORD.findall(text) if not _is_negation(w))


def _spelling_grade(expected: str, how: str) -> Grade:
    """The grade of a right answer by how its words matched (see ``word_match``)."""
    if how == "exact":
        return _grade("correct", 1.0)
    if how == "variant":
        return _grade("close", _SCORES[how], tr(f"Richtig – im Artikel: »{expected}«.",
                                                f"Correct – the article writes '{expected}'."))
    return _grade("close", _SCORES.get(how, 0.9), tr(f"Richtig – geschrieben wird es »{expected}«.",
                                                     f"Correct – it is spelt '{expected}'."))


def _grade_segment(expected: str, answer: str, answer_type: Optional[str], *, strict: bool) -> Grade:
    """One candidate answer against the expected words. ``strict``: every learner word must be explained."""
    e_tokens = _tokens(expected)
    g_tokens = _tokens(answer)
    if not e_tokens:
        return _grade("wrong", 0, tr(f"Richtig ist »{expected}«.", f"The correct answer is '{expected}'."))
    content = [t for t in e_tokens if t.key not in _fillers()] or e_tokens
    wrong = _grade("wrong", 0, tr(f"Falsch – richtig ist »{expected}«.", f"Wrong – the correct answer is '{expected}'."))
    if _negated(expected, answer) or _negated(answer, expected) or not _same_digit_order(e_tokens, g_tokens):
        return wrong  # "nicht Putin"; "öffentlich" for "nicht öffentlich"
    if answer_type == "quote" or (len(content) >= QUOTE_WORDS and not _is_person(expected, e_tokens, answer_type)):
        return _grade_quote(expected, content, g_tokens, wrong)
    assigned = _assign(e_tokens, g_tokens)
    if _names_someone_else(expected, assigned, g_tokens):
        return wrong
    used = {g.index for g, _ in assigned.values()}
    said = {g.key for g, _ in assigned.values()}  # "Wladiwostok Wladiwostok": said twice is said once
    extras = [g for g in g_tokens if g.index not in used and g.key not in _fillers() and g.key not in said]
    missing = [t for t in content if t.index not in assigned]
    if strict and any(not _is_extra_ok(g, g_tokens) for g in extras):
        return wrong
    expected_forms = {t.key for t in e_tokens if t.key in _name_forms()}
    if expected_forms and any(g.key in _name_forms() and g.key not in expected_forms for g in extras):
        return wrong  # "Bundesrepublik" is not the "Volksrepublik", SC not FC
    if _is_person(expected, e_tokens, answer_type):
        return _grade_person(expected, e_tokens, assigned, missing, extras, wrong, g_tokens)
    required = [t for t in missing if not _is_optional_head(t)]
    if required:
        if len(required) < len([t for t in content if not _is_optional_head(t)]):
            return _grade("partial", 0.4, tr(f"Nur teilweise – richtig ist »{expected}«.",
                                             f"Only partly – the correct answer is '{expected}'."))
        return wrong
    unexplained = [g for g in extras if not _is_extra_ok(g, g_tokens)]
    is_sentence = any(g.key in _fillers() for g in g_tokens)
    if unexplained and not is_sentence:
        return _grade("partial", 0.4, tr(f"Bitte nur die Antwort – richtig ist »{expected}«.",
                                         f"Please give just the answer – the correct one is '{expected}'."))
    return _matched_grade(expected, assigned, head_missing=bool(missing))


_OF = frozenset({"von", "vom", "des", "der", "of"})


def _names_someone_else(expected: str, assigned: dict[int, tuple[_Token, str]], g_tokens: Sequence[_Token]) -> bool:
    """The right name, but as a part of another person or thing: "Putins Sprecher", "der Sohn von Kim Jong Il",
    "Russlands Präsident" (a relation noun of data/relation_nouns.txt or a role, with a genitive or "von"),
    "Nato-Generalsekretär", "Kreml-Sprecher" (a compound whose last part is a role)."""
    expected_key = key(expected)
    others = _relation_nouns() | {t.key for t in g_tokens if _is_role(t.key)}
    others = {w for w in others if w not in expected_key}
    used = {g.index for g, _ in assigned.values()}
    for g, how in assigned.values():
        after = g_tokens[g.index + 1] if g.index + 1 < len(g_tokens) else None
        genitive = how != "exact" and (g.text.endswith(("s", "'s", "’s", "s'")))
        if genitive and after is not None and after.key in others:
            return True  # "Putins Sprecher"
        if _of_someone(g_tokens, g.index, used, others):
            return True  # "der Sprecher von Putin", "Sohn des Kim Jong Il"
        if g.compound != g.key and _is_role(g.compound) and not _is_role(g.key) and not _is_role(expected_key):
            return True  # "Nato-Generalsekretär"
    return False


def _of_someone(g_tokens: Sequence[_Token], index: int, used: set[int], others: set[str]) -> bool:
    """ "Sprecher von Putin", "die Schwester des Kim Jong Un": a relation noun, then "von"/"des" (not a
    particle of the name itself: "Frau von der Leyen") right before the name."""
    position, skipped = index - 1, 0
    while position >= 0 and skipped < 2 and position not in used and g_tokens[position].key in _OF:
        position, skipped = position - 1, skipped + 1
    return skipped > 0 and position >= 0 and g_tokens[position].key in others


def _is_role(word: str) -> bool:
    return word.endswith(_role_stems())


def _matched_grade(expected: str, assigned: dict[int, tuple[_Token, str]], *, head_missing: bool = False) -> Grade:
    kinds = [how for _, how in assigned.values()]
    worst = min(kinds, key=lambda how: _SCORES[how])
    if worst == "exact" and not head_missing:
        return _grade("correct", 1.0)
    if worst == "exact":
        return _grade("close", 0.9, tr(f"Richtig – vollständig: »{expected}«.", f"Correct – in full: '{expected}'."))
    return _spelling_grade(expected, worst)


def _grade_person(expected: str, e_tokens: Sequence[_Token], assigned, missing: Sequence[_Token],
                  extras: Sequence[_Token], wrong: Grade, g_tokens: Sequence[_Token] = ()) -> Grade:
    family = e_tokens[_family_index(e_tokens)]
    names_given = [g for g in extras if not _is_title(g) and g.key not in _particles()
                   and not _qualifies_a_title(g, g_tokens)]
    missing = [t for t in missing if t.key not in _particles()]  # "Sisi", "el-Sisi" for Abdel Fattah al-Sisi
    if family.index not in assigned:
        if assigned and not names_given:  # "Angela" for "Angela Merkel"
            return _grade("partial", 0.4, tr(f"Der Familienname fehlt: »{expected}«.",
                                             f"The family name is missing: '{expected}'."))
        return wrong
    spelt_out = _match_initials(family, missing, names_given)
    if any(len(t.key) == 1 for t in e_tokens) and _other_initials(assigned, missing, names_given, spelt_out):
        return wrong  # "George H. W. Bush" for George W. Bush and back: the initials tell father and son apart
    expected_generations = {_generations()[t.key] for t in e_tokens if t.key in _generations()}
    given_generations = {_generations()[g.key] for g in [g for g, _ in assigned.values()] + names_given
                         if g.key in _generations()}
    if given_generations - expected_generations:
        return wrong  # "Donald Trump Jr." for Donald Trump, "Bush senior" for George W. Bush
    if expected_generations - given_generations:
        return _grade("partial", 0.5, tr(f"Welche(r)? Vollständig: »{expected}«.", f"Which one? In full: '{expected}'."))
    missing = [t for t in missing if t.key not in _generations()]  # "Junior" for "Jr.": the same generation
    names_given = [g for g in names_given if g.key not in _generations()]
    if missing and names_given and family.index == 0 and _same_given_syllables(e_tokens, assigned, names_given):
        return _spelling_grade(expected, "typo")  # "Kim Jon Un", "Kim Jung Un" for Kim Jong Un
    if missing and names_given:
        return wrong  # "Ivanka Trump" for "Donald Trump", "Kim Young-tae" for "Jeong Young-tae"
    if missing and (family.key in _shared_surnames() or any(_is_regnal(t) for t in missing)):
        # "Kim" (which one?), "Ludwig" for Ludwig XIV. (there were eighteen)
        return _grade("partial", 0.5, tr(f"Welche(r)? Vollständig: »{expected}«.", f"Which one? In full: '{expected}'."))
    return _matched_grade(expected, assigned, head_missing=bool(missing))


def _match_initials(family: _Token, missing: list[_Token], names_given: list[_Token]) -> list[_Token]:
    """Initials against names, in place: the learner's "D." takes the missing "Donald" ("D. Trump"), the learner's
    "Walker" the missing "W." (George Walker Bush). Returns the names that spelt out an expected initial."""
    for initial in [g for g in names_given if len(g.key) == 1]:
        named = next((t for t in missing if t.index != family.index and t.key.startswith(initial.key)), None)
        if named is not None:
            missing.remove(named)
            names_given.remove(initial)
    spelt_out = []
    for initial in [t for t in missing if len(t.key) == 1 and 0 < t.index != family.index]:  # a middle initial
        name = next((g for g in names_given if len(g.key) > 1 and g.key.startswith(initial.key)
                     and g.key not in _generations()), None)
        if name is not None:
            missing.remove(initial)
            names_given.remove(name)
            spelt_out.append(name)
    return spelt_out


def _other_initials(assigned, missing: Sequence[_Token], names_given: Sequence[_Token],
                    spelt_out: Sequence[_Token]) -> bool:
    """Initials other than the expected name's: one it does not have, or one of its own left out while the
    learner writes others, as initials or in full ("George Walker Bush" for George H. W. Bush is the son).
    Initials added to a name written without any are fine ("Donald J. Trump", "J. W. Goethe")."""
    if any(len(g.key) == 1 for g in names_given):
        return True
    initials_given = spelt_out or any(len(g.key) == 1 for g, _ in assigned.values())
    return bool(initials_given) and any(len(t.key) == 1 for t in missing)


def _same_given_syllables(e_tokens: Sequence[_Token], assigned, names_given: Sequence[_Token]) -> bool:
    """Korean and Chinese given names after the family name, read as one word within the typo budget:
    "Jon Un" is a misspelt "Jong Un" (one letter in six), "Jong Il" is another man (two letters)."""
    expected_rest = "".join(t.key for t in e_tokens[1:])
    given = sorted([g for index, (g, _) in assigned.items() if index != 0] + names_given, key=lambda g: g.index)
    given_rest = "".join(g.key for g in given)
    return len(expected_rest) > 4 and _is_typo(expected_rest, given_rest)


@lru_cache(maxsize=None)
def _known_people() -> dict[str, str]:
    """Family name -> the well-known person it names on its own (data/grading_known_people.txt):
    "schoigu" -> "Sergej Schoigu"."""
    people = {}
    for name in lexicon_lines("grading_known_people.txt"):
        family = _family_of(name)
        if family is not None:
            people[family.key] = name
    return people


def _vouched_for(forms: Sequence[str], results: Sequence[Grade], answer: str,
                 answer_type: Optional[str]) -> list[Optional[Grade]]:
    """The results of the forms that can speak for the given names in the answer (None for one that cannot).

    A form that names the person less fully than the answer ("Kim", "Trump", "George Bush") cannot
    tell whether the given names the learner adds are right: a fuller form of the same family name
    decides, and unless one accepts them the less full form does not count ("Kim Jong Il" for Kim /
    Kim Jong Un is his father, "Ivanka Trump" for Trump / Donald Trump his daughter). With no fuller
    form, a family name alone is checked against the well-known person of that name ("Sergej Schoigu"
    for Schoigu), or else the answer is partial: the article does not say ("Hans Lininger" for Lininger)."""
    if answer_type not in (None, "person"):
        return list(results)
    weighed: list[Optional[Grade]] = list(results)
    for index, (form, result) in enumerate(zip(forms, results)):
        if not result.accepted or not _added_given_names(form, answer, answer_type):
            continue
        fuller = [results[i] for i, other in enumerate(forms) if _names_more_fully(other, form)]
        if fuller:
            if not any(other.accepted for other in fuller):
                weighed[index] = None
        elif len(_name_words(form)) == 1:
            weighed[index] = _unverified_given_names(form, answer, result)
    return weighed


def _name_words(name: str) -> list[_Token]:
    """The words of a person's name, without titles, particles, fillers and generation words."""
    return [t for t in _tokens(name) if not _is_title(t) and t.key not in _particles()
            and t.key not in _fillers() and t.key not in _generations()]


def _family_of(name: str) -> Optional[_Token]:
    names = _name_words(name)
    if not names:
        return None
    family = _tokens(name)[_family_index(_tokens(name))]
    return family if family in names else names[-1]


def _names_more_fully(other: str, form: str) -> bool:
    """ "Kim Jong Un" names the person of "Kim" more fully: more name words, the same family name."""
    family, other_family = _family_of(form), _family_of(other)
    return (family is not None and other_family is not None and len(_name_words(other)) > len(_name_words(form))
            and word_match(other_family.key, family.key) is not None)


def _added_given_names(form: str, answer: str, answer_type: Optional[str]) -> list[_Token]:
    """Given names the answer puts next to the form's family name that the form does not have: "Jong Il"
    in "Kim Jong Il" for Kim (after a family name that comes first), "Hans" in "Hans Lininger" for
    Lininger, "H. W." in "George H. W. Bush" for George Bush (before the others)."""
    family = _family_of(form)
    g_tokens = _tokens(answer)
    found = next((g for g in g_tokens if family is not None and word_match(family.key, g.key)), None)
    if found is None:
        return []
    all_lowercase = not any(ch.isupper() for ch in answer)
    if family.key in _surname_first():  # "Kim Jong Il"; and a listed given name before it: "Hans Kim"
        run = _names_beside(g_tokens, found, 1, answer_type, all_lowercase)
        run += _names_beside(g_tokens, found, -1, None, False)
    else:
        run = _names_beside(g_tokens, found, -1, answer_type, all_lowercase)
    own = [t for t in _name_words(form) if t.index != family.index]
    return [t for t in run if not any(word_match(e.key, t.key) or (len(t.key) == 1 and e.key.startswith(t.key))
                                      for e in own)]


def _names_beside(g_tokens: Sequence[_Token], found: _Token, step: int, answer_type: Optional[str],
                  all_lowercase: bool) -> list[_Token]:
    """The words that could be given names right after (step 1) or before (step -1) the family name."""
    run: list[_Token] = []
    position = found.index + step
    while 0 <= position < len(g_tokens):
        token = g_tokens[position]
        position += step
        if step < 0 and token.key in _particles():  # "Johann Wolfgang von Goethe"
            continue
        joined = bool(run) and token.compound == run[-1].compound != token.key  # "il" of "Kim Jong-il"
        if not (joined or _could_be_given_name(token, answer_type, all_lowercase)):
            break
        run.append(token)
    return run


def _could_be_given_name(token: _Token, answer_type: Optional[str], all_lowercase: bool) -> bool:
    """A listed given name or an initial; for a person, also any capitalised word that is no real word, title
    or other known word ("Ivanka", "Jong")."""
    if token.key in _given_names() or token.key in _given_name_forms():
        return True
    if len(token.key) == 1:
        return token.text.isupper()
    if answer_type != "person" or not (token.text[:1].isupper() or all_lowercase) or not token.key.isalpha():
        return False
    return not (token.key in _real_words() or token.key in _fillers() or _is_title(token) or _is_negation(token.text)
                or token.key in _relation_nouns() or token.key in _generations() or _is_regnal(token))


def _unverified_given_names(form: str, answer: str, result: Grade) -> Grade:
    """A given name added to the article's bare family name: right if it is the well-known person's (the
    lower of the two grades: "Sergey Schoigu" is a misspelt Sergej), else partial, since the article does
    not say it ("Hans Lininger" for Lininger)."""
    known = _known_people().get(_family_of(form).key)
    if known is not None:
        checked = _grade_form(known, answer, "person")
        if checked.accepted:
            return checked if checked.score < result.score else result
    return _grade("partial", 0.5, tr(f"Laut Artikel nur »{form}« – einen Vornamen nennt der Artikel nicht.",
                                     f"The article only says '{form}' – it gives no first name."))


def _same_digit_order(expected: Sequence[_Token], given: Sequence[_Token]) -> bool:
    """Numbers inside a text answer keep their order: "1:2" is not "2:1"."""
    e_digits = [t.key for t in expected if t.key.isdigit()]
    g_digits = [t.key for t in given if t.key.isdigit()]
    return not e_digits or not g_digits or e_digits == g_digits


_ENGLISH_NEGATION = re.compile(r"n['’]t$", re.IGNORECASE)  # "can't", "isn't", "don't"


def _is_negation(word: str) -> bool:
    return key(word) in _negations() or _ENGLISH_NEGATION.search(word) is not None


def _negated(expected: str, answer: str) -> bool:
    """The answer says "nicht", "kein", "not", "can't" … where the expected answer does not."""
    return any(_is_negation(w) for w in _WORD.findall(answer)) and not any(_is_negation(w) for w in _WORD.findall(expected))


def _grade_quote(expected: str, content: Sequence[_Token], g_tokens: Sequence[_Token], wrong: Grade) -> Grade:
    assigned = _assign(content, [g for g in g_tokens if g.key not in _fillers()] or g_tokens)
    coverage = len(assigned) / len(content)
    if coverage == 1:
        return _matched_grade(expected, assigned)
    if coverage >= 2 / 3:
        return _grade("close", round(0.6 + 0.3 * coverage, 2), tr(
            f"Fast wörtlich – genau: »{expected}«.", f"Almost word for word – exactly: '{expected}'."))
    if coverage >= 0.5:
        return _grade("partial", 0.5, tr(f"Teilweise – genau: »{expected}«.", f"Partly – exactly: '{expected}'."))
    return wrong


# --------------------------------------------------------------------------
# Multiple choice and true/false
# --------------------------------------------------------------------------

_LETTER_ANSWER = re.compile(r"^(?:antwort|answer|option)?\s*\(?([a-j])\)?[.)]?$")
_NUMBER_ANSWER = re.compile(r"^(?:antwort|answer|option|nr\.?)?\s*\(?(\d{1,2})\)?[.)]?$")


def _choice_index(choices: Sequence[str], expected: str) -> int:
    letter = _LETTER_ANSWER.match(fold(expected.strip()))
    if letter and LETTERS.index(letter[1]) < len(choices):
        return LETTERS.index(letter[1])
    for index, option in enumerate(choices):
        if key(option) == key(expected):
            return index
    raise GradingError(tr(f"»{expected}« ist keine der Auswahlmöglichkeiten",
                          f"'{expected}' is not one of the choices"))


_LETTER_AND_TEXT = re.compile(r"^\(?([a-j])[).:]\s*(\S.*)$")  # "b) Wladiwostok"


@lru_cache(maxsize=None)
def _choice_words() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon_lines("grading_choice_words.txt"))


def _numbers_among(options: Sequence[str]) -> bool:
    """Whether an option is a number, in digits or words ("2019", "vier", "viermal"): then a
    typed "4" means the number four, not the fourth option."""
    return any(any(ch.isdigit() for ch in option) or numbers.find_quantities(option) for option in options)


def _picked_option(options: Sequence[str], answer: str) -> Optional[int]:
    """The option a learner picked by letter, number or position ("b", "B)", "2", "die zweite", "ich nehme b")."""
    plain = fold(answer).strip()
    letter = _LETTER_ANSWER.match(plain)
    if letter and LETTERS.index(letter[1]) < len(options):
        return LETTERS.index(letter[1])
    number = _NUMBER_ANSWER.match(plain)
    if number and not _numbers_among(options):
        index = int(number[1]) - 1
        return index if 0 <= index < len(options) else None
    return _option_in_words(options, plain)


def _option_in_words(options: Sequence[str], plain: str) -> Optional[int]:
    """A letter or position in a few words ("ich nehme b", "die zweite Antwort"); anything else picks nothing."""
    words = _WORD.findall(plain)
    picks = []
    for word in words:
        if len(word) == 1 and word in LETTERS[: len(options)]:
            picks.append(LETTERS.index(word))
        elif word.isdigit() and not _numbers_among(options):
            picks.append(int(word) - 1)  # "Nummer 2"
        elif numbers.ordinal_value(word) is not None and not word.isdigit():
            picks.append(numbers.ordinal_value(word) - 1)  # "die zweite"
        elif _is_negation(word) or (key(word) not in _fillers() and key(word) not in _choice_words()):
            return None
    return picks[0] if len(picks) == 1 and 0 <= picks[0] < len(options) else None


def _letter_with_text(options: Sequence[str], answer: str) -> Optional[int]:
    """ "b) Wladiwostok": the letter and the option's text agree; -1 when they name different options."""
    match = _LETTER_AND_TEXT.match(fold(answer).strip())
    if not match or LETTERS.index(match[1]) >= len(options):
        return None
    index = LETTERS.index(match[1])
    text = answer.strip()[len(answer.strip()) - len(match[2]):]
    return index if grade(options[index], text).accepted else -1


def _option_by_figure(options: Sequence[str], answer: str) -> Optional[int]:
    """A bare figure that only one option holds picks it: "2000" for "mehr als 2000 Tonnen" (the option's
    unit and qualifier are on the screen; the figure says which one is meant). Not a negated figure, not
    one with a unit or another qualifier than the option's."""
    found = _quantities(answer)
    if len(found) != 1 or found[0].unit or _negated_before(answer, found[0].start):
        return None
    figure = found[0]
    if any(w not in _fillers() for w in _words(answer[: figure.start] + " " + answer[figure.end:])):
        return None
    holding = [index for index, option in enumerate(options)
               if any(_same(q.number, figure.value) and figure.qualifier in (None, q.qualifier)
                      for q in _quantities(option))]
    return holding[0] if len(holding) == 1 else None


NEAR_OPTION = 85  # rapidfuzz ratio of a misspelt option's text ("ein jar" for "ein Jahr": 92)
OPTION_MARGIN = 15  # how much nearer than every other option it must be


def _option_nearly_spelt(options: Sequence[str], answer: str) -> Optional[int]:
    """The option the answer nearly spells, when no other comes close: "ein jar" for "ein Jahr" among
    "ein Monat", "ein Jahr", "zehn Jahre". The options are on the screen, so a slip in a short word says
    which one is meant; the same digits are needed, and a negated answer picks nothing."""
    if any(_is_negation(w) for w in _WORD.findall(answer)):
        return None
    given, digits = key(answer), re.findall(r"\d+", answer)
    nearness = [fuzz.ratio(key(option), given) if re.findall(r"\d+", option) == digits else 0 for option in options]
    ranked = sorted(nearness, reverse=True)
    if ranked[0] < NEAR_OPTION or (len(ranked) > 1 and ranked[0] - ranked[1] < OPTION_MARGIN):
        return None
    return nearness.index(ranked[0])


def grade_choice(options: Sequence[str], correct: int, given: str) -> Grade:
    """Multiple choice: the letter ("b", "B)", "(b)"), the option's number, or its text."""
    if not 0 <= correct < len(options):
        raise GradingError(tr("die richtige Antwort fehlt unter den Auswahlmöglichkeiten",
                              "the correct answer is not among the choices"))
    right = f"{LETTERS[correct].upper()}) {options[correct]}"
    early = _unanswerable(given, right)
    if early:
        return early
    answer = clean(given)
    picked = _picked_option(options, answer)
    if picked is None:
        picked = _letter_with_text(options, answer)
        if picked == -1:  # "b) Moskau" when b) is Wladiwostok: which one is meant?
            note = tr(f"Buchstabe und Text passen nicht zusammen. Richtig ist {right}.",
                      f"The letter and the text do not match. The correct one is {right}.")
            return replace(_grade("wrong", 0, note), unclear=True)
    if picked is None:
        grades = [grade(option, answer) for option in options]
        matching = [i for i, g in enumerate(grades) if g.accepted]
        exact = [i for i in matching if grades[i].verdict == "correct"]
        picked = (exact or matching)[0] if len(exact or matching) == 1 else None
        if picked is None and not matching:
            picked = _option_by_figure(options, answer)
        if picked is None and not matching:
            picked = _option_nearly_spelt(options, answer)
        if picked is None:
            note = tr(f"Bitte eine Antwort wählen (Buchstabe oder Text). Richtig ist {right}.",
                      f"Please pick one answer (letter or text). The correct one is {right}.")
            return replace(_grade("wrong", 0, note), unclear=True)
    if picked == correct:
        return _grade("correct", 1.0)
    return _grade("wrong", 0, tr(f"Falsch – richtig ist {right}.", f"Wrong – the correct answer is {right}."))


@lru_cache(maxsize=None)
def _truth_vocabulary() -> frozenset[str]:
    return frozenset(word for phrase, _ in _truth_words() for word in phrase)


_HELD_LETTER = re.compile(r"(.)\1+")  # "jaaa", "neee": a letter held, as people type a drawn-out word


def _truth_typo(word: str) -> str:
    """A yes/no word with a letter held ("jaaa", "neee") or one slip ("nien", "stimt", "nich") as the word
    meant; others unchanged. Short words have no budget: "ne", "no", "ja" are too close to each other."""
    if word in _truth_vocabulary():
        return word
    held = _HELD_LETTER.sub(r"\1", word)
    if held in _truth_vocabulary():
        return held
    meant = _one_slip(word)
    return meant if meant != word or held == word else _one_slip(held)  # "stimmmt": "stimt", one slip


def _one_slip(word: str) -> str:
    """The yes/no word of four letters or more one slip away, when it is the only one (or all say the same)."""
    if len(word) < 4 or word in _truth_vocabulary():
        return word
    close = sorted(v for v in _truth_vocabulary() if len(v) >= 4 and OSA.distance(word, v, score_cutoff=1) <= 1)
    if len(close) == 1:
        return close[0]
    meanings = {_one_word_meanings().get(v) for v in close}  # "falsh": falsch and false, both say false
    return close[0] if close and len(meanings) == 1 and None not in meanings else word


@lru_cache(maxsize=None)
def _one_word_meanings() -> dict[str, frozenset[bool]]:
    return {phrase[0]: meaning for phrase, meaning in _truth_words() if len(phrase) == 1}


def _truth(text: str) -> Optional[bool]:
    """What a yes/no answer says: True, False, or None when unclear or both."""
    words = [_truth_typo(word) for word in _plain(text).split()]
    meanings = set()
    position = 0
    while position < len(words):
        for phrase, meaning in _truth_words():
            if tuple(words[position: position + len(phrase)]) == phrase:
                meanings |= meaning
                position += len(phrase)
                break
        else:
            position += 1
    return meanings.pop() if len(meanings) == 1 else None


def _truth_of_key(expected: str) -> bool:
    truth = _truth(expected)
    if truth is None:
        raise GradingError(tr(f"»{expected}« sagt weder wahr noch falsch", f"'{expected}' says neither true nor false"))
    return truth


def grade_truefalse(correct: bool, given: str) -> Grade:
    """True/false: ja/nein, stimmt/stimmt nicht, wahr/falsch, richtig/falsch, j/n, true/false, yes/no."""
    right = tr("stimmt", "true") if correct else tr("stimmt nicht", "false")
    early = _unanswerable(given, right)
    if early:
        return early
    answer = clean(given)
    # "Stimmt das?", "Ist das wahr?": the question handed back, not an answer ("ja?" alone is one, unsure)
    asked_back = answer.endswith("?") and len(_plain(answer).split()) > 1
    said = None if asked_back else _truth(answer)
    if said is None:
        note = tr(f"Bitte mit ja oder nein antworten. Die Aussage {right}.",
                  f"Please answer yes or no. The statement is {right}.")
        return replace(_grade("wrong", 0, note), unclear=True)
    if said == correct:
        return _grade("correct", 1.0)
    return _grade("wrong", 0, tr(f"Falsch – die Aussage {right}.", f"Wrong – the statement is {right}."))
