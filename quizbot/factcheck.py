"""Check a claim against the stored articles: supported, refuted, not found or disputed.

The rules, in the order they apply (docs/factcheck.md explains them with examples):

1. **Prepare.** Chat openers ("Stimmt es, dass …", "/prüfe …", data/claim_openers.txt),
   a closing "?" and markup (<b>, [bold], colour codes) are left out; the claim is reported
   as typed; a claim typed in lower case is cased as the articles write its words, "das"
   after an opener read as "dass". An empty line, a W-question (data/question_words.txt) and a line that claims
   nothing ("ja", "Putin") are answered as such; an
   English claim (data/stopwords_en.txt) gets an honest answer and the sentences that
   share its names and numbers. Input longer than ``MAX_CLAIM_CHARS`` is cut to its
   first sentence, with a note.
2. **Read** the claim with the articles' own extractor (``facts.extract_facts``): its
   *values* are figures (number, unit, scale, qualifier), years, dates and names.
   Capitalised words that the candidate articles know as names count as names too
   ("Medwedew"); a person's office ("Uschakow ist der russische Außenminister", data/roles.tsv)
   and a party in a compound ("SPD-Politiker") are read too. The other content words (not in
   data/stopwords_de.txt) are its
   *context*, compared by light stems (data/lemma_suffixes.txt, data/lemma_irregular.tsv),
   synonym groups (data/synonyms_de.tsv) and compound parts ("Gipfeltreffen" ~ "Treffen"),
   separable verbs ("brach … zusammen") and fixed phrases ("ums Leben", data/phrases_de.tsv),
   and weighted by rarity in the FTS index (1 + ln N/df): rare words carry the subject.
   "Kims Vater, Kim Jong Il" is not Kim (data/relation_nouns.txt).
3. **Retrieve** with FTS5 an OR of the claim's stems (as prefixes), synonyms, names and
   years, rarest first up to ``QUERY_BUDGET`` matching sentences; take ``CANDIDATES``,
   re-rank them by the weighted share of words, names and figures they contain plus
   rapidfuzz similarity, and read the best ``COMPARED`` closely.
4. **Same subject.** The sentence's clause with most claim words and values is where the
   claim's values are looked for (a negated claim prefers a negated clause). Words of the
   two sentences before count half ("Er besuchte …", "Die Kosten werden … geschätzt").
5. **Values.** Equal (qualifiers: "rund" ±5 %, bounds: "mehr als 10.000" holds for
   "12.000 … mehr als 5.000"), *fits* a bound without confirming it, or *differs*:
   another figure of the same kind and unit family (euro vs dollar differs, tonnes vs
   dollars are not comparable), another year, another person, organisation or place in
   the same role ("in Moskau" vs "in Wladiwostok"; "Moskau und Pjöngjang bestätigten"
   is no place of an event). "von X" and "auf Y" are different roles. Values the claim
   ties together must be tied in the sentence ("2001 in Moskau und 2002 in Wladiwostok").
   "Mehr als 10.000" is not 100.000 (``BOUND_FACTOR``); the same figure of another thing
   differs ("2000 Tonnen Reis" - "… Weizen"). A name missing here may stand in the
   sentence before, or the article. Another office or employer of the person named
   refutes; so does a swap of who does what to whom (data/directed_verbs.txt: "Kim lobte
   Putin" - "Kim lobte er", "Moskaus Einladung") and words of a set that exclude each other
   (weekdays, seasons, kin, ordinal words: data/antonyms_de.tsv).
6. **Stance of one sentence.** *Supports*: every value matched or nearby, no conflict,
   context ≥ ``SUPPORT_CONTEXT``, words and values together ≥ ``SUPPORT_COVERAGE``, the
   claim's rarest word found (or context ≥ ``STRONG_CONTEXT``), a place "in …" named in
   the sentence or the one before (or in the article's title or first sentence: its
   setting). *Refutes*: exactly one conflict, nothing
   missing, context ≥ ``REFUTE_CONTEXT`` next to a shared value (``REFUTE_CONTEXT_ALONE``
   without one, and then no other person or place in the clause), the claim's nouns
   known to the article; or everything matches but the negation (data/negations.txt) or an
   opposite word (data/antonyms_de.tsv, "un-") differs, in a sentence holding
   ``NEGATION_CONTEXT`` of the claim. Two differences mean another event, another time
   ("im Vorjahr", data/time_anchors.txt) or other people ("Menschen" who did something
   else, data/people_nouns.txt): nothing is said about the claim. Offices have a country
   (data/nationality_adjectives.tsv: "chinesischer Präsident" is not "Präsident Südkoreas");
   a place inside the claim's tells it (data/place_countries.tsv: Hanoi lies in Vietnam);
   a family tie is told only by a sentence stating one (data/relation_inverses.tsv); a claim
   about two people only where the sentence ties them together (a pair there, the place
   theirs, data/both_parties.txt); another person for the claim's, tied by names alone, is
   no refutation ("Putin nimmt … in Wladiwostok teil" - "Xi nahm … in Wladiwostok teil").
7. **Verdict.** Articles that support, and others that refute: *disputed*, with each
   side; else supported, refuted, or not_found ("Dazu steht nichts in den Artikeln.").
   Every answer names source and date and what the article says instead; a sentence with
   "derzeit", "aktuell" … (data/time_relative.txt), or a claim with "heute", is reported
   as the state of its article's date.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import combinations
from typing import Optional

from rapidfuzz import fuzz

from quizbot.facts import extract_facts, organisations, places, roles
from quizbot.grading import word_match
from quizbot.i18n import local_date, tr
from quizbot.models import Article, Fact, Sentence
from quizbot.numbers import digits_value, find_quantities
from quizbot.resources import lexicon_lines, lexicon_rows
from quizbot.store import Store
from quizbot.text import fold, normalize_whitespace, split_sentences
from quizbot.variants import group_of, key as variant_key

MAX_CLAIM_CHARS = 300  # longer input: only its first sentence is checked
CANDIDATES = 40  # sentences fetched from FTS5
COMPARED = 15  # of them, re-ranked, compared value by value
KEPT_FOR_RAREST = 2  # ... of which these places go to sentences with the claim's rarest word itself
QUERY_BUDGET = 5000  # sentences the FTS terms may match together (rarest terms first)
MIN_QUERY_TERMS = 3
MIN_STEM = 4  # shortest stem a word is reduced to
ROLE_WINDOW = 4  # a claim's office is among the first words after "ist"
MIN_COMPOUND_PART = 5  # "Gipfeltreffen" ~ "Treffen", but not "Bauer" ~ "er"

# Thresholds on context coverage (share of the claim's context words found).
SUPPORT_CONTEXT = 0.5  # a supporting sentence covers at least half of the claim's words
SUPPORT_COVERAGE = 0.6  # ... and of words and values together
REFUTE_CONTEXT = 0.34  # a refuting sentence speaks about the same thing, next to a shared value
REFUTE_CONTEXT_ALONE = 0.5  # ... or about the same thing without one ("Ihre Amtszeit beträgt …")
STAND_IN_CONTEXT = 0.6  # ... or of another person than the claim's, not named there ("Er …", "… durch Jonas Berg")
CARRYING_VALUES = 3  # a sentence holding this many of the claim's values (all of them) needs less context
VALUELESS_SUPPORT_CONTEXT = 0.75  # a claim without values must be nearly all there
MIN_WORDS_ALIKE = 3  # ... and with this many words, says the same as a claim with another person in it
STRONG_CONTEXT = 0.75  # a sentence matching this much of the claim supports it without its rarest word

NAME_KINDS = ("person", "place", "organisation")
# Kinds whose values can be compared with each other, for a conflict.
# A bare number ("auf eine Milliarde") stands for any quantity whose unit it leaves out.
COMPARABLE = {
    "amount": {"amount", "number"}, "count": {"count", "number"}, "number": {"number", "count"},
    "duration": {"duration"}, "distance": {"distance"}, "percent": {"percent"},
    "factor": {"factor"}, "year": {"year", "date"}, "date": {"date", "year"},
    "ordinal": {"ordinal"}, "person": {"person"}, "place": {"place"},
    "organisation": {"organisation"},
}
NEGATION_CONTEXT = 0.6  # a sentence that contradicts by negation or an opposite word says most of the claim
NEGATED_CLAUSE_BONUS = 2  # a negated claim looks first for its words in a negated clause
FUZZ_WEIGHT = 0.3  # rapidfuzz similarity's share in ranking sentences against each other
# Qualifiers from data/qualifiers.tsv (quizbot.numbers).
APPROXIMATE = {"approx", "almost", "up_to"}
APPROXIMATE_TOLERANCE = 0.05  # "rund 200.000" is not "etwa 180.000"
MAX_REGIONS = 5  # Schwabing - München - Bayern - Deutschland - Europa
BOUND_FACTOR = 2.0  # "mehr als 2000 Tonnen" is not 5000 Tonnen: a figure this far past a bound differs
LOWER_BOUNDS = {"more_than", "at_least"}
UPPER_BOUNDS = {"less_than", "at_most"}


# --------------------------------------------------------------------------
# The answer
# --------------------------------------------------------------------------


@dataclass
class ClaimCheck:
    """The verdict on one claim, with its evidence.

    ``evidence`` items: {"sentence", "article": {"file", "title", "date", "source"},
    "stance": "supports" | "refutes" | "related"}.
    ``problem``: why the line could not be checked as it stands
    ("empty", "question", "no_claim", "english") - the verdict is then not_found.
    """

    claim: str
    verdict: str
    explanation: str
    evidence: list[dict] = field(default_factory=list)
    checked: str = ""  # the part of the claim that was checked
    as_of: Optional[str] = None  # ISO date of the article the verdict rests on
    claim_facts: list[dict] = field(default_factory=list)
    note: Optional[str] = None  # e.g. the claim was shortened
    problem: Optional[str] = None

    @property
    def label(self) -> str:
        return verdict_label(self.verdict)

    def to_json(self) -> dict:
        """The JSON object `quizbot check --json` prints (json.dumps it with ensure_ascii=False)."""
        return {
            "claim": self.claim,
            "checked": self.checked,
            "verdict": self.verdict,
            "label": self.label,
            "explanation": self.explanation,
            "as_of": self.as_of,
            "evidence": self.evidence,
            "claim_facts": self.claim_facts,
            "note": self.note,
            "problem": self.problem,
        }


def verdict_label(verdict: str) -> str:
    labels = {
        "supported": tr("belegt", "supported"),
        "refuted": tr("widerlegt", "refuted"),
        "not_found": tr("nicht belegt", "not found"),
        "disputed": tr("umstritten", "disputed"),
    }
    return labels[verdict]


# --------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------


def _folded_set(name: str) -> frozenset[str]:
    return frozenset(fold(line.strip()) for line in lexicon_lines(name))


@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    return _folded_set("stopwords_de.txt")


@lru_cache(maxsize=None)
def _negations() -> frozenset[str]:
    return _folded_set("negations.txt")


@lru_cache(maxsize=None)
def _time_words() -> frozenset[str]:
    return _folded_set("time_relative.txt")


@lru_cache(maxsize=None)
def _time_anchors() -> tuple[str, ...]:
    return tuple(_folded_set("time_anchors.txt"))


@lru_cache(maxsize=None)
def _question_words() -> frozenset[str]:
    return _folded_set("question_words.txt")


@lru_cache(maxsize=None)
def _english_words() -> frozenset[str]:
    return _folded_set("stopwords_en.txt")


def _is_currency(unit: Optional[str]) -> bool:
    """Money units in data/units.tsv are keyed by their ISO 4217 code ("USD", "EUR")."""
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()


@lru_cache(maxsize=None)
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted({fold(s) for s in lexicon_lines("lemma_suffixes.txt")}, key=len, reverse=True))


@lru_cache(maxsize=None)
def _irregular() -> dict[str, str]:
    return {fold(form): fold(stem) for form, stem in lexicon_rows("lemma_irregular.tsv")}


@lru_cache(maxsize=None)
def _synonyms() -> dict[str, str]:
    """Every word of a synonym group -> the group's name (its first word)."""
    groups: dict[str, str] = {}
    for row in lexicon_rows("synonyms_de.tsv"):
        words = [fold(word) for word in row if word]
        for word in words:
            groups.setdefault(word, "~" + words[0])
    return groups


@lru_cache(maxsize=None)
def _synonym_members() -> dict[str, tuple[str, ...]]:
    members: dict[str, list[str]] = {}
    for word, group in _synonyms().items():
        members.setdefault(group, []).append(word)
    return {group: tuple(words) for group, words in members.items()}


@lru_cache(maxsize=None)
def _antonyms() -> tuple[tuple[str, str], ...]:
    """Pairs of opposite words or synonym groups (data/antonyms_de.tsv), both ways round; a line
    of more than two words is a set of which any one excludes the others ("Dienstag",
    "Donnerstag", …)."""
    pairs = []
    for row in lexicon_rows("antonyms_de.tsv"):
        for left, right in combinations([fold(word) for word in row if word], 2):
            pairs += [(left, right), (right, left)]
    return tuple(pairs)


@lru_cache(maxsize=None)
def _claim_openers() -> re.Pattern:
    """Chat openers ("Stimmt es, dass") shared with the quiz session (data/claim_openers.txt)."""
    openers = sorted((fold(line.strip()) for line in lexicon_lines("claim_openers.txt")), key=len, reverse=True)
    alternatives = "|".join(re.escape(o) for o in openers)
    # "das" for "dass" is the commonest slip in the chat ("stimmt es das kim …"); as an article
    # ("Stimmt es, das Treffen …") it is a stopword the check does not read either
    return re.compile(rf"^(?:/pr(?:u|ue)fe\b|(?:{alternatives})\b)[\s,:;?!-]*(?:dass\b|dass,|das\b|that\b)?\s*")


# --------------------------------------------------------------------------
# Words: stems, synonyms, compounds
# --------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    """``text.fold`` for one word, remembered: every sentence read folds the same words again."""
    return fold(word)


def _stems(word: str) -> set[str]:
    """The word and every stem left by stripping one ending (at least MIN_STEM letters)."""
    stems = {word}
    for suffix in _suffixes():
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            stems.add(word[: -len(suffix)])
    return stems


@lru_cache(maxsize=65536)
def word_keys(word: str) -> frozenset[str]:
    """Match keys of a word: folded stems, the irregular stem, synonym groups."""
    folded = _folded(word)
    keys = _stems(folded) | _stems(_without_zu(folded))
    if word[:1].isupper() and folded.endswith("s") and len(folded) > MIN_STEM - 1:
        keys.add(folded[:-1])  # a short noun's genitive: "des Bads" - "das Bad"
    irregular = _irregular().get(folded)
    if irregular:
        keys.add(irregular)
    synonyms = _synonyms()
    keys |= {synonyms[key] for key in keys if key in synonyms}
    return frozenset(keys)


def _without_zu(folded: str) -> str:
    """A separable verb's infinitive with "zu" read without it: "umzubauen" - "umbauen",
    "herauszukommen" - "herauskommen" (data/separable_particles.txt; "her" + "aus" are two)."""
    for particle in sorted(_separable_particles() | _double_particles(), key=len, reverse=True):
        rest = folded[len(particle):]
        if folded.startswith(particle) and rest.startswith("zu") and len(rest) - 2 >= MIN_STEM:
            return particle + rest[2:]
    return folded


@lru_cache(maxsize=None)
def _double_particles() -> frozenset[str]:
    """ "heraus", "hinauf", "zurück…": two particles in one ("her" + "aus")."""
    particles = _separable_particles()
    return frozenset(a + b for a in particles for b in particles if a in ("her", "hin"))


def _token_keys(token: str) -> frozenset[str]:
    """Keys of a token and, for "US-Präsident" or "Kim-Visite", of its parts."""
    keys = word_keys(token)
    if "-" in token:
        for part in token.split("-"):
            if len(part) > 1 and _folded(part) not in _stopwords():
                keys |= word_keys(part)
    return keys


@lru_cache(maxsize=65536)
def _opposites_of(keys: frozenset[str]) -> tuple[str, ...]:
    """The antonym entries opposite to a word's keys: ("sinken",) for a word with "~steigen"."""
    return tuple(b for a, b in _antonyms() if _has(keys, a))


def _has(keys: frozenset[str], entry: str) -> bool:
    """A word's keys hold an antonym entry: its synonym group, or a key starting with it."""
    return "~" + entry in keys or any(key.startswith(entry) for key in keys if not key.startswith("~"))


def opposite(word: "Word", other: "Word") -> bool:
    """Two words of opposite meaning: an antonym pair ("stiegen" - "sanken"), or a word and
    its "un-" form ("besetzt" - "unbesetzt")."""
    if any(_has(other.keys, b) for b in _opposites_of(word.keys)):
        return True
    short, long_ = sorted((_folded(word.text), _folded(other.text)), key=len)
    return (len(short) >= MIN_STEM and long_.startswith("un") and len(long_) == len(short) + 2
            and bool(word_keys(long_[2:]) & word_keys(short)))


def _matches_as_head(word: "Word", other: "Word") -> bool:
    """The same word, a synonym, or a compound and its head ("Gipfeltreffen" - "Treffen");
    not a compound and its modifier only ("Exportüberschuss" - "Exporte")."""
    if word.keys & other.keys or opposite(word, other):
        return True
    for key in word.keys:
        for other_key in other.keys:
            if key.startswith("~") or other_key.startswith("~"):
                continue
            short, long_ = sorted((key, other_key), key=len)
            if len(short) >= MIN_COMPOUND_PART and len(long_) > len(short) and long_.endswith(short):
                return True
    return False


def _compound_match(claim_keys: frozenset[str], keys: Iterable[str]) -> bool:
    """A compound and its head or modifier: "Gipfeltreffen" ~ "Treffen", "Handelsvolumen" ~ "Handel"."""
    for key in keys:
        if key.startswith("~"):
            continue
        for claim_key in claim_keys:
            if claim_key.startswith("~"):
                continue
            short, long_ = sorted((claim_key, key), key=len)
            if len(short) >= MIN_COMPOUND_PART and len(long_) > len(short) and (
                long_.endswith(short) or long_.startswith(short)
            ):
                return True
    return False


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    keys: frozenset[str]


# --------------------------------------------------------------------------
# Passages: a claim or an evidence sentence, read into words and values
# --------------------------------------------------------------------------


@dataclass
class Value:
    """A value a claim can be right or wrong about: a quantity or a name."""

    kind: str
    text: str
    start: int
    end: int
    number: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    label: str = ""
    iso: Optional[str] = None  # dates and years: "2019-04-25", "2019"
    noun: frozenset[str] = frozenset()  # keys of the counted noun ("10.000 Nordkoreaner")
    noun_text: str = ""  # that noun as written
    name: frozenset[str] = frozenset()  # folded name tokens ("kim", "jong", "un")
    relative_of: frozenset[str] = frozenset()  # "Kims Vater, Kim Jong Il": Kim Jong Il is not Kim
    possessor: bool = False  # "Kims Vater", "der Vater von Kim Jong Un": Kim is whose father is meant
    marker: str = ""  # the preposition before the value: "in", "auf", "von"
    role: str = ""  # a person's office as the text gives it: "russischer Präsidentenberater"
    role_said: str = ""  # a claim's office with its country: "Präsident Südkoreas", "russische Außenminister"
    role_country: str = ""  # the country of that office, folded: "sudkorea"
    affiliation: str = ""  # where the article says a person works: "Medizinische Universität Innsbruck"
    clause: int = 0

    @property
    def shown(self) -> str:
        """The value as the article means it ("dreieinhalb Stunden" for "dreieinhalbstündigen"),
        in its own digits ("1.240", not the label's "1240")."""
        if self.label and self.label.replace(".", "") == self.text.replace(".", ""):
            return self.text
        return self.label or self.text

    @property
    def with_noun(self) -> str:
        """A count with what it counts: "1.240 Lehrerstellen", "240 Betten" (not a bare "240")."""
        if self.kind in ("count", "number", "ordinal") and self.noun_text and self.noun_text not in self.shown:
            return f"{self.shown} {self.noun_text}"
        return self.shown

    @property
    def in_running_text(self) -> str:
        """The value as typed, to quote mid-sentence: "Mehr als 100.000" at the start of a claim
        is "mehr als 100.000" in "…, nicht mehr als 100.000" (a qualifier is no noun)."""
        if self.qualifier and self.text[:1].isupper():
            return self.text[:1].lower() + self.text[1:]
        return self.text

    def as_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "value": self.number, "unit": self.unit,
                "qualifier": self.qualifier}


@dataclass
class Passage:
    text: str
    words: list[Word]  # content words outside the values
    values: list[Value]
    clause_starts: list[int]  # offsets where clauses begin
    negated_clauses: frozenset[int]
    weights: Optional[list[float]] = None  # per word (claims only): rarer words weigh more
    terms: frozenset[int] = frozenset()  # where concrete things start ("einen Hund", "ein Säbel")

    def weight(self, index: int) -> float:
        return self.weights[index] if self.weights and len(self.weights) == len(self.words) else 1.0

    def clause_of(self, offset: int) -> int:
        clause = 0
        for number, start in enumerate(self.clause_starts):
            if start <= offset:
                clause = number
        return clause

    @property
    def names(self) -> list[Value]:
        return [v for v in self.values if v.kind in NAME_KINDS]


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# HTML tags, console markup ("<b>", "[bold]", "[/]") and ANSI codes in a typed claim: shown as typed, not read
_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,200}>|\[/?[A-Za-z#@$][^\[\]]{0,60}\]|\[/\]"
                     r"|\x1b\[[0-9;?]*[A-Za-z]")  # and terminal colour codes (ANSI)
# Clauses end at punctuation, and at "und"/"sowie"/"oder" before a number or a
# lower-case word ("2001 in Moskau und 2002 in Wladiwostok", "… 2000 und traf …"),
# but not between two names ("Kim und Putin"), nor inside "10,7 Prozent" or "2:1". A bare "aber"
# is mostly an adverb ("Putin bestätigte aber auch …"); ", aber" breaks at the comma.
_CLAUSE_BREAK = re.compile(r"(?<!\d)[,:](?!\d)|[;()–—]|\s-\s|\b(?:und|sowie|oder)\s+(?=[0-9a-zäöüß])")


def _clause_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)]


_DETERMINERS = frozenset({"der", "die", "das", "den", "dem", "des"})


def _preposition_before(text: str, start: int, kind: str = "", end: Optional[int] = None) -> str:
    """The marker right before a value ("in", "auf", "seit"); for a place also a verb whose object
    is where something happened ("besuchte 2019 Peking": a year in between is skipped), before
    it or, at the end of a clause, after it ("dass Putin Pjöngjang nie besucht hat")."""
    words = [w for w in _WORD.findall(text[max(0, start - 30):start]) if not w.isdigit()]
    while len(words) > 1 and _folded(words[-1]) in _DETERMINERS:
        words.pop()  # "in die USA", "von der Kookmin-Universität"
    while kind == "person" and len(words) > 1 and words[-1].islower() and words[-1].endswith(("e", "en", "er", "em", "es")) \
            and _folded(words[-1]) not in _value_markers():
        words.pop()  # "beim russischen Staatschef Putin": Putin's marker is "beim"
    last = _folded(words[-1]) if words else ""
    if last in _value_markers():
        return last
    if kind != "place":
        return ""
    if last in _event_place_verbs():
        return last
    if end is not None:
        for word in _WORD.findall(text[end:end + 40].split(",")[0]):
            folded = _folded(word)
            if folded in _event_place_verbs():
                return folded
            if folded not in _stopwords() and not word.isdigit():
                break  # another word between: the verb is not about this place
    return ""


@lru_cache(maxsize=65536)
def _name_tokens(text: str) -> frozenset[str]:
    """A name's words as comparison keys, spellings of one name alike (data/variants.tsv):
    "Pyongyang" and "Pjöngjang" give the same token; "Kims" is Kim (genitive s dropped)."""
    tokens = set()
    for part in re.split(r"[\s\-‐]+", text):
        group = group_of(part)
        token = variant_key(group[0]) if group else variant_key(part)
        if not group and len(token) > 3 and token.endswith("s"):
            token = token[:-1]
        if token:
            tokens.add(token)
    return frozenset(tokens)


def _value_from_fact(text: str, fact: Fact | dict) -> Value:
    """A fact (a ``Fact`` of the claim, or a stored fact row) as a comparable value."""
    get = fact.get if isinstance(fact, dict) else lambda name: getattr(fact, name)
    extra = get("extra") or {}
    start, kind, number = get("start"), get("kind"), get("value")
    marker = _preposition_before(text, start, kind, get("end"))
    if not marker and kind == "person" and isinstance(extra.get("phrase_start"), int):
        marker = _preposition_before(text, extra["phrase_start"], kind)  # "von Präsident Wladimir Putin"
    iso = extra.get("iso")
    if kind in ("count", "number") and marker in _time_markers() and _looks_like_year(number):
        kind, iso = "year", str(int(number))  # "seit 1998 den Landespokal"
    return Value(
        kind=kind,
        text=get("text"),
        start=start,
        end=get("end"),
        number=number,
        unit=get("unit"),
        qualifier=get("qualifier"),
        label=get("label") or get("text"),
        iso=iso,
        noun=_token_keys(extra["noun"]) if extra.get("noun") and kind != "year" else frozenset(),
        noun_text=(extra.get("noun") or "") if kind != "year" else "",
        name=_name_tokens(get("text")) | _canonical_tokens(extra) if kind in NAME_KINDS else frozenset(),
        marker=marker,
        role=(get("role") or "") if kind == "person" else "",
        affiliation=(extra.get("affiliation") or "") if kind == "person" else "",
    )


def _canonical_tokens(extra: dict) -> frozenset[str]:
    """The name an abbreviation stands for (data/organisations.tsv): "BGH" is the Bundesgerichtshof."""
    canonical = extra.get("canonical")
    return _name_tokens(canonical) if isinstance(canonical, str) and canonical else frozenset()


_RELATIVE_BEFORE = re.compile(r"\b([A-ZÄÖÜ][\w-]*s)\s+(\w+)[\s,]*$")  # "Kims Vater, "
_RELATION_VON = re.compile(r"\b(\w+)\s+von\s+$")  # "der Vater von "


def _mark_relatives(text: str, values: list[Value]) -> None:
    """Names that say whose relative is meant: "Kims Vater" and "der Vater von Kim Jong Un" speak
    of the father, not of Kim (``possessor``); in "Kims Vater, Kim Jong Il" the apposition is
    not Kim (``relative_of``)."""
    for value in values:
        if value.kind != "person":
            continue
        after = _WORD.match(text, value.end + 1) if text[value.end:value.end + 1] == " " else None
        if value.text.endswith("s") and after and _folded(after.group()) in _relation_nouns():
            value.possessor = True
        before = _RELATION_VON.search(text, max(0, value.start - 30), value.start)
        if before and _folded(before.group(1)) in _relation_nouns():
            value.possessor = True
        genitive = _RELATIVE_BEFORE.search(text, max(0, value.start - 40), value.start)
        if genitive and _folded(genitive.group(2)) in _relation_nouns():
            value.relative_of = _name_tokens(genitive.group(1))


@lru_cache(maxsize=None)
def _relation_nouns() -> frozenset[str]:
    return _folded_set("relation_nouns.txt")


def _read_years_before_names(text: str, values: list[Value]) -> None:
    """ "dass Putin 2005 Pjöngjang besuchte": a year-like count right before a name is a year."""
    for value, following in zip(values, values[1:]):
        if (value.kind in ("count", "number") and following.kind in NAME_KINDS
                and _looks_like_year(value.number) and not text[value.end:following.start].strip()):
            value.kind, value.iso, value.noun = "year", str(int(value.number)), frozenset()


def _looks_like_year(number: Optional[float]) -> bool:
    return number is not None and number == int(number) and 1000 <= number <= 2100


def read_passage(text: str, facts: Sequence[Fact | dict]) -> Passage:
    """Words and values of a sentence (or claim), given the facts found in it."""
    clause_starts = _clause_starts(text)
    passage = Passage(text, [], [], clause_starts, frozenset())
    values = [_value_from_fact(text, f) for f in list(facts) + _places_only_factcheck_knows(text, facts)]
    # quotations and terms ("ein Säbel") are read as words, not as values to compare
    passage.terms = frozenset(v.start for v in values if v.kind == "term")
    values = [v for v in values if v.kind in COMPARABLE and 0 <= v.start < v.end <= len(text)]
    _mark_relatives(text, values)
    for value in values:
        value.clause = passage.clause_of(value.start)
        if value.kind == "ordinal" and not value.noun_text:  # "in der 89. Minute": say "89. Minute"
            following = _WORD.match(text, value.end + 1) if text[value.end:value.end + 1] == " " else None
            value.noun_text = following.group() if following and following.group()[:1].isupper() else ""
    _read_years_before_names(text, values)
    covered = [(v.start, v.end) for v in values]
    stop = _stopwords()
    negations = _negations()
    negated = set()
    words = []
    for match in _WORD.finditer(text):
        folded = _folded(match.group())
        if folded in negations:
            negated.add(passage.clause_of(match.start()))
        if (folded in stop or folded.isdigit() or len(folded) < 2
                or any(s <= match.start() < e for s, e in covered)):
            continue
        words.append(Word(match.group(), match.start(), _token_keys(match.group())))
    passage.words = _with_phrases(text, _with_separable_verb(text, words))
    passage.values = values
    passage.negated_clauses = frozenset(negated)
    return passage


def _places_only_factcheck_knows(text: str, facts: Sequence[Fact | dict]) -> list[dict]:
    """Places of data/place_countries.tsv the extractor does not know ("das Werk in Homburg"),
    as place facts: where something is, to compare with the claim's place."""
    taken = [((f.get("start"), f.get("end")) if isinstance(f, dict) else (f.start, f.end)) for f in facts]
    found = []
    for match in re.finditer(r"\b[A-ZÄÖÜ][\w-]+", text):
        start, end = match.span()
        if _folded(match.group()) in _lies_in() and not any(s <= start < e for s, e in taken):
            found.append({"kind": "place", "text": match.group(), "start": start, "end": end, "value": None,
                          "unit": None, "qualifier": None, "label": match.group(), "extra": {}})
    return found


def _with_phrases(text: str, words: list[Word]) -> list[Word]:
    """ "kamen ums Leben" reads as "starben" (data/phrases_de.tsv): the phrase's words give way
    to one word with the keys of what it means."""
    for pattern, meaning in _phrases():
        found = pattern.search(text)
        if not found:
            continue
        at, end = found.span()
        words = [w for w in words if not at <= w.start < end] + [Word(found.group(), at, word_keys(meaning))]
        words.sort(key=lambda w: w.start)
    return words


@lru_cache(maxsize=None)
def _phrases() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE), meaning)
                 for phrase, meaning in lexicon_rows("phrases_de.tsv"))


def _with_separable_verb(text: str, words: list[Word]) -> list[Word]:
    """ "Die Sowjetunion brach 1991 zusammen", "Der Umsatz ging um sechs Prozent zurück, wie …":
    the particle at the end of a clause joins its verb, the clause's first lower-case content
    word ("zusammenbrach", "zurückging" ~ "zurückgehen"), which then also matches "Zusammenbruch"."""
    starts = _clause_starts(text) + [len(text)]
    for start, end in zip(starts, starts[1:]):
        tokens = list(_WORD.finditer(text, start, end))
        particle = _folded(tokens[-1].group()) if len(tokens) >= 3 else ""
        if particle not in _separable_particles():
            continue
        # the verb in the clause; at the sentence's end, anywhere before ("Das gab Minister Renner
        # (CDU) in Wiesbaden bekannt")
        since = start if end < len(text) else 0
        verb = next((w for w in words if since <= w.start < tokens[-1].start() and w.text[:1].islower()
                     and _folded(w.text) != particle), None)
        if verb is None:
            continue
        keys = word_keys(particle + _folded(verb.text))
        irregular = _irregular().get(_folded(verb.text))
        if irregular:
            keys |= word_keys(particle + irregular + "en")  # "ging … zurück" - "zurückgehen"
        joined = Word(verb.text, verb.start, verb.keys | keys)
        words = [joined if w is verb else w for w in words if w.start != tokens[-1].start()]
    return words


@lru_cache(maxsize=None)
def _separable_particles() -> frozenset[str]:
    return _folded_set("separable_particles.txt")


# --------------------------------------------------------------------------
# 1. Prepare the claim
# --------------------------------------------------------------------------


@dataclass
class PreparedClaim:
    original: str
    text: str  # what is checked
    problem: Optional[str] = None  # empty | question | no_claim | english
    note: Optional[str] = None


def prepare_claim(raw: Optional[str]) -> PreparedClaim:
    """The claim as it will be checked: opener and question mark removed, length bounded."""
    original = raw or ""
    text = normalize_whitespace(original.replace("\r", " ").replace("\n", " ")).strip()
    unmarked = _MARKUP.sub(" ", text)
    notes = []
    if unmarked != text:
        text = normalize_whitespace(unmarked).strip()
        notes.append(tr("Markup (<…>, […], Farbcodes) wurde beim Prüfen übergangen.",
                        "Markup (<…>, […], colour codes) was left out of the check."))
    text = _strip_opener(text).strip()
    asked = text.endswith("?")
    text = text.rstrip("?!").strip()
    if not _WORD.search(text):
        return PreparedClaim(original, text, problem="empty")
    if _is_w_question(text, asked):
        return PreparedClaim(original, text, problem="question")
    if not _says_something(text):
        return PreparedClaim(original, text, problem="no_claim")
    if len(text) > MAX_CLAIM_CHARS:
        text, shortened = _shorten(text, len(original))
        notes.append(shortened)
    note = " ".join(notes) or None
    words = [fold(w) for w in _WORD.findall(text)]
    english = sum(w in _english_words() for w in words)
    german = sum(w in _stopwords() for w in words)
    problem = "english" if len(words) >= 3 and english >= 0.3 * len(words) and english > german else None
    return PreparedClaim(original, text, problem=problem, note=note)


def _is_w_question(text: str, asked: bool) -> bool:
    """ "Wer ist Putin", "Wie viele …", and with a question mark "Hallo, wie geht's?"."""
    def opens_question(clause: str) -> bool:
        first = _WORD.search(clause)
        word = fold(first.group()).replace("-", "") if first else ""
        return word in _question_words() or word in ("wieviel", "wieviele")

    if opens_question(text):
        return True
    # after a greeting only: "…, wie die taz schreibt?" ends a claim, it is no question
    lead, _, rest = text.partition(",")
    return asked and bool(rest) and opens_question(rest) and not _says_something(lead)


def _says_something(text: str) -> bool:
    """At least two content words, or a figure: "ja", "Hallo" or "Putin" alone claim nothing."""
    words = [fold(w) for w in _WORD.findall(text)]
    content = [w for w in words if w not in _stopwords()]
    return len(content) >= 2 or any(ch.isdigit() for ch in text)


def _strip_opener(text: str) -> str:
    """ "Stimmt es, dass Putin …" -> "Putin …" (the opener's words counted on the folded text)."""
    match = _claim_openers().match(fold(text))
    if not match:
        return text
    consumed = len(_WORD.findall(match.group()))
    words = list(_WORD.finditer(text))
    if consumed >= len(words):
        return ""
    return text[words[consumed].start():] if consumed else text


def _shorten(text: str, typed: int) -> tuple[str, str]:
    """A very long input (``typed`` characters): its first sentence is the claim (cut at a word
    if even that is too long)."""
    first = split_sentences(text)[0].text
    kept = first if len(first) <= MAX_CLAIM_CHARS else first[:MAX_CLAIM_CHARS].rsplit(" ", 1)[0]
    size = f"{typed:,}"
    note = tr(
        f"Die Eingabe war sehr lang ({size.replace(',', '.')} Zeichen); geprüft wurde nur der Anfang: „{kept}“",
        f"The input was very long ({size} characters); only its beginning was checked: “{kept}”",
    )
    return kept, note


def read_claim(text: str) -> Passage:
    """The claim's words and values, found by the same extractor as the articles' facts."""
    article = Article(path="<claim>", file="<claim>", title="", text=text, hash="")
    sentence = Sentence(index=0, paragraph=0, text=text, start=0, end=len(text))
    facts = extract_facts(article, [sentence])
    return _with_copula_roles(read_passage(text, facts + _organisations_in_compounds(text, facts)))


# a name word the extractor left out may come first: "Moon Jae In ist …"
_COPULA = re.compile(r"(?:\s+[A-ZÄÖÜ][\w-]*)?\s+(?:ist|war|wird|wurde|bleibt)\s")
_COPULA_LAST = re.compile(r"((?:\s+[\w-]+){1,4}?)\s+(?:ist|war|wird|wurde|bleibt)\W*$")


def _with_copula_roles(claim: Passage) -> Passage:
    """ "Juri Uschakow ist der russische Außenminister", "(dass) Juri Uschakow der russische
    Außenminister ist": the office the claim gives a person (a word ending in a role of
    data/roles.tsv, among the four words after the verb, or before it at the end)."""
    for value in claim.values:
        if value.kind != "person" or value.role:
            continue
        found = _COPULA.match(claim.text, value.end)
        at_end = None if found else _COPULA_LAST.match(claim.text, value.end)
        following = (_WORD.findall(claim.text[found.end():])[:ROLE_WINDOW + 2] if found
                     else _WORD.findall(at_end.group(1)) if at_end else [])
        index = next((i for i, word in enumerate(following[:ROLE_WINDOW]) if _is_role_word(word)), None)
        if index is None:
            continue
        value.role = following[index]
        value.role_said = _role_with_country(following, index)
        value.role_country = _role_country(value.role_said)
    return claim


def _role_with_country(words: list[str], index: int) -> str:
    """The office as the claim says it, with the country it belongs to: "russische Außenminister"
    (the adjective before the role word), "Präsident Südkoreas", "Sicherheitsberater der USA"
    (a genitive after it)."""
    said = words[:index + 1]
    while said[:-1] and _folded(said[0]) in _DETERMINERS | _INDEFINITE:
        said = said[1:]  # "der", "ein"
    tail = words[index + 1:index + 3]
    if tail and _country_of(tail[0]):
        said.append(tail[0])
    elif len(tail) == 2 and _folded(tail[0]) in _DETERMINERS and _country_of(tail[1]):
        said += tail
    return " ".join(said)


_INDEFINITE = frozenset({"ein", "eine", "einer", "eines", "einem", "einen"})
_ADJECTIVE_ENDINGS = frozenset({"", "e", "er", "en", "es", "em"})


@lru_cache(maxsize=4096)
def _role_country(role: str) -> str:
    """The country an office belongs to, folded: "chinesischer Präsident" -> "china", "Südkoreas
    Präsident" -> "sudkorea", "US-Außenminister" -> "usa"; "" when the office names none."""
    return next((country for word in _WORD.findall(role) if (country := _country_of(word))), "")


@lru_cache(maxsize=4096)
def _country_of(word: str) -> str:
    """The country (or Land) a word names or an adjective of it points to (data/places.tsv,
    data/nationality_adjectives.tsv): "Russlands", "USA", "nord-koreanischer", "US-…", "Kreml-…"."""
    folded = _folded(word)
    for candidate in (folded.replace("-", ""), *folded.split("-")):
        key = _place_key(candidate)
        place = _places_by_key().get(key)
        if place is not None and place.type in ("land", "bundesland"):
            return key
        for stem, country in _nationalities():
            if candidate.startswith(stem) and candidate[len(stem):] in _ADJECTIVE_ENDINGS:
                return country
    return ""


@lru_cache(maxsize=None)
def _nationalities() -> tuple[tuple[str, str], ...]:
    return tuple((fold(row[0]), fold(row[1])) for row in lexicon_rows("nationality_adjectives.tsv") if len(row) > 1)


def _role_countries_differ(claimed: Value, found: Value) -> bool:
    """The same office of another country: "Präsident Südkoreas" - "chinesischer Präsident"."""
    mine, theirs = claimed.role_country, _role_country(found.role)
    if not (mine and theirs) or mine == theirs:
        return False
    return mine not in _regions_of(theirs) and theirs not in _regions_of(mine)


def _holds_claimed_office(claimed: Value, other: Value) -> bool:
    """Another person holds the office the claim gives its person: "Xi Jinping ist der Präsident
    Südkoreas" - "Südkoreas Präsident Moon Jae In"."""
    return bool(claimed.role and other.role and claimed.role_country
                and _role_country(other.role) == claimed.role_country
                and not _roles_differ(claimed.role, other.role))


def _role_head(role: str) -> str:
    return next((word for word in reversed(role.split()) if _is_role_word(word)), "")


@lru_cache(maxsize=65536)
def _is_role_word(word: str) -> bool:
    folded = _folded(word)
    stems = _stems(folded)
    return any(folded.endswith(stem) or stem in stems for stem in _role_stems())


@lru_cache(maxsize=None)
def _role_stems() -> frozenset[str]:
    return frozenset(stem for stem in roles() if len(stem) >= MIN_STEM)


def _roles_differ(claimed: str, found: str) -> bool:
    """Two offices, by their last words: "Außenminister" is not "russischer Präsidentenberater";
    "Präsident" is "US-Präsident", "Staatschef" (data/synonyms_de.tsv), "Präsidentin"."""
    mine, theirs = _role_head(claimed), _role_head(found)  # "Sicherheitsberater" of "… der USA"
    if not (mine and theirs):
        return False
    keys, other = word_keys(mine.split("-")[-1]) | word_keys(mine), word_keys(theirs.split("-")[-1]) | word_keys(theirs)
    if keys & other:
        return False
    return not any(a.endswith(b) or b.endswith(a) for a in keys for b in other
                   if not a.startswith("~") and not b.startswith("~") and min(len(a), len(b)) >= MIN_STEM)


def _organisations_in_compounds(text: str, facts: Sequence[Fact]) -> list[dict]:
    """ "Clemens ist SPD-Politiker" names the SPD: a known organisation (data/organisations.tsv)
    opening a compound is a value to compare ("… Clemens (CDU)" says otherwise)."""
    known = organisations()
    found = []
    for match in re.finditer(r"\b([A-ZÄÖÜ][\w&]*)-\w", text):
        name = match.group(1)
        start, end = match.start(1), match.end(1)
        if name in known and not any(f.start <= start < f.end and f.kind == "organisation" for f in facts):
            found.append({"kind": "organisation", "text": name, "start": start, "end": end, "value": None,
                          "unit": None, "qualifier": None, "label": name,
                          "extra": {"canonical": known[name].canonical}})
    return found


# --------------------------------------------------------------------------
# 2. Retrieve candidate sentences
# --------------------------------------------------------------------------


@dataclass
class Evidence:
    row: dict  # the stored sentence with its article's file, title, date, source
    passage: Passage
    before: Optional[Passage]  # the sentence before, in the same paragraph ("Er besuchte …")
    article_names: list[Value]
    earlier_words: list[Word] = field(default_factory=list)  # content words of the one before that
    # the article's person facts with their offices, read when a sentence names someone by office only
    article_people: Optional[Callable[[], list[dict]]] = None
    _described: Optional[list[Value]] = None

    @property
    def article(self) -> dict:
        return {k: self.row[k] for k in ("file", "title", "date", "source")}

    def as_dict(self, stance: str) -> dict:
        return {"sentence": self.row["text"], "article": self.article, "stance": stance}


@lru_cache(maxsize=65536)
def _fts_fold(text: str) -> str:
    """Lower case without accents, as the FTS5 tokenizer sees it (ß stays ß)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def _stem_prefix(word: str) -> str:
    """The shortest stem of a word as FTS5 indexes it: "besuchte" -> "besuch"."""
    return min(_stems(_fts_fold(word)), key=len)


def query_terms(passage: Passage) -> dict[str, str]:
    """FTS5 terms for the claim -> the prefix to count them by.

    Stems (as prefixes) of the claim's words, their irregular stems and synonyms;
    the words of its names; its years.
    """
    terms: dict[str, str] = {}

    def add_prefix(word: str) -> None:
        stem = _stem_prefix(word)
        terms[f'"{stem}"*' if len(stem) >= MIN_STEM else f'"{stem}"'] = stem

    members = _synonym_members()
    irregular = _irregular()
    for word in passage.words:
        for part in word.text.split("-"):
            if len(part) > 1 and fold(part) not in _stopwords():
                add_prefix(part)
                if fold(part) in irregular:
                    add_prefix(irregular[fold(part)])
        for key in word.keys:
            for synonym in members.get(key, ()):
                add_prefix(synonym)
    for value in passage.values:
        if value.kind in NAME_KINDS:
            for part in _WORD.findall(value.text):
                terms[f'"{_fts_fold(part)}"'] = _fts_fold(part)
        elif value.kind == "year" and value.number:
            terms[f'"{int(value.number)}"'] = str(int(value.number))
    return terms


def fts_query(passage: Passage, counts: Optional[dict[str, int]] = None) -> str:
    """An OR of the claim's terms; with document counts, only the rarest ones.

    Each term costs in proportion to the sentences it matches: terms are taken
    rarest first until together they match ``QUERY_BUDGET`` sentences (at least
    ``MIN_QUERY_TERMS`` of them that match anything).
    """
    terms = query_terms(passage)
    if counts is None:
        return " OR ".join(sorted(terms))
    chosen, matched = [], 0
    for term, prefix in sorted(terms.items(), key=lambda item: counts.get(item[1], 0)):
        count = counts.get(prefix, 0)
        if count == 0:
            continue  # matches nothing
        if matched + count > QUERY_BUDGET and len(chosen) >= MIN_QUERY_TERMS:
            break
        chosen.append(term)
        matched += count
    return " OR ".join(sorted(chosen))


def retrieve(store: Store, claim: Passage) -> tuple[Passage, list[Evidence]]:
    """The stored sentences that may speak about the claim, and the claim with the names they know.

    A name the claim's own reading missed ("Medwedew", "Tim Vogel": no role word,
    no known given name) is recognised when the candidate articles name it.
    """
    weight_prefixes = [_weight_prefix(word) for word in claim.words]
    total, counts = store.term_document_counts(list(query_terms(claim).values()) + weight_prefixes)
    claim = with_word_weights(claim, total, counts)
    query = fts_query(claim, counts)
    rows = store.ranked_sentences(query, CANDIDATES) if query else []
    if not rows:
        return claim, []
    value_weights = [_value_weight(value, total, counts) for value in claim.values]
    rows = _with_rarest_word_kept(claim, sorted(
        rows, key=lambda row: _quick_score(claim, value_weights, row["text"]), reverse=True))
    names = store.names_in_articles({row["article_id"] for row in rows})
    known = _name_kinds(name for found in names.values() for name in found)
    claim = _with_copula_roles(with_known_names(claim, known))
    before = store.sentences_before([row["id"] for row in rows])
    # two back, for words only: "Die Kosten werden auf 8,6 Millionen Euro geschätzt" continues
    # "… hat die Sanierung des Freibads beschlossen. 19 Räte stimmten dafür, …"
    earlier = store.sentences_before([b["id"] for b in before.values()])
    facts = store.facts_of_sentences([row["id"] for row in rows] + [b["id"] for b in before.values()],
                                     [row["article_id"] for row in rows])

    def reading(sentence: dict) -> Passage:
        return with_known_names(read_passage(sentence["text"], facts.get(sentence["id"], [])), known)

    people: dict[int, list[dict]] = {}

    def article_people(article_id: int) -> Callable[[], list[dict]]:
        def read() -> list[dict]:
            if article_id not in people:
                # by article only: asked by kind too, SQLite may scan a quarter of all facts
                people[article_id] = [f for f in store.facts(article_id) if f["kind"] == "person"]
            return people[article_id]
        return read

    found = []
    for row in rows:
        previous = before.get(row["id"])
        first = earlier.get(previous["id"]) if previous else None
        article_names = [_name_value(name) for name in names.get(row["article_id"], [])]
        passage = _with_full_names(reading(row), article_names)
        found.append(Evidence(
            row=row,
            passage=passage,
            before=_with_full_names(reading(previous), article_names) if previous else None,
            # the article's title tells what every sentence is about ("Warnstreik legt BVG … lahm")
            earlier_words=(read_passage(first["text"], []).words if first else [])
            + _title_words(row.get("title") or ""),
            article_names=article_names,
            article_people=article_people(row["article_id"]),
        ))
    return claim, found


def described_people(passage: Passage, evidence: Evidence) -> list[Value]:
    """People a sentence names by their office alone: "Dem nordkoreanischen Diktator dürfte …",
    "der Vater des jetzigen Machthabers" - the person the article gives that office (most often,
    if several have it), as a name."""
    if evidence.passage is passage and evidence._described is not None:
        return evidence._described
    found = []
    for word in passage.words:
        if word.text[:1].isupper() and _is_role_word(word.text) and not _names_follow(passage, word):
            person = _holder_of(word.text, evidence)
            if person is not None:
                found.append(replace(person, start=word.start, end=word.start + len(word.text),
                                     clause=passage.clause_of(word.start)))
    if evidence.passage is passage:
        evidence._described = found
    return found


def _names_follow(passage: Passage, word: Word) -> bool:
    """ "Präsident Putin", "Machthaber Baschar al-Assad": the office is that name's, not a person of its own."""
    end = word.start + len(word.text)
    return any(v.kind == "person" and 0 <= v.start - end <= 2 for v in passage.values)


def _holder_of(role_word: str, evidence: Evidence) -> Optional[Value]:
    if evidence.article_people is None or not any(v.kind == "person" for v in evidence.article_names):
        return None
    holders: Counter = Counter()
    for row in evidence.article_people():
        role = row.get("role") or ""
        if role and _role_head(role) and not _roles_differ(role_word, role):
            holders[(row.get("extra") or {}).get("full_name") or row["text"]] += 1
    ranked = holders.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None  # no one, or two people of about as many mentions
    return _known_name("person", ranked[0][0], ranked[0][0])


def _with_rarest_word_kept(claim: Passage, ranked: list[dict]) -> list[dict]:
    """The best ``COMPARED`` sentences - the last ``KEPT_FOR_RAREST`` places for sentences with the
    claim's rarest word itself, if the ranking left them out: "Dem nordkoreanischen Diktator …"
    for "Kim ist ein Diktator", below a dozen sentences with "Machthaber Kim"."""
    if len(ranked) <= COMPARED or not claim.words:
        return ranked[:COMPARED]
    rarest = max(range(len(claim.words)), key=claim.weight)
    stem = _stem_prefix(claim.words[rarest].text)
    with_it = [row for row in ranked[COMPARED - KEPT_FOR_RAREST:]
               if any(_fts_fold(word).startswith(stem) for word in _WORD.findall(row["text"]))][:KEPT_FOR_RAREST]
    top = ranked[:COMPARED - len(with_it)]
    return top + [row for row in with_it if row not in top] if with_it else ranked[:COMPARED]


@lru_cache(maxsize=4096)
def _title_words(title: str) -> list[Word]:
    """The nouns of an article's title: what it is about (its verbs say what one sentence says)."""
    return [word for word in read_passage(title, []).words if word.text[:1].isupper()]


def _with_full_names(passage: Passage, article_names: list[Value]) -> Passage:
    """ "Huber kam auf 45,7 Prozent" in an article about Markus Huber is Markus Huber's figure:
    a short name the article writes out in full once compares as the full name ("Anna Huber"
    is not him; "Huber" and "Markus Huber" still are)."""
    for value in passage.values:
        if value.kind != "person":
            continue
        longer = {n.name for n in article_names if n.kind == "person" and value.name < n.name}
        if len(longer) == 1:
            value.name = next(iter(longer))
    return passage


def _quick_score(claim: Passage, value_weights: list[float], text: str) -> float:
    """Re-ranking before the close reading: the weighted share of the claim's stems, names
    and numbers in the sentence, plus its rapidfuzz similarity."""
    keys: set[str] = set()
    for token in set(_WORD.findall(text)):
        keys |= _token_keys(token)
    folded = fold(text)
    found = sum(claim.weight(i) for i, word in enumerate(claim.words) if word.keys & keys)
    found += sum(w * _value_in(value, keys, folded) for value, w in zip(claim.values, value_weights))
    total = sum(claim.weight(i) for i in range(len(claim.words))) + sum(value_weights)
    return (found / total if total else 0.0) + FUZZ_WEIGHT * fuzz.token_set_ratio(fold(claim.text), folded) / 100


def _idf(total: int, count: int) -> float:
    return 1.0 + math.log((total + 1) / (count + 1))


def _value_weight(value: Value, total: int, counts: dict[str, int]) -> float:
    """Names weigh by their rarest word; a figure weighs like a rare word (it is what a claim is about)."""
    if value.kind in NAME_KINDS:
        return max(_idf(total, counts.get(_fts_fold(part), 0)) for part in _WORD.findall(value.text))
    return _idf(total, 0)


def _value_in(value: Value, keys: set[str], folded: str) -> float:
    """1 when the value is in the sentence, also in other notation ("34 Mio. $" for "34 Millionen
    Dollar", "zehntausend" for "10.000"); 0.5 when its digits or its unit are ("34 Millionen Euro",
    "34 Millionen Dollar" for 43)."""
    if value.name & keys or _folded(value.text) in folded:
        return 1.0
    written = _digit_numbers(folded)
    if value.number is not None and written:
        if value.number in written:
            return 1.0
        if _digit_numbers(_folded(value.text)) & written:
            return 0.5
    units = [word for word in _WORD.findall(value.text) if word.isalpha()]
    if not units:
        return 0.0
    unit_keys = word_keys(units[-1])
    # the unit may be part of a compound: "fünf Stunden" - "nach rund fünfstündigen Gesprächen"
    inside = any(len(key) >= MIN_STEM and key in folded for key in unit_keys if not key.startswith("~"))
    return 0.5 if unit_keys & keys or inside else 0.0


_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,]\d)|(?<![\d.,])\d+(?:,\d+)?(?![\d.,]\d)")


@lru_cache(maxsize=65536)
def _digit_numbers(text: str) -> frozenset[float]:
    """The numbers written in digits in a text, read as ``numbers`` reads them."""
    return frozenset(digits_value(m.group()) for m in _DIGITS.finditer(text))


def _name_value(name: dict) -> Value:
    return _known_name(name["kind"], name["text"], name.get("label") or name["text"])


@lru_cache(maxsize=16384)
def _known_name(kind: str, text: str, label: str) -> Value:
    return Value(kind=kind, text=text, start=0, end=len(text), label=label, name=_name_tokens(text))


@dataclass(frozen=True)
class KnownNames:
    """The name tokens the candidate articles know, for reading capitalised claim words as names.

    ``weak`` tokens are names only next to another word of a name: "Deutsche" opens "Deutsche
    Bahn" but is an adjective in "Deutsche Firmen lieferten …"; "Jae" of "Moon Jae In" is too
    short to tell on its own. "Medwedew" (of "Dmitri Medwedew") or "Kim" (named alone too) are
    names wherever they stand.
    """

    kinds: dict[str, str]  # token -> person | place | organisation
    weak: frozenset[str]
    names: frozenset[frozenset[str]] = frozenset()  # each name's tokens: "Kim Jong-un", "Putin"


def _name_kinds(names: Iterable[dict]) -> KnownNames:
    """The tokens of every person, place and organisation the articles name."""
    names = list(names)
    alone = {_name_tokens(name["text"]) for name in names}
    kinds: dict[str, str] = {}
    strong: set[str] = set()
    for name in names:
        for token, opens in _name_parts(name["text"]):
            kinds.setdefault(token, name["kind"])
            if len(token) >= 3 and not (opens and frozenset({token}) not in alone):
                strong.add(token)
    return KnownNames(kinds, frozenset(kinds.keys() - strong), frozenset(alone))


@lru_cache(maxsize=16384)
def _name_parts(text: str) -> tuple[tuple[str, bool], ...]:
    """(token, opens a longer name) for each word of a name."""
    words = [w for w in re.split(r"[\s\-‐]+", text) if w]
    return tuple((token, index == 0 and len(words) > 1)
                 for index, word in enumerate(words) for token in _name_tokens(word))


def _head_token(word: str, kinds: dict[str, str]) -> str:
    """The name token of a word's last part: "Jong-un" is a name if "un" is, "Kim-Dynastie"
    only if "Dynastie" were; "Jong-uns" is the genitive of "Jong-un"."""
    token = next(iter(_name_tokens(re.split(r"[\-‐]", word)[-1])), "")
    return token[:-1] if token not in kinds and token.endswith("s") and token[:-1] in kinds else token


def _another_name_begins(run: list[Word], word: Word, known: KnownNames) -> bool:
    """ "dass Kim Jong-un Putin eingeladen hat": "Kim Jong-un" is a name the articles know, and
    no name they know goes on with "Putin" - two names side by side, not one."""
    so_far = frozenset().union(*(_name_tokens(w.text) for w in run))
    longer = so_far | _name_tokens(word.text)
    return so_far in known.names and not any(longer <= name for name in known.names)


def with_known_names(claim: Passage, known: KnownNames) -> Passage:
    """A passage with runs of capitalised words that belong to known names read as names.

    The extractor finds names by role words and given names; "Medwedew" or
    "Omar Haddad" without either are recognised because an article names them.
    """
    kinds = known.kinds
    runs: list[list[Word]] = []
    for word in claim.words:
        token = _head_token(word.text, kinds)
        if not word.text[:1].isupper() or token not in kinds:
            continue
        previous = runs[-1][-1] if runs else None
        if (previous and claim.text[previous.start + len(previous.text):word.start].strip() == ""
                and not _another_name_begins(runs[-1], word, known)):
            runs[-1].append(word)
        else:
            runs.append([word])
    runs = [run for run in runs if len(run) > 1 or _head_token(run[0].text, kinds) not in known.weak]
    if not runs:
        return claim
    named = {id(word) for run in runs for word in run}
    values = list(claim.values)
    for run in runs:
        start, end = run[0].start, run[-1].start + len(run[-1].text)
        text = claim.text[start:end]
        kind = kinds[_head_token(run[0].text, kinds)]
        values.append(Value(kind=kind, text=text, start=start, end=end, label=text,
                            name=_name_tokens(text), marker=_preposition_before(claim.text, start, kind, end),
                            clause=claim.clause_of(start)))
    values.sort(key=lambda v: v.start)
    _mark_relatives(claim.text, values)
    kept = [i for i, w in enumerate(claim.words) if id(w) not in named]
    return Passage(claim.text, [claim.words[i] for i in kept], values, claim.clause_starts,
                   claim.negated_clauses, [claim.weight(i) for i in kept] if claim.weights else None,
                   claim.terms)


def with_word_weights(claim: Passage, total: int, counts: dict[str, int]) -> Passage:
    """Rare words weigh more: "Bundeskanzlerin" says more about a claim than "neue".

    weight = 1 + ln(sentences / (sentences with the word + 1)), from the FTS index.
    """
    claim.weights = [_idf(total, counts.get(_weight_prefix(word), 0)) for word in claim.words]
    return claim


def _weight_prefix(word: Word) -> str:
    head = word.text.split("-")[-1]  # a compound's last part carries its meaning
    return _stem_prefix(head)


# --------------------------------------------------------------------------
# 3. Compare the claim with one sentence
# --------------------------------------------------------------------------


@dataclass
class Conflict:
    claim: list[Value]  # what the claim says
    evidence: list[Value]  # what the sentence says instead
    stand_in: bool = False  # the claim's person is not named here; another person is
    affiliation: bool = False  # the person named works elsewhere, as the article says
    office_holder: bool = False  # the other person holds the office the claim gives its person

    def says(self) -> str:
        return ", ".join(f"{v.shown} {v.noun_text}" if self._of_another_thing() else v.with_noun
                         for v in self.evidence)

    def instead_of(self) -> str:
        if self._of_another_thing():  # "mehr als 2000 Tonnen Weizen, nicht Reis"
            return self.claim[0].noun_text
        return ", ".join(v.with_noun if v.kind == "ordinal" else v.in_running_text for v in self.claim)

    def _of_another_thing(self) -> bool:
        """The figure is right, the thing counted is not: "2000 Tonnen Weizen, nicht … Reis"."""
        return len(self.claim) == len(self.evidence) == 1 and _nouns_differ(self.claim[0], self.evidence[0])


@dataclass
class Comparison:
    evidence: Evidence
    context: float  # share of the claim's context words in the sentence
    coverage: float  # share of words and values
    matched: list[tuple[Value, Value]] = field(default_factory=list)  # (claim, sentence) equal
    present: list[Value] = field(default_factory=list)  # claim names found around the sentence
    present_nearby: list[Value] = field(default_factory=list)  # ... in the sentence before it
    present_in_role: list[Value] = field(default_factory=list)  # ... there as where it happened ("in …")
    described: list[Value] = field(default_factory=list)  # ... named by their office ("dem Diktator")
    office_untold: bool = False  # the claim gives its person an office, the sentence gives them none
    setting_people: list[Value] = field(default_factory=list)  # people the setting must name with its place
    kin: Optional["KinTie"] = None  # the family tie the sentence states, when the claim is about one
    from_setting: list[Value] = field(default_factory=list)  # claim places the article's setting must give
    article_must_name: list[str] = field(default_factory=list)  # words of a claim name only the article may have
    conflicts: list[Conflict] = field(default_factory=list)
    bounds: list[tuple[Value, Value]] = field(default_factory=list)  # fits a bound, unconfirmed
    missing: list[Value] = field(default_factory=list)
    negation_differs: bool = False
    strangers: bool = False  # the sentence's main clause names people or places the claim does not
    missing_nouns: list[Word] = field(default_factory=list)  # claim nouns not in the sentence or the one before
    other_time: bool = False  # the claim speaks of another time ("im Vorjahr") than the sentence
    opposites: list[tuple[Word, Word]] = field(default_factory=list)  # ("stiegen", "sanken")
    main_clauses: set[int] = field(default_factory=set)  # the clauses the claim's words point to

    def main_text(self) -> str:
        """The sentence's main clauses: "Er besuchte Pjöngjang 2000" of "Er besuchte Pjöngjang
        2000 und traf Kims Vater, …" - what to quote when only the main point is meant."""
        passage = self.evidence.passage
        starts = passage.clause_starts + [len(passage.text)]
        if not self.main_clauses:
            return passage.text
        first, last = min(self.main_clauses), max(self.main_clauses)
        text = passage.text[starts[first]:starts[last + 1]].strip(" ,;:()–—-")
        text = re.sub(r"\s+(?:und|sowie|oder|aber)$", "", text)
        return text.rstrip(".!?")
    verbs_missing: bool = False  # a lower-case claim word is not in the sentence
    swapped: str = ""  # "full": the sentence has the claim's doer and the one it is done to the other way round
    distinctive: bool = False  # the claim's rarest word is in the sentence or the one before
    exact: bool = False  # ... in the sentence as itself, not by a synonym
    relevance: float = 0.0  # coverage plus rapidfuzz similarity: orders sentences
    stance: str = "related"  # supports | refutes | related

    @property
    def article_id(self) -> int:
        return self.evidence.row["article_id"]


@lru_cache(maxsize=None)
def _value_markers() -> frozenset[str]:
    return frozenset(fold(row[0]) for row in lexicon_rows("value_markers.txt") if row[1] != "event_place")


@lru_cache(maxsize=None)
def _event_place_verbs() -> frozenset[str]:
    return _markers_of_role("event_place")


def _markers_of_role(role: str) -> frozenset[str]:
    return frozenset(fold(row[0]) for row in lexicon_rows("value_markers.txt") if row[1] == role)


@lru_cache(maxsize=None)
def _directions() -> dict[str, str]:
    """Preposition -> "from" or "to" ("von 34 Millionen", "auf eine Milliarde")."""
    return {fold(row[0]): row[2] for row in lexicon_rows("value_markers.txt") if row[2] in ("from", "to")}


def _directions_differ(claim: Value, other: Value) -> bool:
    directions = _directions()
    mine, theirs = directions.get(claim.marker), directions.get(other.marker)
    return bool(mine and theirs and mine != theirs)


@lru_cache(maxsize=None)
def _place_markers() -> frozenset[str]:
    return _markers_of_role("place") | _event_place_verbs()


@lru_cache(maxsize=None)
def _time_markers() -> frozenset[str]:
    return _markers_of_role("time")


def _name_relation(claim: Value, other: Value) -> str:
    """Names are equal when one holds all words of the other ("Putin", "Wladimir Putin"), or
    when they differ in one word that the grader takes for a spelling of it (Sergei/Sergej)."""
    if claim.name <= other.relative_of or other.name <= claim.relative_of:
        return "differs"  # "Kim" is not "Kims Vater, Kim Jong Il"
    if claim.name <= other.name or other.name <= claim.name:
        return "equal"
    left, right = claim.name - other.name, other.name - claim.name
    if len(left) == len(right) == 1 and word_match(next(iter(left)), next(iter(right))):
        return "equal"
    return "differs"


def _bound(qualifier: Optional[str]) -> Optional[str]:
    if qualifier in LOWER_BOUNDS:
        return "above"
    if qualifier in UPPER_BOUNDS:
        return "below"
    return None


def _same_name(value: Value, other: Value) -> bool:
    return other.kind == value.kind and _name_relation(value, other) == "equal"


def _number_relation(claim: Value, other: Value) -> Optional[str]:
    """'equal', 'fits' (inside a bound, so unconfirmed), 'differs', or None (not comparable)."""
    if claim.number is None or other.number is None:
        return None
    if _nouns_differ(claim, other):
        # the same figure of another thing ("2000 Tonnen Reis" - "2000 Tonnen Weizen") is said
        # against; another figure of another thing (10.000 Nordkoreaner, 2000 Tonnen) is not
        return "differs" if _same_figure(claim, other) else None
    if claim.unit and other.unit and claim.unit != other.unit:
        # euros and dollars contradict each other; tonnes and dollars are just different things
        return "differs" if _is_currency(claim.unit) and _is_currency(other.unit) else None
    approximate = claim.qualifier in APPROXIMATE or other.qualifier in APPROXIMATE
    tolerance = APPROXIMATE_TOLERANCE if approximate else 1e-9
    close = abs(claim.number - other.number) <= tolerance * max(abs(claim.number), abs(other.number))
    claim_bound, other_bound = _bound(claim.qualifier), _bound(other.qualifier)
    if claim_bound and other_bound and claim_bound != other_bound:
        return "differs"
    if close:
        return "equal"
    if _directions_differ(claim, other):
        return None  # "auf eine Milliarde" (a target) says nothing against "von 34 Millionen" (a start)
    above = claim.number > other.number
    if other_bound:  # the article gives a bound: "mehr als 10.000" - 12.000 fits, 5.000 does not
        inside = above if other_bound == "above" else not above
        if inside and _far_beyond(claim.number, other.number):
            return "differs"  # "mehr als 10.000" is not a way of saying 100.000
        if claim_bound:  # both bounds in the same direction: the wider one follows from the narrower
            return "fits" if inside else "equal"
        return "fits" if inside else "differs"
    if claim_bound:  # the claim gives a bound: "mehr als 5.000" holds for 10.000
        return "equal" if (not above if claim_bound == "above" else above) else "differs"
    return "differs"


def _nouns_differ(claim: Value, other: Value) -> bool:
    return bool(claim.noun and other.noun) and not (
        claim.noun & other.noun or _compound_match(claim.noun, other.noun))


def _same_figure(claim: Value, other: Value) -> bool:
    return (claim.number == other.number and claim.unit == other.unit
            and _bound(claim.qualifier) == _bound(other.qualifier))


def _far_beyond(number: float, bound: float) -> bool:
    """A figure at least ``BOUND_FACTOR`` times past a bound: news round "mehr als", "fast",
    "bis zu" to the nearest round figure, so "mehr als 10.000" means 10.000 and some."""
    if not number or not bound or (number > 0) != (bound > 0):
        return False
    ratio = abs(number / bound)
    return ratio >= BOUND_FACTOR or ratio <= 1 / BOUND_FACTOR


def relation(claim: Value, other: Value) -> Optional[str]:
    """How a value of the claim relates to a value in a sentence."""
    years = {claim.kind, other.kind} & {"year"}
    if years and (_year_like(claim) or _year_like(other)):
        return "equal" if claim.number == other.number else "differs"
    if other.kind not in COMPARABLE.get(claim.kind, ()):
        return None
    if claim.kind in NAME_KINDS:
        if claim.possessor != other.possessor:
            return None  # "Kims Vater" says nothing about Kim himself
        if claim.kind == "place" and _within(claim, other):
            return None  # "in Hanoi" is not told by "in Vietnam", nor contradicted
        if claim.kind == "place" and not _same_place_role(claim, other):
            return None  # "in Moskau" (a place) is not "Moskau und Pjöngjang" (a government)
        if claim.kind == "place" and _within(other, claim):
            # where: "nach Russland" is told by "nach Wladiwostok", "in Vietnam" by "in Hanoi"; a
            # capital for its country's government ("Verbündeter Moskaus") is left alone
            same_direction = _directions().get(claim.marker) == _directions().get(other.marker)
            return "equal" if claim.marker in _place_markers() and same_direction else None
        how = _name_relation(claim, other)
        if how == "differs" and claim.kind == "place" and _directions().get(claim.marker) != _directions().get(other.marker):
            return None  # "nach Peking" (where to) or "aus Moskau" (from) says nothing against "in Hanoi"
        return how
    if claim.iso and other.iso:
        return "equal" if claim.iso.startswith(other.iso) or other.iso.startswith(claim.iso) else "differs"
    return _number_relation(claim, other)


def _within(inner: Value, outer: Value) -> bool:
    """Wladiwostok lies in Russland, Hanoi in Vietnam, Schwabing in München (data/place_countries.tsv,
    then the region column of data/places.tsv, followed up to the continent)."""
    return _place_key(outer.label or outer.text) in _regions_of(_place_key(inner.label or inner.text))


@lru_cache(maxsize=4096)
def _regions_of(key: str) -> frozenset[str]:
    """Folded names of the regions a place lies in: "hanoi" -> vietnam, asien."""
    lies_in = _lies_in()
    found: list[str] = []
    region = lies_in.get(key)
    while region and region not in found and len(found) < MAX_REGIONS:
        found.append(region)
        region = lies_in.get(region)
    return frozenset(found)


@lru_cache(maxsize=None)
def _lies_in() -> dict[str, str]:
    """Folded place -> folded place it lies in: data/place_countries.tsv before data/places.tsv."""
    table = {fold(name): fold(place.region) for name, place in places().items() if place.region}
    table.update({fold(row[0]): fold(row[1]) for row in lexicon_rows("place_countries.tsv") if len(row) > 1})
    return table


@lru_cache(maxsize=None)
def _places_by_key() -> dict:
    return {fold(name): place for name, place in places().items()}


def _place_key(text: str) -> str:
    """The folded nominative the places lexicon knows: "Russlands" -> "russland"."""
    key = fold(text)
    return key[:-1] if key not in _places_by_key() and key.endswith("s") and key[:-1] in _places_by_key() else key


def _year_like(value: Value) -> bool:
    """A count the extractor may have read where a year was meant ("2023 hatte die Rate …")."""
    return value.kind in ("count", "number") and not value.unit and _looks_like_year(value.number)


def _same_place_role(claim: Value, other: Value) -> bool:
    locative = _place_markers()
    return (claim.marker in locative) == (other.marker in locative) and not _directions_differ(claim, other)


@dataclass
class _WordMatch:
    context: float  # weighted share of the claim's words found (those only in the sentence before count half)
    main: set[int]  # the clauses holding most of them
    missing_nouns: list[Word]  # capitalised claim words (nouns, names) found in neither
    distinctive: bool  # the claim's rarest word is found
    opposites: list[tuple[Word, Word]] = field(default_factory=list)  # (claim word, its opposite in the main clauses)
    other_time: bool = False  # a claim word for another time ("im Vorjahr") is found in neither
    verbs_missing: bool = False  # a lower-case claim word (a verb, mostly) is in neither
    exact: bool = False  # the rarest word is in the sentence as itself (not a synonym)


def _match_words(claim: Passage, passage: Passage, before: Optional[Passage],
                 anchors: Counter, earlier: Sequence[Word] = ()) -> _WordMatch:
    """The claim's words in the sentence (and, at half weight, in the sentence before).

    Each word of the sentence answers one claim word: same stem first, then the
    same synonym group or compound ("traf" cannot stand for both "trafen" and "Gipfel").
    The main clauses hold most claim words and ``anchors`` (claim values found there).
    """
    hits = _word_hits(claim, passage.words)
    near = _word_hits(claim, (before.words if before else []) + list(earlier))
    weights = [claim.weight(i) for i in range(len(claim.words))]
    total = sum(weights)
    everywhere = set(range(len(passage.clause_starts)))
    if not total:  # nothing but values: "Von Wladiwostok nach Moskau sind es 6500 Kilometer"
        best = max(anchors.values(), default=0)
        return _WordMatch(0.0, {c for c, n in anchors.items() if n == best} or everywhere, [], True)
    missing_nouns = [word for i, word in enumerate(claim.words)
                     if word.text[:1].isupper() and i not in hits and i not in near]
    found_words = {**near, **hits}
    # the rarest word, matched as itself or as a compound's head: "Exportüberschuss" is not
    # told by "Ausfuhren" ("Export…" is only its modifier)
    distinctive = any(weights[i] >= max(weights) - 1e-9 and _matches_as_head(claim.words[i], w)
                      for i, w in found_words.items())
    # ... as itself, not a synonym: "Diktator" is said by "dem nordkoreanischen Diktator" more
    # plainly than by "Machthaber"; such sentences are shown first
    exact = any(weights[i] >= max(weights) - 1e-9 and any(not k.startswith("~") for k in claim.words[i].keys & w.keys)
                for i, w in hits.items())
    per_clause = _claim_words_per_clause(claim, passage) + anchors
    if claim.negated_clauses:
        # "In der Gruppe ohne Hörgerät …" is about the clause "in der Gruppe ohne Hörgerät waren
        # es 10,7 Prozent", not "In der Gruppe mit Hörgerät erkrankten 8,1 Prozent"
        for clause in per_clause.keys() & passage.negated_clauses:
            per_clause[clause] += NEGATED_CLAUSE_BONUS
    best = max(per_clause.values(), default=0)
    main = {c for c, n in per_clause.items() if n == best} or everywhere
    found = sum(weights[i] * _share(claim.words[i], hit) for i, hit in hits.items()) \
        + 0.5 * sum(weights[i] * _share(claim.words[i], hit) for i, hit in near.items() if i not in hits)
    _opposites_into_main(claim, passage, hits, main)
    opposites = [(claim.words[i], hit) for i, hit in hits.items()
                 if passage.clause_of(hit.start) in main and opposite(claim.words[i], hit)]
    # "Die GEW kritisierte die Pläne scharf. „…“, sagte Sabine Krämer": the verb the claim
    # gets wrong ("lobte") may stand in the sentence before the one with the name
    opposites += [(claim.words[i], hit) for i, hit in near.items()
                  if i not in hits and opposite(claim.words[i], hit)]
    opposites += _another_doer(claim, passage, hits)
    other_time = any(_folded(word.text).startswith(_time_anchors()) and i not in hits and i not in near
                     for i, word in enumerate(claim.words))
    verbs_missing = any(not word.text[:1].isupper() and i not in hits and i not in near
                        for i, word in enumerate(claim.words))
    return _WordMatch(found / total, main, missing_nouns, distinctive, opposites, other_time, verbs_missing, exact)


def _opposites_into_main(claim: Passage, passage: Passage, hits: dict[int, Word], main: set[int]) -> None:
    """A claim word answered by an opposite outside the main clauses takes the opposite inside them:
    "Kim soll erst am Sonntag heimreisen" - "… bleibt am Freitag in Wladiwostok und soll erst am
    Samstag heimreisen" is against "Samstag", not "Freitag"."""
    used = {id(hit) for hit in hits.values()}
    for index, hit in list(hits.items()):
        word = claim.words[index]
        if passage.clause_of(hit.start) in main or not opposite(word, hit) or word.keys & hit.keys:
            continue
        inside = next((w for w in passage.words if id(w) not in used and passage.clause_of(w.start) in main
                       and opposite(word, w)), None)
        if inside is not None:
            hits[index] = inside
            used.add(id(inside))


def _share(word: Word, hit: Word) -> float:
    """How much of a claim word a sentence word tells: all of it, or half when only a
    compound's modifier is shared ("US-Außenminister" - "US-Seite", "BVG-Warnstreik" - "BVG")."""
    if "-" not in word.text:
        return 1.0
    head = word.text.split("-")[-1]
    return 1.0 if _matches_as_head(Word(head, word.start, word_keys(head)), hit) else 0.5


def _another_doer(claim: Passage, passage: Passage, hits: dict[int, Word]) -> list[tuple[Word, Word]]:
    """ "Das Amtsgericht München wies die Räumungsklage ab" - "Das Amtsgericht München hatte der
    Räumungsklage stattgegeben, das Landgericht München I wies sie ab": the claim's verb is in
    another clause, where a noun of the same kind ("…gericht") does it. That noun against the
    claim's is said against it, as an opposite word is."""
    verb_clauses = {passage.clause_of(hit.start) for i, hit in hits.items() if claim.words[i].text[:1].islower()}
    used = {id(hit) for hit in hits.values()}
    # the rival may be read as a name: "das Landgericht München I"
    named = [Word(m.group(), value.start + m.start(), word_keys(m.group()))
             for value in passage.names for m in _WORD.finditer(value.text)]
    found = []
    for i, hit in hits.items():
        word = claim.words[i]
        if not word.text[:1].isupper() or not verb_clauses or passage.clause_of(hit.start) in verb_clauses:
            continue
        rival = next((w for w in passage.words + named if passage.clause_of(w.start) in verb_clauses
                      and id(w) not in used and w.text[:1].isupper() and _same_kind(word, w)), None)
        if rival is not None:
            found.append((word, rival))
    return found


def _same_kind(word: Word, other: Word) -> bool:
    """Two different compounds with one head: "Amtsgericht" and "Landgericht"."""
    if word.keys & other.keys:
        return False
    mine, theirs = _folded(word.text), _folded(other.text)
    suffix = 0
    while suffix < min(len(mine), len(theirs)) and mine[-1 - suffix] == theirs[-1 - suffix]:
        suffix += 1
    return suffix >= MIN_COMPOUND_PART and suffix < min(len(mine), len(theirs))


def _claim_words_per_clause(claim: Passage, passage: Passage) -> Counter:
    """Clause -> how many of the claim's words it holds, each clause counted on its own: in
    "In der Gruppe mit Hörgerät erkrankten 8,1 Prozent, in der Gruppe ohne Hörgerät waren es
    10,7 Prozent" both clauses have "Gruppe" and "Hörgerät"."""
    by_clause: dict[int, list[Word]] = {}
    for word in passage.words:
        by_clause.setdefault(passage.clause_of(word.start), []).append(word)
    return Counter({clause: len(_word_hits(claim, words)) for clause, words in by_clause.items()})


def _word_hits(claim: Passage, words: list[Word]) -> dict[int, Word]:
    """Claim word index -> the sentence word answering it: the same stem first, then the same
    synonym group or compound, then the opposite word ("sanken" answers "stiegen", against it)."""
    unused = list(words)
    hits: dict[int, Word] = {}
    for loose in (False, True, None):
        for index, word in enumerate(claim.words):
            if index in hits:
                continue
            hit = next((w for w in unused if _words_match(word, w, loose)), None)
            if hit is not None:
                hits[index] = hit
                unused.remove(hit)
    for index, word in enumerate(claim.words):
        if index not in hits and word.text[:1].isupper():
            hit = next((w for w in words if _inside_compound(word, w)), None) or _split_compound(word, words)
            if hit is not None:
                hits[index] = hit
    return hits


def _inside_compound(word: Word, compound: Word) -> bool:
    """ "Besuch im Ozeanarium" - "Ozeanariumbesuch": a sentence compound may answer two claim
    words, its first part and its head."""
    short, long_ = _folded(word.text), _folded(compound.text)
    return (compound.text[:1].isupper() and len(short) >= MIN_COMPOUND_PART
            and len(long_) >= len(short) + MIN_COMPOUND_PART and (long_.startswith(short) or long_.endswith(short)))


def _split_compound(word: Word, words: Sequence[Word]) -> Optional[Word]:
    """ "Landprämie" - "… auf dem Land … eine Prämie": a claim compound whose first part and head
    are both words of the sentence (the head answers it)."""
    folded = _folded(word.text)
    for head in words:
        if not head.text[:1].isupper():
            continue
        stem = next((key for key in head.keys if not key.startswith("~") and len(key) >= MIN_COMPOUND_PART
                     and folded.endswith(key) and len(folded) > len(key)), None)
        first = folded[: -len(stem)] if stem else ""
        if len(first) >= 3 and any(first in w.keys or first.rstrip("s") in w.keys for w in words if w is not head):
            return head
    return None


def _words_match(word: Word, other: Word, loose: Optional[bool]) -> bool:
    if loose is None:
        return opposite(word, other)
    if not loose:
        return any(not key.startswith("~") for key in word.keys & other.keys)
    return bool(word.keys & other.keys) or _compound_match(word.keys, other.keys)


_PRONOUNS = frozenset({"er", "sie"})


def compare(claim: Passage, evidence: Evidence) -> Comparison:
    """Compare the claim's words and values with one sentence (rules 4-6 of the module doc)."""
    passage = evidence.passage
    words = _match_words(claim, passage, evidence.before, _value_anchors(claim, passage),
                         evidence.earlier_words)
    context, main = words.context, words.main
    result = _place_values(claim, evidence, context, main)
    if context >= REFUTE_CONTEXT and any(v.kind not in NAME_KINDS for v in result.missing):
        # The stored facts leave out bare numbers ("auf eine Milliarde"); read them now.
        evidence.passage = with_bare_numbers(passage)
        result = _place_values(claim, evidence, context, main)
    _affiliation_differs(result, claim)
    result.missing_nouns = words.missing_nouns
    result.main_clauses = main
    _same_thing_worded_differently(result, claim)
    result.other_time = words.other_time
    result.verbs_missing = words.verbs_missing
    result.distinctive = words.distinctive
    result.exact = words.exact
    _check_bindings(result, claim, evidence.passage)
    claim_negated = bool(claim.negated_clauses)
    # "nicht besetzt" says what "unbesetzt" says; "stiegen" says the opposite of "sanken"
    sentence_negated = bool(passage.negated_clauses & main) != (len(words.opposites) % 2 == 1)
    result.opposites = words.opposites
    result.negation_differs = claim_negated != sentence_negated
    result.swapped = _roles_swapped(claim, evidence, result)
    found = len(result.matched) + 0.5 * len(result.present)
    total = len(claim.words) + len(claim.values)
    result.coverage = (context * len(claim.words) + found) / total if total else 0.0
    result.relevance = result.coverage + FUZZ_WEIGHT * fuzz.token_set_ratio(
        fold(claim.text), fold(passage.text)) / 100
    result.stance = _stance(result, claim)
    _judge_kinship(claim, result)
    return result


@lru_cache(maxsize=None)
def _directed_verbs() -> tuple[str, ...]:
    return tuple(_folded_set("directed_verbs.txt"))


_PASSIVE = frozenset({"wurde", "wurden", "wird", "werden", "worden"})
_AGENT_MARKERS = frozenset({"von", "vom", "durch"})


def _roles_swapped(claim: Passage, evidence: Evidence, result: Comparison) -> str:
    """Who does what to whom, for verbs where that matters (data/directed_verbs.txt): "full"
    when the sentence has the claim's doer as the one it is done to and the other way round
    ("Kim lobte Putin" - "Kim lobte er …" after a sentence about Putin), "partial" when only the
    claim's doer is the one it is done to ("Kim hat Putin eingeladen" - "Russland hatte Kim
    eingeladen"), else ""."""
    if _genitives_swapped(claim, evidence.passage) or _markers_swapped(claim, evidence.passage):
        return "full"
    verbs = [w for w in claim.words if w.text[:1].islower() and _folded(w.text).startswith(_directed_verbs())]
    parties = _parties(claim.values)
    if not verbs or len(parties) < 2:
        return ""
    passage = evidence.passage
    hit = next((w for w in passage.words for verb in verbs if verb.keys & w.keys), None)
    if hit is None:
        return ""
    claim_doer, claim_done_to = _doer_and_done_to(claim, parties, None)
    clause = passage.clause_of(hit.start)
    found = _parties([v for v in passage.values if v.clause == clause])
    doer, done_to = _doer_and_done_to(passage, found, evidence)
    if doer is None or done_to is None:
        return ""
    if relation(claim_doer, done_to) != "equal" or relation(claim_doer, doer) == "equal":
        return ""
    return "full" if relation(claim_done_to, doer) == "equal" else "partial"


def _markers_swapped(claim: Passage, passage: Passage) -> bool:
    """ "Putin bezeichnete die Gespräche mit Kim als …" - "Kim bezeichnete die Gespräche mit
    Putin als …": two people of the claim, each where the other stands (the preposition before
    a name tells its part)."""
    people = [v for v in claim.names if v.kind == "person"]
    for first, second in combinations(people, 2):
        if first.marker == second.marker or _coordinated(claim.text, first, second):
            continue  # "das Treffen von Kim und Putin": "von" is both their marker
        for found_first in (o for o in passage.names if relation(first, o) == "equal"):
            for found_second in (o for o in passage.names if relation(second, o) == "equal"):
                if (found_first is not found_second and found_first.marker == second.marker
                        and found_second.marker == first.marker
                        and not _coordinated(passage.text, found_first, found_second)):
                    return True
    return False


def _coordinated(text: str, one: Value, other: Value) -> bool:
    """Two names joined by "und" ("von Wladimir Putin und Kim Jong-un"): one preposition for both."""
    first, second = sorted((one, other), key=lambda v: v.start)
    return text[first.end:second.start].strip() in ("und", "sowie", "oder")


def _genitives_swapped(claim: Passage, passage: Passage) -> bool:
    """ "Moskau hatte Pjöngjangs Einladung unbeantwortet gelassen" - "Pjöngjang hatte Moskaus
    Einladung …": whose thing it is, the other way round."""
    for owner, thing in _owned(claim):
        for other_owner, other_thing in _owned(passage):
            if not thing.keys & other_thing.keys or relation(owner, other_owner) == "equal":
                continue
            swapped_owner = any(relation(c, other_owner) == "equal" for c in claim.names if c is not owner)
            owner_elsewhere = any(relation(owner, v) == "equal" and not _is_genitive(v) for v in passage.names)
            if swapped_owner and owner_elsewhere:
                return True
    return False


def _owned(passage: Passage) -> list[tuple[Value, Word]]:
    """(a name in the genitive, the word right after it): ("Moskaus", "Einladung")."""
    pairs = []
    for value in passage.names:
        if not _is_genitive(value):
            continue
        following = next((w for w in passage.words if w.start > value.end), None)
        if following and passage.text[value.end:following.start].strip() == "":
            pairs.append((value, following))
    return pairs


def _parties(values: list[Value]) -> list[Value]:
    """Names that can do something or have it done to them: not "mit Putin", "in Moskau"
    (after a preposition, bar the passive's "von"), nor a genitive ("Militärübungen Südkoreas")."""
    return [v for v in values if v.kind in NAME_KINDS and (not v.marker or v.marker in _AGENT_MARKERS)
            and not _is_genitive(v)]


def _is_genitive(value: Value) -> bool:
    last = _folded(value.text.split()[-1]) if value.text.split() else ""
    return last.endswith("s") and last not in value.name and not value.possessor


def _doer_and_done_to(passage: Passage, parties: list[Value],
                      evidence: Optional[Evidence]) -> tuple[Optional[Value], Optional[Value]]:
    """The first party does it, the next has it done to them - unless a passive names the doer
    after "von"/"durch", or "er"/"sie" right after the verb is the doer (then the person the
    sentence before names first)."""
    if len(parties) < 1:
        return None, None
    tokens = [(m.start(), _folded(m.group())) for m in _WORD.finditer(passage.text)]
    passive = any(word in _PASSIVE for _, word in tokens)
    if passive:
        agent = next((v for v in parties if v.marker in _AGENT_MARKERS), None)
        if agent is not None:
            others = [v for v in parties if v is not agent]
            return agent, (others[0] if others else None)
        return None, None
    parties = [v for v in parties if not v.marker]  # "von Putin" does it in the passive only
    if not parties:
        return None, None
    first = parties[0]
    after_first = [word for start, word in tokens if start > first.end][:2]
    if evidence is not None and len(after_first) == 2 and after_first[1] in _PRONOUNS and evidence.before:
        persons = [v for v in evidence.before.names if v.kind == "person"]
        if persons:
            return persons[0], first  # "Kim lobte er": he, named before, praised Kim
    return first, (parties[1] if len(parties) > 1 else None)


def _value_anchors(claim: Passage, passage: Passage) -> Counter:
    """Clause -> how many of the claim's values it holds: "Er besuchte Pjöngjang 2000 und traf …
    2001 in Moskau" is about Pjöngjang in its first clause."""
    return Counter(other.clause for value in claim.values for other in passage.values
                   if relation(value, other) == "equal")


def _same_thing_worded_differently(result: Comparison, claim: Passage) -> None:
    """A figure's thing that differs by name only ("19 Gemeinderäte" - "19 Rätinnen und Räte")
    is the same thing when the claim's noun stands around the sentence after all ("Der
    Gemeinderat hat … beschlossen" just before)."""
    missing = {id(word) for word in result.missing_nouns}
    for conflict in list(result.conflicts):
        if not conflict._of_another_thing():
            continue
        value = conflict.claim[0]
        nouns = [w for w in claim.words if w.keys & value.noun]
        if nouns and not all(id(w) in missing for w in nouns):
            result.conflicts.remove(conflict)
            result.matched.append((value, conflict.evidence[0]))


def _place_values(claim: Passage, evidence: Evidence, context: float, main: set[int]) -> Comparison:
    result = Comparison(evidence, context, 0.0)
    for value in claim.values:
        _place_value(result, value, evidence.passage, main, claim.values, evidence, _name_tokens(claim.text))
    disputed = [v for conflict in result.conflicts for v in conflict.evidence]
    result.strangers = any(
        name.clause in main and not any(name is v for v in disputed)
        and not any(relation(c, name) == "equal" for c in claim.names)
        for name in evidence.passage.names if name.kind in ("person", "place")
    )
    return result


def with_bare_numbers(passage: Passage) -> Passage:
    """The passage with the numbers facts leave out: "auf eine Milliarde", "von 300"."""
    taken = [(v.start, v.end) for v in passage.values]
    extra = [
        Value(kind="number", text=q.text, start=q.start, end=q.end, number=q.value,
              qualifier=q.qualifier, label=q.text, marker=_preposition_before(passage.text, q.start),
              clause=passage.clause_of(q.start))
        for q in find_quantities(passage.text)
        if q.kind == "number" and not any(s < q.end and q.start < e for s, e in taken)
    ]
    if not extra:
        return passage
    return Passage(passage.text, passage.words, sorted(passage.values + extra, key=lambda v: v.start),
                   passage.clause_starts, passage.negated_clauses, terms=passage.terms)

def _place_value(result: Comparison, value: Value, passage: Passage, main: set[int],
                 claim_values: list[Value], evidence: Evidence, claim_tokens: frozenset[str] = frozenset()) -> None:
    """Sort one claim value into matched, conflicts, bounds, present or missing. A name the claim
    writes too (``claim_tokens``; "… den engsten Draht zu Baschar al-Assad", not read as a name
    there) is the claim's, not another one instead."""
    related = [(other, _claim_relation(value, other)) for other in passage.values]
    related = [(other, how) for other, how in related
               if how and not (how == "differs" and other.kind in NAME_KINDS and other.name <= claim_tokens)]
    if _has_month(value) and any(_has_month(other) for other, _ in related):
        # "Mai 2026" is told by "für Mai 2027 geplant", not by "in der Badesaison 2026"
        related = [(other, how) for other, how in related if _has_month(other) or other.kind != "year"]
    equal = sorted((o for o, how in related if how == "equal"), key=lambda o: o.clause not in main)
    # a value that belongs to another part of the claim contradicts nothing
    differing = [o for o, how in related if how == "differs"
                 and not any(relation(c, o) == "equal" for c in claim_values if c is not value)]
    if value.kind in NAME_KINDS:
        # a name of the same kind, in the clause the claim's words point to;
        # where it happened: any other place "in …" of the sentence
        clashes = [o for o in differing if o.name & value.name]
        locative = value.kind == "place" and value.marker in _place_markers()
        if value.kind != "place" and _named_in_a_compound(value, passage):
            # "Verhandlungsführer von Verdi" is told by "… sagte Verdi-Verhandlungsführer Malte
            # Sievers der taz", not contradicted by the taz
            differing = clashes
        elsewhere = [o for o in differing if o.clause not in main]
        differing = clashes or [o for o in differing if o.clause in main or locative]
    in_main = [o for o in differing if o.clause in main]
    if equal and value.kind == "place":
        # "Wladiwostok, …, ist nur 130 Kilometer von der Grenze zu Nordkorea entfernt": the claim's
        # place is named; another in another part ("zu Nordkorea") does not stand for it
        in_main = [o for o in in_main if o.marker == value.marker]
    if equal and (equal[0].clause in main or not in_main):
        result.matched.append((value, equal[0]))
        if value.role and not equal[0].role and not any(_same_name(value, d) for d in described_people(passage, evidence)):
            # "Kim ist ein Diktator" is not told by "… den Vater des aktuellen Machthabers, Kim Jong-il":
            # the office is someone else's there
            result.office_untold = True
        if value.role and equal[0].role and _roles_differ(value.role, equal[0].role):
            # "Jake Sullivan ist US-Außenminister" - "Der Nationale Sicherheitsberater … Jake Sullivan"
            result.conflicts.append(Conflict([_office(value)], [_office(equal[0])]))
        elif value.role and equal[0].role and _role_countries_differ(value, equal[0]):
            # "Xi Jinping ist der Präsident Südkoreas" - "dem chinesischen Präsidenten Xi Jinping"
            result.conflicts.append(Conflict([_office(value, value.role_said)], [_office(equal[0])]))
        return
    if differing:
        closest = _closest(value, in_main or differing, main)
        result.conflicts.append(Conflict([value], [closest], office_holder=_holds_claimed_office(value, closest)))
        return
    written = _written_in(value, passage)
    if value.kind not in NAME_KINDS and written and not any(
            _nouns_differ(value, o) for o in passage.values if o.start <= written.start < o.end):
        result.matched.append((value, written))  # the same figure, read differently by the extractor
        return
    fitting = [o for o, how in related if how == "fits"]
    if fitting:
        result.bounds.append((value, fitting[0]))
        return
    if value.kind in NAME_KINDS:
        _place_name(result, value, passage, main, elsewhere, evidence)
        return
    if value.kind in ("year", "date", "ordinal") and evidence.before and any(
            relation(value, o) == "equal" for o in evidence.before.values):
        # when it was may stand in the sentence before: "Der Exportüberschuss stieg damit …" after
        # "… sanken 2023 …", "Der operative Gewinn sank …" after "… im dritten Quartal …"
        result.present.append(value)
        result.present_nearby.append(value)
        return
    result.missing.append(value)


def _named_in_a_compound(value: Value, passage: Passage) -> bool:
    """The name is part of a word of the sentence: "Verdi" in "Verdi-Verhandlungsführer"."""
    return any("-" in word.text and value.name <= _name_tokens(word.text) for word in passage.words)


def _affiliation_differs(result: Comparison, claim: Passage) -> None:
    """ "Johanna Reiter forscht an der Universität Zürich" - "… die Neurologin Johanna Reiter von
    der Medizinischen Universität Innsbruck": the person named here works elsewhere. That
    conflict stands for the organisation's (a missing one, or another in the sentence)."""
    for person, found in result.matched:
        if person.kind != "person" or not found.affiliation:
            continue
        works_at = _known_name("organisation", found.affiliation, found.affiliation)
        if not any(relation(works_at, other) == "equal" for other in result.evidence.passage.names):
            continue  # said where the sentence names it, not where only the article does
        for value in claim.values:
            if value.kind != "organisation" or relation(value, works_at) != "differs":
                continue
            result.missing = [v for v in result.missing if v is not value]
            result.conflicts = [c for c in result.conflicts if value not in c.claim]
            result.conflicts.append(Conflict([value], [works_at], affiliation=True))


def _office(person: Value, said: str = "") -> Value:
    """A person's office as a value of its own, to say what the article calls them instead."""
    role = said or person.role
    return Value(kind="role", text=role, start=person.start, end=person.end, label=role, clause=person.clause)


def _claim_relation(value: Value, other: Value) -> Optional[str]:
    """``relation`` of a claim's value to a sentence's, read as a fact-checker reads a claim:
    a bound in the claim is not a way of saying a figure far past it - "mehr als eine Stunde"
    is not five hours, "über zehn Jahre" not 80 (as "mehr als 10.000" in an article is not
    100.000)."""
    how = relation(value, other)
    if (how == "equal" and _bound(value.qualifier) and not _bound(other.qualifier)
            and value.number and other.number and _far_beyond(other.number, value.number)):
        return "differs"
    if how == "differs" and "vague" in (value.qualifier, other.qualifier) and _within_vague(value, other):
        # "Tausende Jobs" holds 3.500 and does not confirm it; "Tausende" in a claim is told by 3.500
        return "fits" if other.qualifier == "vague" and value.qualifier != "vague" else "equal"
    return how


def _within_vague(value: Value, other: Value) -> bool:
    """ "Tausende" (1000) holds 1.000 to 9.999; "Hunderte Millionen" 100 to 999 millions."""
    vague, exact = (value, other) if value.qualifier == "vague" else (other, value)
    if not vague.number or exact.number is None or (vague.unit or None) != (exact.unit or None):
        return False
    return vague.number <= exact.number < 10 * vague.number


def _has_month(value: Value) -> bool:
    return value.kind == "date" and bool(value.iso) and len(value.iso) > 4


def _place_name(result: Comparison, value: Value, passage: Passage, main: set[int],
                others: list[Value], evidence: Evidence) -> None:
    """A claim name the sentence does not name in the claim's role."""
    # named here in another role ("Regensburg hat …" for "in Regensburg"), or in the sentence before
    nearby = passage.values + (evidence.before.names if evidence.before else [])
    same = [o for o in nearby if _same_name(value, o)]
    if same:
        result.present.append(value)
        result.present_nearby.append(value)
        # "an Hessens Schulen" places it as "in Hessen" does; "Moskau und Pjöngjang bestätigten" not
        if any(o.marker in _place_markers() or _genitive_of(o, value) for o in same):
            result.present_in_role.append(value)
        return
    if value.kind == "person" and any(_same_name(value, d) for d in described_people(passage, evidence)):
        # "Nordkoreas Machthaber bleibt am Freitag in Wladiwostok" in an article whose Machthaber is Kim
        result.present.append(value)
        result.present_nearby.append(value)
        result.described.append(value)
        return
    if value.kind == "person" and _named_in_a_compound(value, passage):
        # "der Besuch … Schoigus im August" as "Vorbote der Kim-Visite": Kim is named here
        result.present.append(value)
        result.present_nearby.append(value)
        return
    # "Im Syrien-Konflikt hat er den engsten Draht zu … Assad": an "er" nobody before names
    # may be the claim's person; another person after it is no stand-in
    unresolved = value.kind == "person" and _has_subject_pronoun(passage, main)
    stand_in = _pronoun_subject(value, passage, main, evidence) or (None if unresolved else next(
        (o for o in others if o.kind in ("person", "organisation")), None))
    if stand_in:  # "Er besuchte …" after "Putin …"; or the sentence is about another party
        result.conflicts.append(Conflict([value], [stand_in], stand_in=value.kind == "person"))
        return
    if any(_same_name(value, o) for o in evidence.article_names):
        result.present.append(value)
        return
    if any(_compound_match(word_keys(value.text), w.keys) or word_keys(value.text) & w.keys
           for w in passage.words):
        result.present.append(value)  # a "name" the extractor saw in one place only: "Orkanböen"
        return
    parts = [p for p in re.split(r"[\-‐]", value.text) if len(p) > 1]
    found = [p for p in parts if any(word_keys(p) & w.keys for w in passage.words)]
    if len(parts) > 1 and found:
        # "das Heidenreich-Werk" - "Das Werk in Homburg …": the other parts must be the article's
        result.present.append(value)
        result.article_must_name += [p for p in parts if p not in found]
        return
    result.missing.append(value)


def _written_in(value: Value, passage: Passage) -> Optional[Value]:
    """The claim's figure, found word for word in the sentence (as a value there)."""
    found = re.search(rf"(?<!\w){re.escape(value.text)}(?!\w)", passage.text, re.IGNORECASE)
    if not found:
        return None
    return replace(value, start=found.start(), end=found.end(), clause=passage.clause_of(found.start()))


def _closest(value: Value, candidates: list[Value], main: set[int]) -> Value:
    """The sentence's value the claim's value most likely stands for."""
    def distance(other: Value) -> tuple:
        ratio = abs(math.log(abs(value.number) / abs(other.number))) \
            if value.number and other.number else 0.0
        return (other.clause not in main, other.marker != value.marker, other.unit != value.unit, ratio)
    return min(candidates, key=distance)


def _pronoun_subject(value: Value, passage: Passage, main: set[int], evidence: Evidence) -> Optional[Value]:
    """ "Er besuchte Pjöngjang 2000": for a person, "er" is the first person of the sentence before."""
    if value.kind != "person" or not evidence.before:
        return None
    persons = [v for v in evidence.before.names if v.kind == "person"]
    return persons[0] if _has_subject_pronoun(passage, main) and persons else None


def _has_subject_pronoun(passage: Passage, main: set[int]) -> bool:
    return any(_folded(m.group()) in _PRONOUNS and passage.clause_of(m.start()) in main
               for m in _WORD.finditer(passage.text))


def _check_bindings(result: Comparison, claim: Passage, passage: Passage) -> None:
    """Values the claim ties together must be tied together in the sentence.

    "Putin traf Kim Jong Il 2001 in Wladiwostok" against "… 2001 in Moskau und
    2002 in Wladiwostok": both values are there, but not together.
    """
    for (first, first_found), (second, second_found) in combinations(result.matched, 2):
        if first_found.clause == second_found.clause or first.kind == second.kind:
            continue
        # a name in another part of that clause is no rival: "Wladiwostok … ist nur 130 Kilometer
        # von der Grenze zu Nordkorea entfernt" says where Wladiwostok is, not that Nordkorea is
        rival = next((o for o in passage.values if o.clause == second_found.clause
                      and relation(first, o) == "differs"
                      and (first.kind not in NAME_KINDS or o.marker == first.marker)
                      and not any(relation(c, o) == "equal" for c in claim.values)), None)
        if rival is None:
            continue
        result.matched = [p for p in result.matched if p[0] not in (first, second)]
        result.conflicts.append(Conflict([first, second], [rival, second_found]))
        return


def _genitive_of(other: Value, value: Value) -> bool:
    return other.text.endswith("s") and not value.text.endswith("s")


def _place_told(place: Value, result: Comparison, nearby: set[int], meeting: bool = False) -> bool:
    """Where the claim says something happened is told around this sentence ("in Moskau" in it
    or the one before), or only the article names the place and it is the article's setting
    ("Die Wahlbeteiligung lag …" in "Anna Berger gewinnt Stichwahl in Regensburg"; checked in
    ``_drop_supports_elsewhere``). A sentence naming the place in another role ("Moskau und
    Pjöngjang bestätigten …", "die Ergebnisse von Wladiwostok") does not tell it by itself: the
    setting must then say so too. Where to or from ("Weizen nach Nordkorea schicken") is told
    by the place named around the sentence in any role."""
    if any(v is place for v in result.present_in_role):
        # where people met is said with "in …", not by a genitive ("Treffen zu Chinas …projekt")
        evidence = result.evidence
        return not meeting or any(
            _same_name(place, o) and (o.marker in _place_markers() or (not _genitive_of(o, place) and here))
            for here, names in ((True, evidence.passage.values), (False, evidence.before.names if evidence.before else []))
            for o in names)
    if id(place) in nearby and _directions().get(place.marker):
        return True  # where to or from ("Weizen nach Nordkorea schicken") needs no event there
    if meeting and any(other.kind == "place" and _name_relation(place, other) == "differs"
                       and not _within(place, other) and not _within(other, place)
                       for other in result.evidence.passage.values):
        # where people met: "Auch die Ergebnisse von Wladiwostok …" is not set in the article's Hanoi
        return False
    result.from_setting.append(place)  # to be found in the article's title or lead (check_claim)
    return True


def _counts_people(conflict: Conflict) -> bool:
    """The conflict is about how many people: what they did says which people are meant."""
    return any(counts_people(value) for value in conflict.claim)


def _is_person_conflict(conflict: Conflict) -> bool:
    return any(value.kind == "person" for value in conflict.claim)


def _person_only_in_article(result: Comparison) -> bool:
    nearby = {id(v) for v in result.present_nearby}
    return any(v.kind == "person" and id(v) not in nearby for v in result.present)


def _another_pair(result: Comparison) -> bool:
    """One of the claim's people is there, another person stands for the other: unless the
    claim's verbs are there too, the sentence tells of something else ("Moskau und Pjöngjang
    haben ein Treffen zwischen Putin und Kim bestätigt" - "… nach dem abgebrochenen Treffen
    zwischen Kim und US-Präsident Donald Trump")."""
    return (any(value.kind == "person" for value in result.conflicts[0].claim)
            and any(value.kind == "person" for value, _ in result.matched))


def _people_tied(result: Comparison, claim: Passage) -> bool:
    """A claim about two people or more ("Trump traf Kim in Hanoi") is told only where the sentence
    ties those people together: each named in it or in the one before (the article naming one
    elsewhere is not enough; nor is the sentence before if it names someone else too), the place
    said (not taken from the article's setting), and - if the sentence names another person too -
    the claim's people a pair there (not each with a preposition of their own: "Gipfel mit Trump
    … Kim beim … Putin" pairs Trump with Kim, not with Putin) with the place theirs ("mit …
    Trump in Hanoi" is where Trump met Kim)."""
    people = [v for v in claim.values if v.kind == "person"]
    if len(people) < 2:
        return True
    passage, before = result.evidence.passage, result.evidence.before
    nearby = {id(v) for v in result.present_nearby}
    matched = {id(v): found for v, found in result.matched}
    if not _speaks_of_both(passage) and any(
            id(v) not in nearby and id(v) not in matched for v in people if any(v is p for p in result.present)):
        return False  # only the article names them
    if result.from_setting:
        result.setting_people = people  # the setting must name them too (``_drop_supports_elsewhere``)
    described = {id(v) for v in result.described}
    from_before = [v for v in people if id(v) in nearby and id(v) not in described]
    if from_before and before is not None and any(
            not any(relation(c, o) == "equal" for c in people) for o in before.names if o.kind == "person"):
        return False  # "… traf … Kim Jong Un den russischen Präsidenten Wladimir Putin. … Gipfel mit Trump …"
    found = [matched[id(v)] for v in people if id(v) in matched]
    strangers = [o for o in passage.names if o.kind == "person" and o.clause in result.main_clauses
                 and not any(relation(c, o) == "equal" for c in claim.names)]
    if not strangers or len(found) < 2:
        return True
    paired = any(not one.marker or not other.marker or _coordinated(passage.text, one, other)
                 for one, other in combinations(found, 2))
    return paired and all(_place_is_theirs(place, passage, found + strangers, found)
                          for place, at in result.matched if place.kind == "place" for place in [at])


def _speaks_of_both(passage: Passage) -> bool:
    """ "Beide Seiten …", "… beschenkten sich gegenseitig", "der Staatschefs" (data/both_parties.txt)."""
    return any(_folded(word.text).startswith(_both_parties()) for word in passage.words)


@lru_cache(maxsize=None)
def _both_parties() -> tuple[str, ...]:
    return tuple(_folded_set("both_parties.txt"))


def _place_is_theirs(place: Value, passage: Passage, people: list[Value], theirs: list[Value]) -> bool:
    """The person named last before a place is whose place it is: "Gipfel mit … Trump in Hanoi"."""
    before = [v for v in people if v.end <= place.start and v.clause == place.clause]
    return not before or any(max(before, key=lambda v: v.end) is v for v in theirs)


def _another_person_doing_it_too(result: Comparison, claim: Passage) -> bool:
    """Another person in the place of the claim's, where only names tie the sentence to the claim:
    "Bereits ab heute nimmt Putin am Wirtschaftsforum in Wladiwostok teil" says nothing against
    "Xi Jinping nahm am Gipfel in Wladiwostok teil" - both may. A year or a figure pins the event
    down ("Putin, nicht Medwedew" for "… besuchte Pjöngjang im Jahr 2000"), and so does an office
    only one person holds ("Südkoreas Präsident Moon Jae In")."""
    conflict = result.conflicts[0]
    if not _is_person_conflict(conflict) or conflict.office_holder:
        return False
    if any(word.text[:1].isupper() and _is_role_word(word.text) for word in claim.words):
        return False  # an office has one holder: "Die Oberbürgermeisterin von Regensburg heißt Anna Huber"
    anchors = [value for value, _ in result.matched] + result.present_nearby
    if not anchors or any(value.kind not in NAME_KINDS for value in anchors):
        return False
    # two names where the claim has them ("Kim Jong Un traf in Wladiwostok erstmals Xi Jinping" -
    # "… traf in Wladiwostok erstmals … Kim Jong Un den … Präsidenten Wladimir Putin"), or the
    # claim's sentence nearly word for word, tell the same event with another person in it
    tied = [found for value, found in result.matched
            if found.clause == conflict.evidence[0].clause and found.marker == value.marker]
    worded_alike = result.context >= STRONG_CONTEXT and len(claim.words) >= MIN_WORDS_ALIKE
    return len(tied) < 2 and not worded_alike


def counts_people(value: Value) -> bool:
    """ "Rund 8000 Menschen": a count of people that only the verb tells apart (data/people_nouns.txt)."""
    return bool(value.noun & _people_nouns())


@lru_cache(maxsize=None)
def _people_nouns() -> frozenset[str]:
    return frozenset(key for word in lexicon_lines("people_nouns.txt") for key in word_keys(word))


def _misses_a_thing(result: Comparison, claim: Passage) -> bool:
    """A concrete thing of the claim ("einen Hund", a term of ``facts``) that neither the
    sentence nor the one before has: "Putin schenkte Kim einen Hund" is not told by "…
    beschenkten sich gegenseitig mit einem Säbel, und Kim bekam … ein Teeglas-Set"."""
    return any(word.start in claim.terms for word in result.missing_nouns)


def _misses_a_name(result: Comparison, claim: Passage) -> bool:
    """Two capitalised claim words in a row that neither the sentence nor the one before has:
    most likely a name the extractor did not know ("Harry Kane brachte Leverkusen in Führung"
    is not "Josip Stanišić brachte die Gastgeber in Führung")."""
    missing = {id(word) for word in result.missing_nouns}
    return any(id(first) in missing and id(second) in missing
               and claim.text[first.start + len(first.text):second.start] == " "
               for first, second in zip(claim.words, claim.words[1:]))


def _values_carry(result: Comparison, claim: Passage) -> bool:
    """Every value of the claim, a figure among them, stands in this very sentence: then it is
    the same statement even when the claim words it differently ("Anna Berger wurde mit 54,3 %
    gewählt" - "Anna Berger setzte sich mit 54,3 Prozent durch")."""
    figures = [v for v, _ in result.matched if v.kind not in NAME_KINDS and v.kind != "year"]
    matched = {id(v) for v, _ in result.matched}
    # where it happened may be named around the sentence or be the article's setting
    # ("Regensburg hat eine neue Oberbürgermeisterin: Anna Berger setzte sich mit 54,3 Prozent durch")
    places = [v for v in claim.values if id(v) not in matched and v.kind == "place"
              and any(v is p for p in result.present)]
    if not figures or len(claim.values) < CARRYING_VALUES or len(matched) + len(places) < len(claim.values):
        return False
    result.from_setting += [p for p in places if not any(p is q for q in result.present_in_role)]
    return True


def _stance(result: Comparison, claim: Passage) -> str:
    words_needed = bool(claim.words)
    # names found only elsewhere in the article do not tie this sentence to the claim
    anchors = len(result.matched) + len(result.present_nearby)
    if result.conflicts:
        # another office of the very person named here needs no more words in common
        office = _office_differs(result)
        # a person the claim does not name, for the one it names: the sentence must say the rest
        needed = STAND_IN_CONTEXT if result.conflicts[0].stand_in else (
            REFUTE_CONTEXT if anchors else REFUTE_CONTEXT_ALONE)
        same_subject = (
            len(result.conflicts) == 1
            and not result.missing
            and (result.context >= needed or not words_needed or office)
            and (anchors or not result.strangers or not claim.names)
            # a person the claim names, met only elsewhere in the article: this sentence is about
            # someone else ("Mehr als 10.000 Nordkoreaner arbeiten noch in Russland" says nothing
            # of where Andrei Lankow works)
            and not _person_only_in_article(result)
            # another person for the claim's: the claim's rarest word must be there too ("Juri
            # Uschakow ist Berater des russischen Präsidenten" is no claim about Medwedew)
            and not (_is_person_conflict(result.conflicts[0]) and words_needed and not result.distinctive)
            and not result.other_time
            and not (result.verbs_missing and (_counts_people(result.conflicts[0])
                                               or _another_pair(result)))
            and not _another_person_doing_it_too(result, claim)
        )
        return "refutes" if same_subject and not result.negation_differs else "related"
    if result.missing or result.bounds:
        return "related"
    if claim.values:
        nearby = {id(v) for v in result.present_nearby}
        meeting = sum(v.kind == "person" for v in claim.values) >= 2
        supported = (
            # a value in the sentence; or, for a sentence saying nearly all the claim says, a name
            # in the one before ("Laut Konstantin Asmolow … . Konkrete Ergebnisse … erwartet er nicht.")
            (bool(result.matched) or (bool(result.present_nearby) and result.context >= STRONG_CONTEXT
                                      and not result.verbs_missing))
            # where something happened must be said here - or the rest of the sentence must
            # match so closely that the article's setting can stand in ("Die Wahlbeteiligung lag …")
            and all(_place_told(v, result, nearby, meeting) for v in result.present
                    if v.kind == "place" and v.marker in _place_markers())
            and (result.context >= SUPPORT_CONTEXT or not words_needed)
            and result.coverage >= SUPPORT_COVERAGE
            # the claim's rarest word is most likely what it is about
            and (result.distinctive or result.context >= STRONG_CONTEXT)
        ) or (result.context >= REFUTE_CONTEXT and _values_carry(result, claim))
    else:
        supported = result.context >= VALUELESS_SUPPORT_CONTEXT and len(claim.words) >= 2
    if (not supported or _misses_a_name(result, claim) or result.other_time or _misses_a_thing(result, claim)
            or result.office_untold or not _people_tied(result, claim)):
        return "related"
    if result.swapped:  # the same words, but who does it to whom the other way round
        return "refutes" if result.swapped == "full" and not result.negation_differs else "related"
    if result.negation_differs:
        # "nicht" against a sentence that only shares words ("…, während des Streiks auf die
        # S-Bahn auszuweichen") says nothing: the sentence must say nearly all the claim says -
        # and of the people a claim about two names ("Konkrete Auswirkungen wird der Gipfel wohl
        # keine haben" is not about where Kim and Putin met)
        meeting = sum(v.kind == "person" for v in claim.values) >= 2
        return "refutes" if result.context >= NEGATION_CONTEXT and not (
            meeting and _person_only_in_article(result)) else "related"
    return "supports"


# --------------------------------------------------------------------------
# Family ties: who is whose father
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class KinTie:
    """ "Kim Jong Il ist der Vater von Kim Jong Un": ``relative`` Kim Jong Il, ``noun`` "vater",
    ``of`` Kim Jong Un; either person may be unknown ("Kims Großvater")."""

    relative: Optional[Value]
    noun: str
    of: Optional[Value]


@dataclass(frozen=True)
class _Relation:
    noun: str  # as written in the lexicon: "Großvater"
    article: str  # "der"
    inverse: frozenset[str]  # folded nouns of the tie seen from the other side
    once: bool  # a person has one only (a father)


@lru_cache(maxsize=None)
def _relations() -> dict[str, _Relation]:
    """data/relation_inverses.tsv, by folded noun."""
    table = {}
    for row in lexicon_rows("relation_inverses.tsv"):
        if len(row) >= 3:
            table[fold(row[0])] = _Relation(row[0], row[1], frozenset(fold(n) for n in row[2].split(",") if n),
                                            len(row) > 3 and row[3] == "einmalig")
    return table


@lru_cache(maxsize=65536)
def _relation_noun(word: str) -> str:
    folded = _folded(word)
    for candidate in (folded, folded[:-1], folded[:-2]):
        if candidate in _relations():
            return candidate
    return ""


_OF_AFTER = re.compile(r"\s+(?:von|vom|des|der)\s+")
_APPOSITION = re.compile(r"^\s*[,–—-]?\s*$")
_APPOSITION_BEFORE = re.compile(r"^\s*[,–—-]\s*(?:der|die|das)?\s*$|^\s+(?:ist|war|sei)\s+(?:der|die|das|ein|eine)?\s*$")
_COPULA_AFTER = re.compile(r"^\s+(?:ist|war)\s+")


def kin_ties(passage: Passage, evidence: Optional[Evidence] = None) -> list[KinTie]:
    """The family ties a passage states: "Kims Vater, Kim Jong Il", "Kim Jong-uns Großvater Kim
    il-Sung", "Kim Jong Il – der Vater des jetzigen Machthabers –" (the article's Machthaber),
    "Kim Jong Un ist der Sohn von …", "der Vater von Kim Jong Un ist …"."""
    people = sorted([v for v in passage.values if v.kind == "person"]
                    + (described_people(passage, evidence) if evidence else []), key=lambda v: v.start)
    ties = []
    for match in _WORD.finditer(passage.text):
        noun = _relation_noun(match.group()) if match.group()[:1].isupper() else ""
        if not noun:
            continue
        start, end = match.span()
        of, of_end = _owner(passage.text, people, start, end)
        relative = _relative(passage.text, people, start, of_end, of)
        if relative is not None or of is not None:
            ties.append(KinTie(relative, noun, of))
    return ties


def _owner(text: str, people: list[Value], start: int, end: int) -> tuple[Optional[Value], int]:
    """Whose relative: "Kims Vater", "der Vater von Kim Jong Un", "des jetzigen Machthabers"."""
    before = next((v for v in people if v.end <= start and text[v.end:start] == " " and v.text.endswith("s")), None)
    if before is not None:
        return before, end
    after = _OF_AFTER.match(text, end)
    if after:
        following = next((v for v in people if v.start >= after.end() and v.start - after.end() <= 30
                          and not re.search(r"[,.;:–—]", text[after.end():v.start])), None)
        if following is not None:
            return following, following.end
    return None, end


def _relative(text: str, people: list[Value], start: int, of_end: int, of: Optional[Value]) -> Optional[Value]:
    """Who the relative is: named right after ("Kims Vater, Kim Jong Il"), before ("Kim Jong Il –
    der Vater …", "Kim Jong Un ist der Vater …"), or after "ist" ("Kims Vater ist …")."""
    others = [v for v in people if v is not of]
    after = next((v for v in others if v.start >= of_end and _APPOSITION.match(text[of_end:v.start])), None)
    if after is not None:
        return after
    before = next((v for v in reversed(others) if v.end <= start and _APPOSITION_BEFORE.match(text[v.end:start])), None)
    if before is not None:
        return before
    copula = _COPULA_AFTER.match(text, of_end)
    return next((v for v in others if copula and v.start >= copula.end() and v.start - copula.end() <= 8), None)


def _kin_same(one: Optional[Value], other: Optional[Value]) -> bool:
    return one is not None and other is not None and _name_relation(
        replace(one, relative_of=frozenset()), replace(other, relative_of=frozenset())) == "equal"


def _kin_exact(one: Optional[Value], other: Optional[Value]) -> int:
    return int(one is not None and other is not None and one.name == other.name)


def kin_stance(claim: KinTie, found: KinTie) -> tuple[str, Optional[KinTie]]:
    """("supports" | "refutes" | "", the tie the sentence states) for one claimed tie."""
    relations = _relations()
    inverse = relations[claim.noun].inverse
    straight = _kin_same(claim.relative, found.relative) and _kin_same(claim.of, found.of)
    swapped = _kin_same(claim.relative, found.of) and _kin_same(claim.of, found.relative)
    if straight and swapped:  # "Kim" is either: the closer spelling decides
        exact = _kin_exact(claim.relative, found.relative) + _kin_exact(claim.of, found.of)
        straight = exact >= _kin_exact(claim.relative, found.of) + _kin_exact(claim.of, found.relative)
        swapped = not straight
    if straight:
        return ("supports" if found.noun == claim.noun else "refutes"), found
    if swapped:
        return ("supports" if found.noun in inverse else "refutes"), found
    if claim.relative is None and _kin_same(claim.of, found.of):
        # "Putin traf Kims Großvater" - "… traf Kims Vater, Kim Jong Il"
        return ("supports" if found.noun == claim.noun else "refutes"), found
    if (_kin_same(claim.of, found.of) and found.noun == claim.noun and relations[claim.noun].once
            and claim.relative is not None and found.relative is not None):
        return "refutes", found  # one father only: "Kim Il Sung ist der Vater von Kim Jong Un"
    return "", None


def kin_said(tie: KinTie) -> str:
    """ "Kim Jong Il ist der Vater von Kim Jong Un" (a person the text leaves unnamed: "jemand")."""
    relation = _relations()[tie.noun]

    def name(value: Optional[Value]) -> str:
        if value is None:
            return tr("jemand", "someone")
        text = value.label or value.text
        return text[:-1] if text.endswith("s") and value.name and text[:-1].split()[-1:] and \
            _folded(text[:-1].split()[-1]) in value.name else text
    return tr(f"{name(tie.relative)} ist {relation.article} {relation.noun} von {name(tie.of)}",
              f"{name(tie.relative)} is the {relation.noun} of {name(tie.of)}")


def _judge_kinship(claim: Passage, result: Comparison) -> None:
    """A claim about a family tie is told only by a sentence stating that tie: the same tie
    supports, another tie of the same people (or another father) refutes, a sentence without
    one says nothing about it - whoever else it names."""
    if not any(_relation_noun(word.text) for word in claim.words):
        return  # most claims name no family tie: no need to read one
    claimed = kin_ties(claim)
    if not claimed:
        return
    evidence = result.evidence
    stated = kin_ties(evidence.passage, evidence)
    other_trouble = (result.bounds or any(v.kind != "person" for v in result.missing)
                     or any(v.kind != "person" for c in result.conflicts for v in c.claim))
    # "Sohn" is told by "Vater" the other way round: the tie's nouns need not be there
    other_words = [w for w in claim.words if not _relation_noun(w.text)]
    for tie in claimed:
        for found in stated:
            stance, said = kin_stance(tie, found)
            if stance == "supports" and other_trouble:
                # the tie is right, something else is not ("Putin traf Kims Vater 2003 …")
                if result.stance != "refutes":
                    result.stance = "related"
                return
            if stance == "refutes" and other_trouble:
                continue  # two differences: another event
            if stance and (stance == "refutes" or not other_words or result.context >= SUPPORT_CONTEXT):
                result.stance, result.kin = stance, (said if stance == "refutes" else None)
                return
    result.stance = "related"


# --------------------------------------------------------------------------
# 4. The verdict
# --------------------------------------------------------------------------


def check_claim(store: Store, claim: str) -> ClaimCheck:
    """Check one claim against the articles in ``store`` (never raises for bad input)."""
    prepared = prepare_claim(claim)
    if prepared.problem in ("empty", "question", "no_claim"):
        return _not_checkable(prepared)
    passage, candidates = retrieve(store, read_claim(prepared.text))
    recased = _recased(prepared.text, candidates)
    if recased != prepared.text:  # "kim reiste mit dem zug nach moskau": names and nouns as the articles write them
        prepared = replace(prepared, text=recased)
        passage, candidates = retrieve(store, read_claim(recased))
    comparisons = [compare(passage, evidence) for evidence in candidates]
    _drop_refutations_off_topic(store, comparisons)
    _drop_supports_elsewhere(store, comparisons)
    _drop_names_not_in_article(store, comparisons)
    if prepared.problem == "english":
        return _english(prepared, passage, comparisons)
    return decide(prepared, passage, comparisons)


def _recased(text: str, candidates: list[Evidence]) -> str:
    """A claim typed all in lower case, with each word cased as the candidate sentences write it
    inside a sentence (names and nouns capitalised), or as data/places.tsv writes a place: the
    extractor reads names and figures by their case. A claim with capitals is left as typed."""
    if not any(ch.isupper() for ch in text[1:]) and len(_WORD.findall(text)) >= 2:
        forms: dict[str, Counter] = {}
        for evidence in candidates:
            for passage in (evidence.passage, evidence.before):
                for word in _WORD.findall(passage.text)[1:] if passage else ():
                    forms.setdefault(_folded(word), Counter())[word] += 1
        known = _places_by_key()

        def cased(match: re.Match) -> str:
            word = match.group()
            folded = _folded(word)
            if folded in _stopwords():
                return word
            seen = forms.get(folded)
            if seen:
                return seen.most_common(1)[0][0]
            return known[folded].name if folded in known else word
        return _WORD.sub(cased, text)
    return text


def _drop_refutations_off_topic(store: Store, comparisons: list[Comparison]) -> None:
    """A sentence refutes only if its article knows the claim's nouns it leaves out.

    "Gliese 12 b ist 40 Lichtjahre entfernt" is not refuted by "TOI-2285 b ist 120
    Lichtjahre entfernt": that article never mentions Gliese. But "Ihre Amtszeit
    beträgt sechs Jahre" does refute "Die Amtszeit der Oberbürgermeisterin beträgt
    acht Jahre": the article is about the Oberbürgermeisterin.
    """
    for comparison in comparisons:
        if comparison.stance != "refutes" or not comparison.missing_nouns or _office_differs(comparison):
            continue  # another office of a person named here is on topic
        words = _article_words(store, comparison.article_id)
        # the thing a figure counts may be what the claim gets wrong ("2000 Tonnen Reis" for Weizen)
        counted = {key for conflict in comparison.conflicts for value in conflict.claim for key in value.noun}
        stems = [_stem_prefix(noun.text) for noun in comparison.missing_nouns if not noun.keys & counted]
        if not all(any(word.startswith(stem) for word in words) for stem in stems):
            comparison.stance = "related"
        elif counted and any(any(word.startswith(_stem_prefix(noun.text)) for word in words)
                             for noun in comparison.missing_nouns if noun.keys & counted):
            # an article that knows the claim's thing ("Gemeinderat") words it differently
            # ("19 Rätinnen und Räte"): the same figure, not another thing
            comparison.stance = "related"


def _office_differs(comparison: Comparison) -> bool:
    """Another office, or another employer, of a person the sentence names."""
    return any(conflict.affiliation or any(value.kind == "role" for value in conflict.claim)
               for conflict in comparison.conflicts)


def _drop_supports_elsewhere(store: Store, comparisons: list[Comparison]) -> None:
    """A sentence that does not say where ("Die Wahlbeteiligung lag bei 74,4 Prozent") supports
    "… in Sachsen" only when Sachsen is the article's setting: named in its title or first sentence.
    An article that merely mentions Moskau does not place its Treffen there."""
    for comparison in comparisons:
        if comparison.stance != "supports" or not comparison.from_setting:
            continue
        setting = _article_setting(store, comparison.article_id)
        # "Trump traf Kim in Wladiwostok" is not told by "… Gipfel mit US-Präsident Trump …" in an
        # article set in Wladiwostok whose title and lead name Kim and Putin
        if not (all(place.name <= setting for place in comparison.from_setting)
                and all(person.name & setting for person in comparison.setting_people)):
            comparison.stance = "related"


def _drop_names_not_in_article(store: Store, comparisons: list[Comparison]) -> None:
    """ "Das Heidenreich-Werk in Homburg …" is the sentence "Das Werk in Homburg …" only in an
    article that names Heidenreich."""
    for comparison in comparisons:
        if comparison.stance == "related" or not comparison.article_must_name:
            continue
        words = _article_words(store, comparison.article_id)
        if not all(any(word.startswith(_stem_prefix(part)) for word in words)
                   for part in comparison.article_must_name):
            comparison.stance = "related"


def _article_setting(store: Store, article_id: int) -> frozenset[str]:
    """Name tokens (see ``_name_tokens``) of the article's title and first sentence."""
    article = store.article(article_id) or {}
    sentences = store.sentences(article_id)
    text = f"{article.get('title') or ''} {sentences[0]['text'] if sentences else ''}"
    return frozenset(token for word in _WORD.findall(text) if word[:1].isupper()
                     for token in _name_tokens(word))


def _article_words(store: Store, article_id: int) -> frozenset[str]:
    """The article's words as FTS5 folds them: a claim noun's stem may start any of them
    ("Norden" - "Norddeutschland"), the test is only whether the article is about it at all."""
    text = (store.article(article_id) or {}).get("text") or ""
    return frozenset(_fts_fold(word) for word in _WORD.findall(text))


def decide(prepared: PreparedClaim, claim: Passage, comparisons: list[Comparison]) -> ClaimCheck:
    """Put the sentences' stances together into one verdict with its explanation."""
    supports = _best_per_article(c for c in comparisons if c.stance == "supports")
    refutes = _best_per_article(c for c in comparisons if c.stance == "refutes")
    supporting_articles = {c.article_id for c in supports}
    refutes_elsewhere = [c for c in refutes if c.article_id not in supporting_articles]
    result = ClaimCheck(
        claim=prepared.original, verdict="not_found", explanation="", checked=prepared.text,
        claim_facts=[v.as_dict() for v in claim.values], note=prepared.note,
    )
    if supports and refutes_elsewhere:
        result.verdict = "disputed"
        result.evidence = [c.evidence.as_dict("supports") for c in supports[:3]] + \
            [c.evidence.as_dict("refutes") for c in refutes_elsewhere[:3]]
        result.explanation = _disputed_text(supports, refutes_elsewhere)
        result.as_of = supports[0].evidence.row["date"]
    elif supports:
        result.verdict = "supported"
        result.evidence = [c.evidence.as_dict("supports") for c in supports[:3]]
        result.explanation = _supported_text(supports[0], prepared.text)
        result.as_of = supports[0].evidence.row["date"]
    elif refutes:
        result.verdict = "refuted"
        result.evidence = [c.evidence.as_dict("refutes") for c in refutes[:3]]
        result.explanation = _refuted_text(refutes[0], prepared.text)
        result.as_of = refutes[0].evidence.row["date"]
    else:
        bounded = next((c for c in comparisons if c.bounds and not c.conflicts), None)
        result.explanation = tr("Dazu steht nichts in den Artikeln.", "The articles say nothing about this.")
        if bounded:
            result.evidence = [bounded.evidence.as_dict("related")]
            result.explanation += " " + _bound_text(bounded)
            result.as_of = bounded.evidence.row["date"]
    return result


def _best_per_article(comparisons: Iterable[Comparison]) -> list[Comparison]:
    best: dict[int, Comparison] = {}
    for comparison in sorted(comparisons, key=lambda c: (c.exact, c.relevance), reverse=True):
        best.setdefault(comparison.article_id, comparison)
    return list(best.values())


def _not_checkable(prepared: PreparedClaim) -> ClaimCheck:
    if prepared.problem == "empty":
        text = tr("Bitte eine Behauptung eingeben.", "Please enter a claim.")
    elif prepared.problem == "no_claim":
        text = tr(
            "Das ist keine Behauptung, die ich prüfen kann. Bitte eine Aussage über die Artikel "
            "eingeben, z. B. „Putin besuchte 2000 Pjöngjang.“",
            "That is not a claim I can check. Please state something about the articles, "
            "e.g. “Putin besuchte 2000 Pjöngjang.”",
        )
    else:
        text = tr(
            "Das ist eine Frage, keine Behauptung. Zum Prüfen bitte als Aussage formulieren, "
            "z. B. „Putin besuchte 2000 Pjöngjang.“",
            "That is a question, not a claim. To check something, state it, "
            "e.g. “Putin besuchte 2000 Pjöngjang.”",
        )
    return ClaimCheck(claim=prepared.original, verdict="not_found", explanation=text,
                      checked=prepared.text, problem=prepared.problem)


def _english(prepared: PreparedClaim, claim: Passage, comparisons: list[Comparison]) -> ClaimCheck:
    """English claims: say so honestly, and show sentences with the same names and numbers."""
    related = [c for c in comparisons if len(c.matched) >= 2 and not c.conflicts]
    explanation = tr(
        "Die Artikel sind deutsch, und ich prüfe nur Behauptungen auf Deutsch. "
        "Bitte auf Deutsch formulieren, z. B. „Putin besuchte 2000 Pjöngjang.“",
        "The articles are German, and I only check claims written in German. "
        "Please rephrase in German, e.g. “Putin besuchte 2000 Pjöngjang.”",
    )
    if related:
        explanation += " " + tr("Dieselben Namen und Zahlen stehen hier:", "The same names and numbers appear here:")
    return ClaimCheck(
        claim=prepared.original, verdict="not_found", explanation=explanation, checked=prepared.text,
        evidence=[c.evidence.as_dict("related") for c in related[:3]],
        claim_facts=[v.as_dict() for v in claim.values], note=prepared.note, problem="english",
    )


# --------------------------------------------------------------------------
# 5. Saying it
# --------------------------------------------------------------------------


def source_name(article: dict) -> str:
    """ "DER STANDARD vom 25.04.2019", or the title when the source is unknown."""
    name = article.get("source") or f"„{article.get('title') or article.get('file')}“"
    date = local_date(article.get("date"))
    return tr(f"{name} vom {date}", f"{name} of {date}") if date else name


def _as_of(comparison: Comparison, claim_text: str = "") -> str:
    """ "Das ist der Stand vom 25.04.2019 („derzeit“)." when the sentence ties its figure to the
    day it was written - or the claim asks about now ("Der Handel beträgt heute …")."""
    row = comparison.evidence.row
    word = _time_word(row["text"])
    if not word and not _time_word(claim_text):
        return ""
    said = tr(f" („{word}“)", f" (“{word}”)") if word else ""
    if not row.get("date"):
        return " " + tr(f"Das gilt zum Zeitpunkt des Artikels{said}; sein Datum ist nicht bekannt.",
                        f"That holds as of the article{said}, whose date is not known.")
    date = local_date(row["date"])
    if word:
        return " " + tr(f"Das ist der Stand vom {date}{said}.", f"That is the state of {date}{said}.")
    return " " + tr(f"Das ist der Stand vom {date}, dem Datum des Artikels; heute kann es anders sein.",
                    f"That is the state of {date}, the article's date; it may be different today.")


def _time_word(text: str) -> Optional[str]:
    """The first word tying the text to its moment ("derzeit", "noch 1.240 …"); "noch" before a
    comparative ("noch stärker", "noch mehr") is no time word."""
    words = _WORD.findall(text)
    for previous, word, following in zip([""] + words, words, words[1:] + [""]):
        if fold(word) not in _time_words():
            continue
        if fold(word) == "noch" and (fold(following) in ("mehr", "weniger", "einmal", "immer")
                                     or (following.endswith("er") and following[:1].islower())
                                     or fold(following) in _INDEFINITE or fold(previous) in _ADDING):
            continue  # "noch stärker"; "bekam zusätzlich noch ein Teeglas-Set" adds, it tells no time
        return word
    return None


_ADDING = frozenset({"zusatzlich", "dazu", "ausserdem", "auch"})


def _supported_text(comparison: Comparison, claim_text: str = "") -> str:
    source = source_name(comparison.evidence.article)
    figures = [found for _, found in comparison.matched if found.kind not in NAME_KINDS]
    # "im ersten Wahlgang" is no figure to repeat when there are others ("61 Prozent")
    figures = [f for f in figures if f.kind != "ordinal"] or figures
    values = ", ".join(dict.fromkeys(found.with_noun for found in figures)).rstrip(".")
    text = tr(f"Laut {source} stimmt das", f"According to {source}, that is right")
    return text + (f": {values}." if values else ".") + _as_of(comparison, claim_text)


def _refuted_text(comparison: Comparison, claim_text: str = "") -> str:
    source = source_name(comparison.evidence.article)
    if comparison.kin is not None:  # "Laut ORF: Kim Jong Il ist der Vater von Kim Jong Un."
        return tr(f"Laut {source}: {kin_said(comparison.kin)}.", f"According to {source}: {kin_said(comparison.kin)}.")
    if not comparison.conflicts and len(comparison.opposites) == 1:  # "sanken", not "stiegen"
        claimed, found = comparison.opposites[0]
        return tr(f"Laut {source}: „{found.text}“, nicht „{claimed.text}“.",
                  f"According to {source}: “{found.text}”, not “{claimed.text}”.") + _as_of(comparison, claim_text)
    if not comparison.conflicts:  # the claim negates what the article says, or the reverse
        # who does what to whom, the other way round: the whole sentence says it
        said = comparison.evidence.passage.text.rstrip(" .!?\"“”") if comparison.swapped else comparison.main_text()
        return tr(f"Laut {source} ist es umgekehrt: „{said}“.",
                  f"According to {source} it is the other way round: “{said}”.") + _as_of(comparison, claim_text)
    conflict = comparison.conflicts[0]
    says, instead = conflict.says(), conflict.instead_of().rstrip(".")  # "nicht 32. Minute", not "32.."
    return tr(f"Laut {source}: {says}, nicht {instead}.",
              f"According to {source}: {says}, not {instead}.") + _as_of(comparison, claim_text)


def _side(comparison: Comparison) -> str:
    source = source_name(comparison.evidence.article)
    if comparison.kin is not None:
        return tr(f"laut {source} {kin_said(comparison.kin)}", f"according to {source} {kin_said(comparison.kin)}")
    if comparison.conflicts:
        values = comparison.conflicts[0].says()
    else:
        found = [f for _, f in comparison.matched if f.kind not in NAME_KINDS] or [f for _, f in comparison.matched]
        values = ", ".join(f.with_noun for f in found) or tr("wie behauptet", "as claimed")
    return tr(f"laut {source} {values}", f"according to {source} {values}")


def _disputed_text(supports: list[Comparison], refutes: list[Comparison]) -> str:
    sides = "; ".join(_side(c) for c in supports[:2] + refutes[:2]).rstrip(".")  # "… 88." ends it
    return tr(f"Die Quellen widersprechen sich: {sides}.", f"The sources disagree: {sides}.")


def _bound_text(comparison: Comparison) -> str:
    claim_value, found = comparison.bounds[0]
    source = source_name(comparison.evidence.article)
    claimed = claim_value.in_running_text
    return tr(f"Laut {source}: {found.shown} – ob es {claimed} sind, steht dort nicht.",
              f"According to {source}: {found.shown} – whether it is {claimed} is not said.")
