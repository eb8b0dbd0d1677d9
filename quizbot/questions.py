"""Questions from facts: generate many candidates, rank them, keep the good ones.

For every fact in a usable sentence the generator tries four kinds:

- **open**: a W-question, only where a rule is confident about the German
  (the answer is the sentence's first constituent, or a place/year adverbial
  after a plain subject, or a speaker, a role, an institution, a distance);
- **cloze**: the sentence with a gap and an answer-type hint;
- **choice**: the open question (else the cloze) with three distractors of the
  same type and scale that are certainly wrong;
- **truefalse**: the statement as written, or with one checkable detail
  changed (the correction is stored).

Every question names its context ("laut dem Artikel vom 25. April 2019") so
that it can be answered on its own, in an export as in the chat. Candidates
are scored (sentence quality, unresolved references, length, kind) and the
best are kept: no duplicates, no answer inside its own question.

Generation is deterministic: random choices are seeded by the article hash.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache, partial
from typing import Callable, Iterable, Iterator, Optional, Sequence

from quizbot import numbers
from quizbot.facts import (
    NOMINATIVE_PRONOUNS,
    Place,
    Token,
    function_words,
    organisations,
    places,
    role_of,
    speech_verbs,
    tokenize,
)
from quizbot.hints import hint_for
from quizbot.i18n import tr
from quizbot.models import Article, Fact, Question, Sentence
from quizbot.resources import lexicon_lines, lexicon_rows
from quizbot.text import fold as _fold_uncached
from quizbot.variants import group_of, key as variant_key, variants_of

fold = lru_cache(maxsize=65536)(_fold_uncached)  # the same names and sentences are folded again and again

GAP = "_____"
KEEP_SCORE = 0.5  # candidates below this are dropped
MAX_PER_SENTENCE = 3  # variety over one sentence asked five ways
MIN_WORDS = 5
MIN_QUESTION_REST_WORDS = 3  # words after "Wer <verb>" that make a question worth asking
MAX_WORDS = 50
CAPTION_MIN_WORDS = 9  # a heading this long that reads as a sentence is a photo caption
CHOICES = 4
MAX_CHOICE_QUOTE_WORDS = 4  # longer quotations are recognised by their grammar among the options
CORPUS_FIGURE_RANGE = 5  # another article's figure is an option within this factor: not 41,20 Euro for 5 Euro
ADDITIVE_UNITS = frozenset({"°C", "°F", "K"})  # temperatures are not confused by a factor of ten
ANAPHOR_PENALTY = 0.15  # per word pointing outside the question ("dieser", "ihm")
SUBJECT_PRONOUNS = frozenset({"er", "sie"})  # after the verb they are the clause's unresolved subject
DEMONSTRATIVES = frozenset({"das", "dies", "diese", "dieser", "dieses"})  # before a verb: "Das sind 40 Prozent mehr"
# Before a noun: "diese Replik", "in jenem Jahr" (data/deictic_nouns.txt: not "in dieser Woche")
DEMONSTRATIVE_DETERMINERS = frozenset({
    "dieser", "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenes", "jenem", "jenen",
})
DEFINITE_ARTICLES = frozenset({"Der", "Die", "Das", "Dem", "Den", "Des"})
QUOTE_OPENERS = frozenset("„“\"»«‚")
MAX_CONTEXT_CHARS = 300  # a longer sentence before is too much to read as context
STRONG_NEED, WEAK_NEED = 2, 1  # how much a sentence depends on the one before
# When there is no sentence before to show: a question that needs it cannot stay (every kind's
# weight times 0.5 is below KEEP_SCORE), one that only leans on it is ranked down a little.
NO_CONTEXT_PENALTY = {STRONG_NEED: 0.5, WEAK_NEED: 0.05}
OPEN_NEED_PENALTY = 0.2  # an open question cannot show the sentence it depends on
# … unless it takes nothing from the sentence but a name and its role or institution: "Wer ist
# laut dem Artikel chinesischer Präsident?" from "Seitdem gab es vier Gipfel mit dem chinesischen Präsidenten Xi …"
SELF_CONTAINED_OPEN_FORMS = frozenset({"role", "affiliation"})
EARLY_WORDS = 6  # a pronoun this early in a sentence points back
SHORT_SENTENCE_WORDS = 9  # a shorter sentence without a name leans on the one before
MAX_TITLE_WORDS = 10  # an undated article is named by its title (else its headline part) this short
NUMERIC_KINDS = frozenset({"amount", "count", "duration", "distance", "percent", "factor"})
ENTITY_KINDS = frozenset({"person", "place", "organisation"})
TIME_KINDS = frozenset({"year", "date"})

# How much each kind of question and fact is worth before the sentence is judged.
KIND_WEIGHT = {"open": 1.0, "choice": 0.9, "cloze": 0.85, "truefalse": 0.8}
FACT_WEIGHT = {
    "amount": 1.0, "count": 1.0, "distance": 1.0, "duration": 0.95, "percent": 1.0, "factor": 0.9,
    "year": 0.95, "date": 0.9, "ordinal": 0.8, "person": 0.9, "place": 0.8, "organisation": 0.85,
    "quote": 0.85, "term": 0.75,
}
# A continent is one of a handful: "über das Mittelmeer nach _____" (Europa) is guessed, not known.
BROAD_PLACE_TYPES = {"kontinent": 0.6}
# Places whose peers are the world's: a country or a capital of the article set is a plausible
# option whatever its region ("Moskau" for "Washington"); a town is compared with its neighbours.
WORLD_PLACE_TYPES = frozenset({"land", "hauptstadt"})
# A gap for a name is easier to guess than a gap for a figure: names recur, figures do not.
ENTITY_GAP_PENALTY = 0.05

# W-words for an answer that is the sentence's first constituent.
_WHO = "Wer"
_PLACE_QUESTION_WORD = {"in": "Wo", "im": "Wo", "nach": "Wohin", "aus": "Woher"}
# Roles held by one person at a time make "Wer ist … ?" questions with one answer.
_SINGLE_HOLDER_GROUPS = frozenset({"politik", "diplomatie", "militär", "justiz", "kirche"})
# Photo position markers in captions: "Sergei Schoigu (l.)".
_POSITION_MARKER = re.compile(r"\s\((?:l|r|M|Mitte|li|re|links|rechts|v\. ?l\. ?n\. ?r)\.?\)")
_CORRELATES = frozenset({"damit", "darauf", "davon", "dafür", "daran", "darüber", "dazu"})
_WORD = re.compile(r"\w+")
_ONE_SCALE = re.compile(r"\bein(?:e)? (?:Million|Milliarde|Billion)")
_NUMERAL = re.compile(r"\d+(?:[.,]\d+)*")
_ABBREVIATION_AFTER = re.compile(r" \([A-ZÄÖÜ][\wÄÖÜäöü-]{0,8}[A-ZÄÖÜ][\w-]{0,4}\)")  # " (BGH)", " (WHO)", " (BVerfG)"
_DEFINITE_OPENING = re.compile(r"(?:Der|Die|Das|Den|Dem) ([A-ZÄÖÜ][a-zäöüß]{3,})\b")
_AGE_NOUN_OPENING = re.compile(r"(?:Der|Die) \d+-Jährige\b")
_YEAR_SPAN = re.compile(r"\d{4}\s*(?:[-–/]|bis)\s*\d{2,4}")
_PARENTHETICAL = re.compile(r"\s[–-]\s[^–]+?\s[–-]\s|\s\([^)]*\)")  # " – ebenfalls in Wladiwostok – "
_INFINITIVE_CLAUSE_END = re.compile(r"\bzu \w+$|\w+zu\w+en$")
_CHARACTERISATION = re.compile(
    r"^(?P<subject>.+?) (?P<verb>bezeichnete|bezeichnet|nannte|nennt) (?P<object>.+?) als [„\"»“]"
)
_DISTANCE_TAIL = re.compile(r"^\s+(?P<from>(?:von|vom)\s[^,.;–]+?)\s+entfernt\b")
# What somebody said, in its marks:
_QUOTATION = re.compile(r"„[^“]*“|»[^«]*«|«[^»]*»|\"[^\"]*\"|“[^”]*”")
_AFFILIATION_GAP = re.compile(r" (?:vom|von der|von den|von) ")  # "Andrei Lankow von der Kookmin-Universität"
# A relation noun right before a name: "Kims Großvater ", "Kims Vater, ", "den Vater des aktuellen Machthabers, "
_RELATION_BEFORE = re.compile(
    r"(?P<noun>[A-ZÄÖÜ][\w-]*)(?: (?:des|der|von|vom)(?: [a-zäöüß]+)* [A-ZÄÖÜ][\w-]*)?,? $"
)
# … or in an apposition right after it: " – der Vater des jetzigen Machthabers", ", die Tochter von …"
_RELATION_AFTER = re.compile(
    r"^(?:,| [–-]| \() (?:der |die |das |dem |den )?(?:[a-zäöüß]+ ){0,2}(?P<noun>[A-ZÄÖÜ][\w-]*)"
)
_DISTANCE_TO = re.compile(r"^(?:Nach|Bis nach|Bis) (?P<to>\S+(?: \S+)?) sind es $")


# --------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _anaphors() -> tuple[tuple[str, ...], frozenset[str]]:
    """(anaphors anywhere as padded word strings, anaphors that may open a sentence as folded text)."""
    rows = lexicon_rows("anaphors.txt")
    anywhere = tuple(f" {fold(row[0])} " for row in rows if row[1] in ("any", "time"))
    return anywhere, frozenset(fold(row[0]) for row in rows)


@lru_cache(maxsize=None)
def _pronoun_anaphors() -> frozenset[str]:
    """The one-word anaphors that count anywhere ("ihnen", "dieser", "dort", "damals")."""
    return frozenset(row[0] for row in lexicon_rows("anaphors.txt") if row[1] in ("any", "time") and " " not in row[0])


@lru_cache(maxsize=None)
def _time_anaphors() -> frozenset[str]:
    """"damals", "danach": they point to a time, which the sentence itself may give before them."""
    return frozenset(row[0] for row in lexicon_rows("anaphors.txt") if row[1] == "time")


@lru_cache(maxsize=None)
def _time_given() -> re.Pattern[str]:
    """A year or a month name: the time a later "damals" in the same sentence means."""
    months = "|".join(_month_names().values())
    return re.compile(rf"\b(?:1\d{{3}}|20\d{{2}}|{months})\b")


def _resolved_here(text: str, word: str, position: int) -> bool:
    """Is the anaphor ``word`` at ``position`` resolved within ``text``: "Freiburg hatte bereits 2022 im
    Finale gestanden, damals aber …"? Only a time anaphor after a year or month is."""
    return fold(word) in _time_anaphors() and bool(_time_given().search(text, 0, position))


@lru_cache(maxsize=None)
def _deictic_nouns() -> frozenset[str]:
    return frozenset(fold(line) for line in lexicon_lines("deictic_nouns.txt"))


@lru_cache(maxsize=None)
def _relation_nouns() -> frozenset[str]:
    """"Großvater", "Sohn", "Sprecher": nouns that make a name somebody's relative or aide."""
    return frozenset(fold(line) for line in lexicon_lines("relation_nouns.txt"))


@lru_cache(maxsize=None)
def _reported_speech_words() -> tuple[frozenset[str], frozenset[str]]:
    """(subjunctive verb forms of indirect speech, words that name its source)."""
    rows = lexicon_rows("reported_speech.txt")
    return (frozenset(r[1] for r in rows if r[0] == "subjunctive"),
            frozenset(r[1] for r in rows if r[0] == "attribution"))


@lru_cache(maxsize=None)
def _time_bound_stems() -> tuple[str, ...]:
    return tuple(fold(stem) for stem in lexicon_lines("time_bound_roles.txt"))


def _time_bound(role: str) -> bool:
    """"damaliger russischer Präsident": a role that held at some time, not now."""
    return any(fold(word).startswith(_time_bound_stems()) for word in role.split())


@lru_cache(maxsize=None)
def _movable_adverbs() -> frozenset[str]:
    return frozenset(lexicon_lines("movable_adverbs.txt"))


@lru_cache(maxsize=None)
def _truefalse_words() -> dict[bool, list[str]]:
    """True/False -> the accepted answers, the shown one first ("richtig", "wahr", …)."""
    return {row[0] == "true": row[1:] for row in lexicon_rows("truefalse_answers.tsv")}


@lru_cache(maxsize=None)
def _before_now_pattern() -> re.Pattern[str]:
    """"zuletzt", "zum letzten Mal", "bisher" … (data/before_now_words.txt) as whole words."""
    words = sorted(lexicon_lines("before_now_words.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _counts_back_from_now(text: str) -> bool:
    """Does the text count back from the article's own event ("Zuletzt war es 2011 …")?"""
    return bool(_before_now_pattern().search(text))


@lru_cache(maxsize=None)
def _month_names() -> dict[int, str]:
    return {int(row[0]): row[1] for row in lexicon_rows("months.tsv")}


@lru_cache(maxsize=None)
def _lexicon_places(kind: Optional[str], article: Optional[str], region: Optional[str],
                    importance: int) -> tuple[tuple[str, ...], ...]:
    """Lexicon places of one type and article (a fallback for distractors), in tiers of plausibility:
    of the answer's region and importance; of its importance elsewhere, for a world power only
    (Russland and China, Moskau and Washington); of its region and one step less known.
    Never a small state for a well-known one (data/places.tsv, column 5)."""
    fitting = [
        place for place in dict.fromkeys(places().values())
        if place.type == kind and place.article == article and not place.after_preposition_only and not place.alias_of
    ]
    same_region = [p for p in fitting if _region_of(p, kind) == region]
    return (
        tuple(p.name for p in same_region if p.importance == importance),
        tuple(p.name for p in fitting if _region_of(p, kind) != region and p.importance == importance == 1),
        tuple(p.name for p in same_region if abs(p.importance - importance) == 1 and (p.importance < 3 or importance == 3)),
    )


def _sample(rng: random.Random, names: Sequence[str], size: int = 12) -> list[str]:
    """A seeded random pick from a list, in random order (only a few are needed)."""
    return rng.sample(list(names), min(size, len(names)))


@lru_cache(maxsize=None)
def _lexicon_organisations(kind: Optional[str], gender: Optional[str], abbreviated: bool) -> tuple[str, ...]:
    """Lexicon organisations of one type (or type family, "staat") and gender, one spelling each
    (not the inflected "Europäischen Union"); abbreviations ("EuGH") when the answer is one ("BGH")."""
    return tuple(
        name for name, organisation in organisations().items()
        if kind in (organisation.type, _type_family(organisation.type)) and organisation.gender == gender
        and not organisation.inflected and (organisation.canonical == name or abbreviated and _abbreviated(name))
    )


def _abbreviated(name: str) -> bool:
    """"BGH", "EuGH", "BVerfG", "CDU": a short name in capitals."""
    return " " not in name and len(name) <= 8 and sum(ch.isupper() for ch in name) >= 2


def _long_name(name: str) -> bool:
    """"Weltgesundheitsorganisation", "Europäische Kommission": a name spelt out (not "IG Metall")."""
    if " " in name:
        return not any(_abbreviated(word) for word in name.split())
    return len(name) >= 12


def _same_form(option: str, answer: str) -> bool:
    """Options keep the answer's form: no "UNO" among "Weltgesundheitsorganisation"s, no
    "Bundesfinanzhof" among "BGH"s; short names ("Verdi", "Kreml") go with either."""
    if _abbreviated(answer):
        return not _long_name(option)
    return not (_long_name(answer) and _abbreviated(option))


def _type_family(kind: Optional[str]) -> Optional[str]:
    """"staat/justiz" -> "staat": the family of a type branch (a type without a branch is its own)."""
    return kind.split("/")[0] if kind else kind


# --------------------------------------------------------------------------
# Public helpers
# --------------------------------------------------------------------------


def question_key(kind: str, sentence_text: str, answer: str, form: str = "") -> str:
    """Stable identity of a question: the same question from the same sentence keeps its key."""
    digest = hashlib.sha1(f"{kind}|{form}|{sentence_text}|{answer}".encode("utf-8")).hexdigest()
    return digest[:16]


def _figure_kind(fact: Fact) -> str:
    """The kind a figure is asked and confused as: "71 Jahre alt" is an age, not a duration."""
    return "age" if fact.extra.get("age") else fact.kind


def is_question_material(sentence: Sentence) -> bool:
    """Body sentences and photo captions that read as sentences; not headlines, not questions."""
    text = sentence.text.strip()
    words = len(text.split())
    if words < MIN_WORDS or words > MAX_WORDS or text.endswith("?") or text[:1].islower():
        return False
    if text.startswith("(") and text.endswith((")", ").")):
        return False  # a byline or an aside: "(André Ballin aus Moskau, 25.4.2019)"
    return not sentence.heading or (words >= CAPTION_MIN_WORDS and _has_finite_verb(text))


_ADJECTIVE_FORM = re.compile(r"[a-zäöüß]+(?:e|en|em|er|es)")


def _has_finite_verb(text: str) -> bool:
    """Does a caption read as a sentence ("Rund neun Stunden dauert die Fahrt …") rather than a
    label ("Gastgeber Macron mit dem türkischen Präsidenten vor dem Palais du Pharo")? It needs a
    lowercase word that is neither a function word nor an adjective before its noun."""
    words = _WORD.findall(text)
    for word, following in zip(words, words[1:] + [""]):
        if not word.isalpha() or not word.islower() or word in function_words():
            continue
        if _ADJECTIVE_FORM.fullmatch(word) and following[:1].isupper():
            continue  # "dem türkischen Präsidenten"
        return True
    return False


# --------------------------------------------------------------------------
# The article being worked on
# --------------------------------------------------------------------------


class _Work:
    """One article being worked on, with what every candidate needs computed once."""

    def __init__(self, article: Article, sentences: list[Sentence], facts: list[Fact], pool: Sequence[Fact]) -> None:
        self.article = article
        self.sentences = {s.index: s for s in sentences}
        self.facts = facts
        self.where = _where(article)  # "laut dem Artikel vom 25. April 2019", "laut dem Artikel „…“"
        self.namings = _namings(article)  # other ways to name it, when the first tells an answer
        self.by_sentence: dict[int, list[int]] = defaultdict(list)
        for index, fact in enumerate(facts):
            self.by_sentence[fact.sentence_index].append(index)
        # One pass over the article's and the pool's facts (the pool is large, the article small).
        persons: list[Fact] = []
        self.corpus_places: dict[tuple, list[str]] = defaultdict(list)  # (type, article) or head -> names
        self.corpus_organisations: list[Fact] = []
        self.corpus_quotes: list[Fact] = []
        self._values: dict[tuple[str, Optional[str]], set[float]] = defaultdict(set)
        for fact in (*facts, *pool):
            kind = fact.kind
            if kind == "person":
                persons.append(fact)
            elif kind == "place":
                group = (("head", fact.extra["head"]) if fact.extra.get("head")
                         else (fact.extra.get("type"), fact.extra.get("article")))
                if fact.answer not in self.corpus_places[group]:
                    self.corpus_places[group].append(fact.answer)
            elif kind == "organisation":
                self.corpus_organisations.append(fact)
            elif kind == "quote":
                self.corpus_quotes.append(fact)
            elif kind in NUMERIC_KINDS and fact.value:
                self._values[(_figure_kind(fact), fact.unit)].add(fact.value)
        self.people = _people(persons)
        self.article_people = {person.name for person in _people(facts)}
        self.mentions = Counter((f.kind, _entity_name(f)) for f in facts if f.kind in ENTITY_KINDS)
        self.distractor_cache: dict[tuple, list[str]] = {}
        self._words: dict[int, str] = {}
        self._quantities: dict[int, list[numbers.Quantity]] = {}
        self._context: dict[int, tuple[str, float]] = {}
        self._tokens: dict[int, list[Token]] = {}
        self._vocabulary: Optional[frozenset[str]] = None

    def rng(self, *parts: object) -> random.Random:
        return random.Random(":".join([self.article.hash, *map(str, parts)]))

    def vocabulary(self) -> frozenset[str]:
        """The article's words, folded (computed when first needed)."""
        if self._vocabulary is None:
            self._vocabulary = frozenset(_WORD.findall(fold(" ".join(s.text for s in self.sentences.values()))))
        return self._vocabulary

    def facts_of(self, sentence_index: int) -> list[Fact]:
        return [self.facts[i] for i in self.by_sentence[sentence_index]]

    def values(self, fact: Fact) -> set[float]:
        """The figures of the fact's kind and unit in the article and the corpus (ages apart from durations)."""
        return self._values[(_figure_kind(fact), fact.unit)]

    def words_of(self, sentence_index: int) -> str:
        """A sentence as folded words between spaces, for whole-word lookups."""
        if sentence_index not in self._words:
            sentence = self.sentences.get(sentence_index)
            self._words[sentence_index] = _word_string(sentence.text) if sentence else ""
        return self._words[sentence_index]

    def tokens_of(self, sentence_index: int) -> list[Token]:
        """The tokens of a sentence without its closing punctuation (the body questions are made from)."""
        if sentence_index not in self._tokens:
            self._tokens[sentence_index] = tokenize(_sentence_body(self.sentences[sentence_index]))
        return self._tokens[sentence_index]

    def reading_context(self, sentence: Sentence) -> tuple[str, float]:
        if sentence.index not in self._context:
            self._context[sentence.index] = _reading_context(self, sentence)
        return self._context[sentence.index]

    def quality(self, sentence: Sentence) -> float:
        """How good a sentence is as question material, its context and references included."""
        return _sentence_quality(sentence) - self.reading_context(sentence)[1]

    def quantities_of(self, sentence_index: int) -> list[numbers.Quantity]:
        if sentence_index not in self._quantities:
            self._quantities[sentence_index] = numbers.find_quantities(self.sentences[sentence_index].text)
        return self._quantities[sentence_index]


def _where(article: Article) -> str:
    """How a question names its source: "laut dem Artikel vom 25. April 2019", else by title."""
    return _namings(article)[0]


def _namings(article: Article) -> list[str]:
    """The ways a question may name its article, the preferred first, "laut dem Artikel" last.

    In a quiz over several articles "laut dem Artikel" alone leaves the learner guessing
    which: an undated article is named by its title (one form of it, the one listed), else
    by its source. A title that tells the answer gives way to these, never to another title.
    """
    if article.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.date):
        year, month, day = (int(part) for part in article.date.split("-"))
        return [f"laut dem Artikel vom {day}. {_month_names()[month]} {year}"]
    found = []
    title = _short_title(article.title or "")
    if title:
        found.append(f"laut dem Artikel „{_inner_quotes(title)}“")
        # the same title cut after its topline, when the whole tells the answer
        # ("Treffen in Wladiwostok: Was Kim bei Putin erreichen will" for a question on Putin)
        topline = (article.title or "").partition(": ")[0].strip()
        if topline != title.strip() and len(topline.split()) >= 2 and ": " in (article.title or ""):
            found.append(f"laut dem Artikel „{_inner_quotes(topline)}: …“")
    source = re.sub(r"^(?:DER|DIE|DAS) ", "", (article.source or "").strip())
    if source and " " not in source:
        found.append(f"laut dem {source}-Artikel")  # "laut dem taz-Artikel", "laut dem SPIEGEL-Artikel"
    return list(dict.fromkeys([*found, "laut dem Artikel"]))


def _inner_quotes(text: str) -> str:
    """German quotation marks inside „…“ become single ones."""
    return text.replace("„", "‚").replace("“", "‘").replace('"', "")


def _short_title(title: str) -> str:
    """The one title an article is named by: the whole title as listed, or its headline part
    when the whole is too long ("Unwetter über Süddeutschland: Keller geflutet, Bahnstrecken
    gesperrt" -> "Keller geflutet, Bahnstrecken gesperrt"); "" when neither is short enough.

    Never the topline on its own and never a second form: one article, one name in every question.
    """
    title = title.strip().rstrip(".")
    if not title or title.endswith("…"):  # a title cut from the first paragraph names nothing
        return ""
    topline, _, headline = title.rpartition(": ")
    for candidate in (title, headline if topline and len(headline.split()) >= 3 else "", topline):
        if candidate and 2 <= len(candidate.split()) <= MAX_TITLE_WORDS:
            return candidate
    return ""


def _named(work: _Work, text: str, fact: Fact, answer: str) -> str:
    """The question naming its article in the first way that does not tell the answer
    (not "Inflation sinkt auf 2,4 Prozent" for a question about 2,4 Prozent)."""
    preferred = work.namings[0]
    naming = next(n for n in work.namings if n == work.namings[-1] or not _answer_in_question(n, fact, answer))
    if naming == preferred:
        return text
    return text.replace(preferred, naming, 1).replace(_capitalised(preferred), _capitalised(naming), 1)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


_HYPHENATED_LOWERCASE = re.compile(r"(?<![\w-])([a-zäöüß]+)-([a-zäöüß]+)(?![\w-])")


def _joined_hyphens(work: _Work, text: str) -> str:
    """"der nord-koreanische Machthaber" -> "der nordkoreanische Machthaber": a hyphen inside a
    lowercase word is a slip when the joined word is a known one, written so in the article or
    formed from a place name (Nordkorea); "russisch-nordkoreanische" keeps its hyphen."""
    def joined(match: re.Match[str]) -> str:
        word = match.group(1) + match.group(2)
        return word if _known_joined(work, word, len(match.group(1))) else match.group()
    return _HYPHENATED_LOWERCASE.sub(joined, text)


def _known_joined(work: _Work, word: str, hyphen_at: int) -> bool:
    folded = fold(word)
    if folded in work.vocabulary():
        return True
    # "nordkoreanisch" starts with "Nordkorea", and the hyphen was inside the place name
    return any(len(name) > hyphen_at and folded.startswith(name) for name in _place_stems())


@lru_cache(maxsize=None)
def _place_stems() -> tuple[str, ...]:
    """Folded one-word place names long enough to begin an adjective ("nordkorea", "sudkorea")."""
    return tuple(fold(name) for name in places() if " " not in name and "-" not in name and len(name) >= 5)


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------


def generate(article: Article, sentences: list[Sentence], facts: list[Fact], pool: Sequence[Fact] = ()) -> list[Question]:
    """The kept questions of an article, best first.

    ``pool`` holds facts of other articles (for distractors); it may be partial.
    """
    work = _Work(article, sentences, facts, pool)
    candidates: list[_Candidate] = []
    for index, fact in enumerate(facts):
        sentence = work.sentences.get(fact.sentence_index)
        if sentence is None or not is_question_material(sentence) or not _askable(fact):
            continue
        candidates.extend(_candidates(work, index, fact, sentence))
    candidates.extend(_truefalse_candidates(work))
    selected = _select([c for c in candidates if c.score >= KEEP_SCORE])
    return [replace(q, question=_joined_hyphens(work, q.question)) for q in selected]


@dataclass
class _Candidate:
    """A question as ranked: its score and identity are known before it is built.

    Choice and true/false questions need distractors, the costly part; they are
    built only when the ranking reaches them (and dropped if none are found).
    """

    score: float
    key: str
    kind: str
    sentence_index: int
    fact_index: Optional[int]
    build: Callable[[], Optional[Question]]

    @classmethod
    def of(cls, question: Question) -> _Candidate:
        return cls(question.score, question.key, question.kind, question.sentence_index, question.fact_index,
                   lambda: question)


def _candidates(work: _Work, index: int, fact: Fact, sentence: Sentence) -> list[_Candidate]:
    """The open questions, the cloze and a choice question (on the best open one, else on the cloze)."""
    opens = [_Candidate.of(q) for q in _open_questions(work, index, fact, sentence)]
    cloze = _cloze_candidate(work, index, fact, sentence)
    found = [*opens, *([cloze] if cloze else [])]
    stem = max(opens, key=lambda c: c.score) if opens else cloze
    if stem and (stem.kind == "open" or _drop_in(fact)):  # options in label form must fit a gap
        score = round(stem.score / KIND_WEIGHT[stem.kind] * KIND_WEIGHT["choice"], 3)
        key = question_key("choice", sentence.text, work.facts[stem.fact_index].answer, stem.key)
        found.append(_Candidate(score, key, "choice", sentence.index, stem.fact_index,
                                lambda: _choice(work, sentence, stem.build(), score, key)))
    return found


def _askable(fact: Fact) -> bool:
    """Not "Hunderte" (an order of magnitude, not a figure), nor "beim zweiten Gipfel" (a word ordinal)."""
    if fact.qualifier == "vague":
        return False
    if fact.kind == "year" and _YEAR_SPAN.search(fact.text):
        return False  # "nach dem Koreakrieg 1950-53": a span, not the year the hint asks for
    if fact.kind == "organisation" and fact.extra.get("spelt_out_before"):
        return False  # "der Bundesgerichtshof (BGH)": the name before the brackets tells it
    if fact.kind == "place" and fact.extra.get("before_name"):
        return False  # "_____ Harry Kane jubelt": Bayerns is his club, "Hessens" would be nonsense
    return fact.kind != "ordinal" or any(ch.isdigit() for ch in fact.text)


def _drop_in(fact: Fact) -> bool:
    """Can another answer of the same kind replace the span as written?

    Not "dreieinhalbstündigen" (an adjective) nor "der Technischen Universität" (an
    inflected name): options in the teacher's form would not fit there.
    """
    return fact.kind in ("person", "place") or fold(fact.text) == fold(fact.answer)


def _question(
    kind: str, text: str, answer: str, fact: Fact, index: int, sentence: Sentence,
    score: float, form: str, accepted: Iterable[str] = (),
) -> Question:
    """A question about ``fact`` (at ``index`` in the article's facts); ``form`` tells rules apart in the key."""
    return Question(
        kind=kind,
        question=_POSITION_MARKER.sub("", text),
        answer=answer,
        sentence_index=sentence.index,
        answer_type=fact.kind,
        accepted=_unique([answer, *accepted, *variants_of(answer, fact.kind)]),
        score=round(max(0.0, min(1.0, score)), 3),
        fact_index=index,
        hint=hint_for(_figure_kind(fact)),
        key=question_key(kind, sentence.text, fact.answer, form),
    )


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        if item and fold(item) not in seen:
            seen[fold(item)] = item
    return list(seen.values())


# --------------------------------------------------------------------------
# Judging a sentence
# --------------------------------------------------------------------------


def _sentence_quality(sentence: Sentence) -> float:
    """0..1: how good a sentence is as question material on its own."""
    words = len(sentence.text.split())
    score = 1.0
    if words > 30:
        score -= 0.1 + 0.01 * (words - 30)
    if words < 8:
        score -= 0.1
    if sentence.heading:
        score -= 0.1  # a caption: true, but often without the article's context
    if ":" in sentence.text and not _has_quote(sentence.text):
        score -= 0.05
    return score


def _has_quote(text: str) -> bool:
    return any(mark in text for mark in "„“\"»«")


def _opens_with_anaphor(text: str) -> bool:
    """Does the sentence start with "Er", "Dieser", "Das Land", … or have a pronoun subject
    right after its verb ("Kim lobte er als …", "Im Voraus hatten er und Kim erklärt")?"""
    raw = text.split()[:4]
    words = _word_string(" ".join(raw)).split()
    if not words:
        return False
    demonstrative = words[0] in DEMONSTRATIVES and len(raw) > 1 and raw[1][:1].islower()  # "Das sind …", not "Das Treffen"
    named = len(raw) > 2 and raw[2][:1].isupper()  # "Das Land Baden-Württemberg beteiligt sich": the name follows
    if _AGE_NOUN_OPENING.match(text):
        return True  # "Der 39-Jährige hatte das Amt …": who?
    pronoun_subject = bool(SUBJECT_PRONOUNS.intersection(words[1:4]))
    if text[:1] in QUOTE_OPENERS and words[0] in DEMONSTRATIVE_DETERMINERS and len(raw) > 1 and raw[1][:1].isupper():
        # „Diese Mannschaft hat nie aufgegeben“: the speaker's own team (but „Das ist …“ points back)
        return pronoun_subject
    return demonstrative or words[0] in _anaphors()[1] or (" ".join(words[:2]) in _anaphors()[1] and not named) or (
        pronoun_subject
    )


def _anaphor_count(text: str) -> int:
    """References to something outside the text ("er", "dieser", "das Land") anywhere in it;
    not "in dieser Woche" (the time of writing), nor a "damals" after the year it means."""
    words = _word_string(text)
    return sum(words.count(anaphor) for anaphor in _anaphors()[0]) - _harmless_count(text)


def _harmless_count(text: str) -> int:
    """How many of the anaphors counted anywhere are resolved in the text itself: "dieser", "diesem" …
    before a noun of the time of writing, "damals" after a year."""
    matches = list(_WORD.finditer(text))
    anywhere = _pronoun_anaphors()
    count = 0
    for match, following in zip(matches, [*matches[1:], None]):
        word = match.group()
        if fold(word) not in anywhere:
            continue
        now = following is not None and fold(following.group()) in _deictic_nouns()
        count += bool((word.lower() in DEMONSTRATIVE_DETERMINERS and now) or _resolved_here(text, word, match.start()))
    return count


def _fact_weight(fact: Fact) -> float:
    """What a fact is worth asking about, by its kind (and a place by its type)."""
    weight = FACT_WEIGHT.get(fact.kind, 0.8)
    if fact.kind == "place":
        weight *= BROAD_PLACE_TYPES.get(fact.extra.get("type"), 1.0)
    return weight


def _salience(work: _Work, fact: Fact) -> float:
    """A penalty for the article's main names: "Putin" or "Nordkorea" is guessed without reading."""
    if fact.kind not in ENTITY_KINDS:
        return 0.0
    mentions = work.mentions[(fact.kind, _entity_name(fact))]
    return 0.2 if mentions >= 8 else 0.1 if mentions >= 4 else 0.0


def _entity_name(fact: Fact) -> str:
    return fact.extra.get("full_name", fact.answer)


def _answer_in_question(question: str, fact: Fact, answer: str) -> bool:
    """Does the question give its answer away (the name, the number, the quotation)?"""
    words = _word_string(question)
    forms = {answer, fact.text, fact.answer}
    if fact.kind == "person":
        forms |= {part for part in _entity_name(fact).split() if len(part) > 2}
    if any(len(form) >= 2 and _word_string(form) in words for form in forms):
        return True
    if fact.kind in NUMERIC_KINDS | {"year", "ordinal"}:
        numerals = set(_NUMERAL.findall(question))
        return any(numeral in numerals for numeral in _NUMERAL.findall(fact.text) if len(numeral) >= 2)
    return False


@lru_cache(maxsize=65536)
def _word_string(text: str) -> str:
    """Folded words between single spaces, padded: " 34 millionen dollar ", for whole-word containment."""
    return f" {' '.join(_WORD.findall(fold(text)))} "


# --------------------------------------------------------------------------
# Cloze
# --------------------------------------------------------------------------


def _context_before(work: _Work, sentence: Sentence) -> Optional[Sentence]:
    """The previous sentence of the same paragraph, to show with a sentence that refers back."""
    previous = work.sentences.get(sentence.index - 1)
    if previous and previous.paragraph == sentence.paragraph and not previous.heading:
        return previous
    return None


def _reading_context(work: _Work, sentence: Sentence) -> tuple[str, float]:
    """The sentences to show before this one when it refers back ("Er besuchte …"), and a penalty:
    a little for the longer read, much when there is nothing to resolve the reference with."""
    lead, penalty = "", 0.0
    need = _reference_need(work, sentence)
    if need:
        lead = _context_chain(work, sentence)
        penalty = 0.1 if lead else NO_CONTEXT_PENALTY[need]
    return lead, penalty + ANAPHOR_PENALTY * min(2, _anaphor_count(sentence.text))


def _context_chain(work: _Work, sentence: Sentence) -> str:
    """The sentence before (and the one before that, when the first refers back itself):
    "Weltweit leben … 57 Millionen Menschen mit Demenz. Im Jahr 2019 waren es noch 55 Millionen." """
    previous = _context_before(work, sentence)
    if previous is None or len(previous.text) >= MAX_CONTEXT_CHARS:
        return ""
    text = previous.text.rstrip()
    if _reference_need(work, previous):
        earlier = _context_before(work, previous)
        if earlier and len(earlier.text) + len(text) < MAX_CONTEXT_CHARS:
            text = earlier.text.rstrip() + " " + text
    return text + " "


def _reference_need(work: _Work, sentence: Sentence) -> int:
    """How much a sentence depends on the one before: STRONG_NEED for a pronoun or demonstrative
    ("Er besuchte …", "Viele von ihnen …") or reported speech without its speaker ("Die Pläne seien
    überfällig."), WEAK_NEED for a short sentence without any name ("Erste Ergebnisse werden 2029
    erwartet.") or an "es" after the verb ("Im Jahr 2019 waren es noch 55 Millionen."), else 0."""
    text = sentence.text
    if _opens_with_anaphor(text) or _early_pronoun(work, sentence) or _unattributed_report(work, sentence):
        return STRONG_NEED
    if _demonstrative_pronoun(work.tokens_of(sentence.index)) or _demonstrative_determiner(text):
        return STRONG_NEED
    role_need = _role_without_name(work, sentence)
    if role_need:
        return role_need
    words = _word_string(" ".join(text.split()[:4])).split()
    if "es" in words[2:]:
        return WEAK_NEED
    if _object_anaphor(work, sentence):
        return WEAK_NEED  # "Tunesiens Präsident Kais Saied sagte zu, ihn auszurichten": what is "ihn"?
    if _takes_up_a_noun(work, sentence):
        return WEAK_NEED
    named = any(f.kind in ENTITY_KINDS for f in work.facts_of(sentence.index))
    return WEAK_NEED if len(text.split()) < SHORT_SENTENCE_WORDS and not named else 0


def _object_anaphor(work: _Work, sentence: Sentence) -> bool:
    """A pronoun other than the subject's ("ihn", "ihnen", "dort", "diesem") anywhere in the sentence."""
    return _object_anaphors(_sentence_body(sentence))


@lru_cache(maxsize=65536)
def _object_anaphors(text: str) -> bool:
    """Not "dieser Saison" ("dieser" as an article before its noun)."""
    anaphors = _pronoun_anaphors() - SUBJECT_PRONOUNS
    matches = list(_WORD.finditer(text))
    return any(
        fold(match.group()) in anaphors and not (following and following.group()[:1].isupper())
        and not _resolved_here(text, match.group(), match.start())
        for match, following in zip(matches, [*matches[1:], None])
    )


def _demonstrative_pronoun(tokens: list[Token]) -> bool:
    """"Spanien und Portugal lehnten das ab.": "das" standing for something said before, not an
    article ("das zweite Tor", "das 14 Meter lange Skelett") nor a relative pronoun (", das sich …")."""
    for index in range(1, len(tokens)):
        if tokens[index].text != "das" or tokens[index - 1].text in (",", "(", "–", "-"):
            continue
        following = tokens[index + 1].text if index + 1 < len(tokens) else "."
        after = tokens[index + 2].text if index + 2 < len(tokens) else ""
        if following[:1].isupper() or following[:1].isdigit() or following in ("„", '"', "»", "«"):
            continue  # "das Mittelmeer", "das 14 Meter lange Skelett"
        if _ADJECTIVE_FORM.fullmatch(following) and (after[:1].isupper() or after[:1].isdigit()):
            continue  # "das zweite Tor"
        return True
    return False


@lru_cache(maxsize=65536)
def _demonstrative_determiner(text: str) -> bool:
    """"Zumindest bei Kim dürfte diese Replik gut angekommen sein", "aus dieser chinesischen Abhängigkeit":
    a thing the sentence before told of. Not "in dieser Woche", "dieses Jahr": the time of writing;
    nor inside a quotation ("„Diese Mannschaft hat nie aufgegeben“"): the speaker's own."""
    tokens = tokenize(_QUOTATION.sub(" ", text))
    for index, token in enumerate(tokens):
        if token.text.lower() not in DEMONSTRATIVE_DETERMINERS:
            continue
        following = tokens[index + 1 : index + 4]
        noun = next((i for i, t in enumerate(following) if t.text[:1].isupper()), None)
        if noun is None or not all(_ADJECTIVE_FORM.fullmatch(t.text) for t in following[:noun]):
            continue  # "dieser meinte", "diese sind": a pronoun, judged elsewhere
        if fold(following[noun].text) not in _deictic_nouns():
            return True
    return False


def _role_without_name(work: _Work, sentence: Sentence) -> int:
    """A sentence that opens with a role and no name: "Der Minister kündigte an …" (STRONG_NEED:
    which minister?), "Dem nordkoreanischen Diktator dürfte …" (WEAK_NEED: the adjective
    narrows it down). Not "Der Sprecher des Komitees …", nor "Der Sicherheitsberater der USA,
    Jake Sullivan, …", which name who it is; 0 for any other opening."""
    tokens = work.tokens_of(sentence.index)
    if len(tokens) < 3 or tokens[0].text not in DEFINITE_ARTICLES:
        return 0
    index = 1
    while index < len(tokens) - 1 and _ADJECTIVE_FORM.fullmatch(tokens[index].text):
        index += 1
    if role_of(tokens[index].text) is None:
        return 0
    if any(f.kind == "person" and f.extra.get("phrase_start", f.start) == 0 for f in work.facts_of(sentence.index)):
        return 0
    if index + 1 < len(tokens) and tokens[index + 1].text in ("des", "der"):
        return WEAK_NEED  # "Der Sprecher des nordkoreanischen Komitees"
    return STRONG_NEED if index == 1 else WEAK_NEED


def _takes_up_a_noun(work: _Work, sentence: Sentence) -> bool:
    """"… vier Gipfel mit Xi … Die Gipfel haben viel dazu beigetragen": the subject names again
    what the sentence before introduced, so it means those."""
    opening = _DEFINITE_OPENING.match(sentence.text)
    previous = _context_before(work, sentence)
    if not opening or previous is None:
        return False
    noun = fold(opening.group(1))
    stem = noun[: max(4, len(noun) - 2)]  # "Gipfel" also finds "Gipfeln", "Gipfeltreffen"
    return any(word.startswith(stem) for word in _word_string(previous.text).split())


def _early_pronoun(work: _Work, sentence: Sentence) -> bool:
    """A pronoun among the first words that no name before it resolves ("Rund die Hälfte von ihnen …"),
    or a pronoun as the speaker ("„…“, sagte er.")."""
    tokens = work.tokens_of(sentence.index)
    if any(a.text in speech_verbs() and b.text in SUBJECT_PRONOUNS for a, b in zip(tokens, tokens[1:])):
        return True
    first_name = min((f.start for f in work.facts_of(sentence.index) if f.kind == "person"), default=len(sentence.text))
    for position, token in enumerate(tokens[:EARLY_WORDS]):
        if token.start >= first_name or fold(token.text) not in _pronoun_anaphors():
            continue
        if _resolved_here(sentence.text, token.text, token.start):
            continue  # "Im Mai 2019 … damals"
        following = tokens[position + 1].text if position + 1 < len(tokens) else ""
        if token.text.lower() in DEMONSTRATIVE_DETERMINERS and following[:1].isupper():
            continue  # an article: "in dieser Woche" is now, "diese Replik" is judged by _demonstrative_determiner
        return True
    return False


def _unattributed_report(work: _Work, sentence: Sentence) -> bool:
    """Indirect speech that names no speaker: "Viele von ihnen besäßen nur eine Wohnung"."""
    subjunctives, attributions = _reported_speech_words()
    words = [token.text for token in work.tokens_of(sentence.index)]
    if not subjunctives.intersection(words):
        return False
    if attributions.intersection(words) or speech_verbs().intersection(words):
        return False
    return not any(f.kind == "person" for f in work.facts_of(sentence.index))


def _with_context(work: _Work, sentence: Sentence, body: str, fact: Fact, answer: str) -> Optional[str]:
    """'Laut dem Artikel …: <body>', with the sentence before when this one refers back.

    None when that sentence would give the answer away.
    """
    lead, _ = work.reading_context(sentence)
    if lead and _answer_in_question(lead, fact, answer):
        return None
    prefix = work.where[0].upper() + work.where[1:]
    return _named(work, f"{prefix}: {lead}{body}", fact, answer)


def _cloze_candidate(work: _Work, index: int, fact: Fact, sentence: Sentence) -> Optional[_Candidate]:
    if fact.kind == "quote" and len(fact.text.split()) > 8:
        return None  # a long quotation is not something to type from memory
    score = work.quality(sentence) * KIND_WEIGHT["cloze"] * _fact_weight(fact)
    score -= _salience(work, fact) + (ENTITY_GAP_PENALTY if fact.kind in ENTITY_KINDS else 0.0)
    score = round(max(0.0, min(1.0, score)), 3)
    key = question_key("cloze", sentence.text, fact.answer, "gap")
    return _Candidate(score, key, "cloze", sentence.index, index, lambda: _cloze(work, index, fact, sentence, score))


def _replaced_end(text: str, fact: Fact) -> int:
    """Where the span a gap or a wrong option replaces ends: an organisation's abbreviation
    after it goes too ("der Bundesgerichtshof (BGH)": "der _____ (BGH)" would tell the answer)."""
    if fact.kind == "organisation":
        abbreviation = _ABBREVIATION_AFTER.match(text, fact.end)
        if abbreviation:
            return abbreviation.end()
    return fact.end


def _cloze(work: _Work, index: int, fact: Fact, sentence: Sentence, score: float) -> Optional[Question]:
    text = sentence.text
    gapped = text[: fact.start] + GAP + text[_replaced_end(text, fact) :]
    answer = fact.text  # what fits the gap: "dreieinhalbstündigen", "Nordkoreas"
    if answer[:1].isupper() and fact.start == 0 and fact.kind not in ENTITY_KINDS:
        answer = answer[0].lower() + answer[1:]  # "Mehr als 10.000" -> "mehr als 10.000"
    question = _with_context(work, sentence, gapped, fact, answer)
    if question is None or _answer_in_question(question, fact, answer):
        return None
    accepted = [fact.answer, fact.text, fact.extra.get("full_name", "")]
    return _question("cloze", question, answer, fact, index, sentence, score, "gap", accepted)


# --------------------------------------------------------------------------
# Open W-questions
# --------------------------------------------------------------------------


@dataclass
class _Open:
    """An open question a rule made; ``target`` is the index of the fact that answers it."""

    text: str
    answer: str
    form: str
    target: int
    penalty: float = 0.0
    accepted: tuple[str, ...] = ()


def _open_questions(work: _Work, index: int, fact: Fact, sentence: Sentence) -> list[Question]:
    makers = {
        "person": (_open_first_constituent, _open_speaker, _open_role, _open_affiliation),
        "place": (_open_first_constituent, _open_adverbial),
        "year": (_open_first_constituent, _open_adverbial),
        "count": (_open_first_constituent,),
        "duration": (_open_first_constituent,),
        "distance": (_open_distance,),
        "quote": (_open_characterisation, _open_quote_speaker),
    }
    results = []
    for make in makers.get(fact.kind, ()):
        made = make(work, index, fact, sentence)
        if made is None:
            continue
        target = work.facts[made.target]
        made.text = _named(work, made.text, target, made.answer)
        if _answer_in_question(made.text, target, made.answer):
            continue
        base = _sentence_quality(sentence) * KIND_WEIGHT["open"] * _fact_weight(target)
        asked = _without_naming(work, made.text)
        if _object_anaphors(asked) or _demonstrative_determiner(asked):
            continue  # "Wer sagte zu, ihn auszurichten?", "Wer erkennt in dieser Ausrichtung …?": an open
            # question shows no sentence that tells what "ihn" or "diese Ausrichtung" is
        if target.kind in TIME_KINDS and _counts_back_from_now(asked):
            continue  # "In welchem Jahr war es zuletzt zu einem Gipfel gekommen?": the summit the
            # article reports on is the last one too; only the article's sentence says "before this one"
        score = base - made.penalty - ANAPHOR_PENALTY * min(2, _anaphor_count(made.text)) - _salience(work, target)
        if _reference_need(work, sentence) == STRONG_NEED and made.form not in SELF_CONTAINED_OPEN_FORMS:
            score -= OPEN_NEED_PENALTY
        results.append(_question("open", made.text, made.answer, target, made.target, sentence, score,
                                 made.form, made.accepted))
    return results


def _without_naming(work: _Work, text: str) -> str:
    """The question without the article's name, whose date would seem to resolve a "damals"."""
    for naming in work.namings:
        text = text.replace(naming, "")
    return text


def _sentence_body(sentence: Sentence) -> str:
    return sentence.text.strip().rstrip(".!").rstrip()


def _verb_after(tokens: list[Token], position: int) -> Optional[Token]:
    """The finite verb when it is the first token at ``position``: lowercase, no function word."""
    following = [t for t in tokens if t.start >= position]
    if not following:
        return None
    verb = following[0]
    if verb.text.isalpha() and verb.text.islower() and verb.text not in function_words():
        return verb
    return None


def _main_clause(rest: str, keep_all: bool) -> str:
    """The clause the question is about: up to the first comma, semicolon, colon or dash.

    An infinitive clause ("…, humanitäre Hilfe zu leisten") completes its verb and
    stays; after a verb of saying everything stays (it is what was said).
    """
    rest = _PARENTHETICAL.sub(" ", rest).strip()
    if keep_all:
        return rest
    complement_kept = False
    for match in re.finditer(r"\s*(,(?=\s)|;|:(?=\s)|\s[–-]\s)\s*", rest):
        before, after = rest[: match.start()], rest[match.end() :]
        if match.group(1) == "," and _INFINITIVE_CLAUSE_END.search(after.split(",")[0]):
            continue
        if match.group(1) == "," and not complement_kept and _needs_complement(before, after):
            complement_kept = True  # "rechnet damit, dass …", "hatte betont, man werde …"
            continue
        return before
    return rest


def _needs_complement(before: str, after: str) -> bool:
    """Does the clause before a comma need the clause after it ("damit, dass …", "betont, man …")?"""
    last = before.rsplit(" ", 1)[-1]
    return after.split(" ", 1)[0] in ("dass", "ob") or last in _CORRELATES or last in speech_verbs()


def _lower_first(text: str) -> str:
    """Lowercase the first word when it is a function word moved from the sentence start."""
    first = text.split(" ", 1)[0]
    if fold(first) in function_words():
        return first.lower() + text[len(first) :]
    return text


def _open_first_constituent(work: _Work, index: int, fact: Fact, sentence: Sentence) -> Optional[_Open]:
    """The answer opens the sentence.

    "Mehr als 10.000 Nordkoreaner arbeiten …" -> "Wie viele Nordkoreaner arbeiten laut dem Artikel …?".
    """
    body = _sentence_body(sentence)
    start = fact.extra.get("phrase_start", fact.start)
    if start != 0:
        return None
    end = fact.end
    question_word = ""
    if fact.kind == "person":
        for other in work.facts_of(sentence.index):  # "Jeong Young-tae vom Seouler Institut …" is one subject
            if other.kind == "organisation" and other.answer == fact.extra.get("affiliation"):
                if re.fullmatch(r" (?:vom|von der|von) ", body[end : other.start]):
                    end = other.end
        question_word = _WHO
    elif fact.kind == "count":
        noun = fact.extra.get("noun")
        if not noun:
            return None
        if body[end:].startswith(" " + noun):
            end += len(noun) + 1
        elif not body[fact.start : fact.end].endswith(noun):
            return None
        question_word = f"Wie viele {noun}"
    elif fact.kind == "duration":
        question_word = "Wie lange"
    elif fact.kind == "year":
        question_word = "In welchem Jahr"
    elif fact.kind == "place":
        if fact.extra.get("type") != "land" or fact.extra.get("genitive"):
            return None
        question_word = "Welches Land"
    tokens = work.tokens_of(sentence.index)
    verb = _verb_after(tokens, end)
    if verb is None or body[end : verb.start].strip() or _object_first(tokens, verb):
        return None
    if fact.kind in ("person", "place") and (verb.text.endswith("en") or verb.text == "sind"):
        return None  # a plural verb: the subject is more than the answer ("Putin und Kim haben …")
    if fact.kind in ("person", "place") and any(
        f.kind in ENTITY_KINDS and f.extra.get("phrase_start", f.start) == verb.end + 1
        for f in work.facts_of(sentence.index)
    ):
        return None  # "Russland hatte Kim eingeladen": "Welches Land hatte Kim …?" reads both ways
    if fact.kind == "duration" and not verb.text.startswith("dauer"):
        return None
    if _reported_speech(body, verb.end):
        return None  # "Russland wolle …, sagte Lankow": the claim is Lankow's, not the article's
    rest = _main_clause(body[verb.end :], keep_all=verb.text in speech_verbs())
    if len(rest.split()) < MIN_QUESTION_REST_WORDS:
        return None  # "Wer rechnet laut dem Artikel damit?" says too little
    verb_text = verb.text
    if rest.startswith("sich "):  # "hat sich laut dem Artikel bereit gezeigt"
        verb_text, rest = verb_text + " sich", rest[5:]
    subject = next((f for f in work.facts_of(sentence.index) if f.kind == "person"
                    and f.extra.get("phrase_start", f.start) == verb.end + 1), None)
    if subject is not None and fact.kind != "person":  # "In welchem Jahr traf Putin laut dem Artikel …"
        verb_text += " " + body[verb.end + 1 : subject.end]
        rest = rest[subject.end - verb.end - 1 :].lstrip()
    question = f"{question_word} {verb_text} {work.where} {rest}?".replace(" ,", ",").replace(" ?", "?")
    accepted = (fact.extra.get("full_name", ""),) if fact.kind == "person" else (fact.text,)
    return _Open(question, fact.answer, "first", index, accepted=accepted)


def _reported_speech(body: str, position: int) -> bool:
    """Is what follows ``position`` somebody's words, attributed at the end (", sagte Putin")?"""
    return any(
        match.group(1) in speech_verbs() for match in re.finditer(r", (\w+) ", body[position:])
    )


def _subject_end(work: _Work, sentence: Sentence) -> Optional[int]:
    """Where a plain subject at the sentence start ends: a person, a country or city, or "Der Kreml"."""
    for fact in work.facts_of(sentence.index):
        begin = fact.extra.get("phrase_start", fact.start)
        if begin == 0 and fact.kind in ("person", "place", "organisation") and not fact.extra.get("genitive"):
            return fact.end
        if fact.kind == "organisation" and sentence.text.startswith(("Der ", "Die ", "Das ")) and fact.start == 4:
            return fact.end
    return None


@dataclass
class _Frame:
    """A simple main clause: subject, an adverb that opened it, the finite verb."""

    subject: str
    adverb: str
    verb: Token
    middle_start: int  # where the rest of the clause starts


def _frame(work: _Work, sentence: Sentence, body: str, tokens: list[Token]) -> Optional[_Frame]:
    """'Kim reiste …' -> (Kim, '', reiste); 'Zuletzt war es …' -> (es, zuletzt, war); else None."""
    subject_end = _subject_end(work, sentence)
    if subject_end is not None:
        verb = _verb_after(tokens, subject_end)
        if verb is None or body[subject_end : verb.start].strip() or _object_first(tokens, verb):
            return None
        return _Frame(body[:subject_end], "", verb, verb.end)
    if len(tokens) < 4 or tokens[0].text.lower() not in _movable_adverbs():
        return None
    verb = _verb_after(tokens, tokens[1].start)
    if verb is None:
        return None
    if tokens[2].text == "es":
        return _Frame("es", tokens[0].text.lower(), verb, tokens[2].end)
    for fact in work.facts_of(sentence.index):
        if fact.kind in ("person", "place") and fact.extra.get("phrase_start", fact.start) == tokens[2].start:
            return _Frame(body[tokens[2].start : fact.end], tokens[0].text.lower(), verb, fact.end)
    return None


def _object_first(tokens: list[Token], verb: Token) -> bool:
    """"Kim lobte er als …": a pronoun after the verb is the subject, the name before it the object."""
    following = [t.text for t in tokens if t.start >= verb.end][:1]
    return bool(following) and following[0] in NOMINATIVE_PRONOUNS


def _open_adverbial(work: _Work, index: int, fact: Fact, sentence: Sentence) -> Optional[_Open]:
    """A place or year in a simple clause: "Kim reiste … nach Wladiwostok" -> "Wohin reiste Kim …?"."""
    body = _sentence_body(sentence)
    tokens = work.tokens_of(sentence.index)
    frame = _frame(work, sentence, body, tokens)
    if frame is None or fact.start < frame.middle_start:
        return None
    verb = frame.verb
    if verb.text.endswith("en") or verb.text == "sind" or _reported_speech(body, verb.end):
        return None
    after_verb = body[frame.middle_start :]
    clause = _main_clause(after_verb, keep_all=False)
    clause_end = frame.middle_start + len(after_verb) - len(after_verb.lstrip()) + len(clause)
    if fact.end > clause_end or _PARENTHETICAL.search(body[frame.middle_start : clause_end]):
        return None
    before = [t for t in tokens if t.end <= fact.start]
    span_start, question_word = _adverbial_start(fact, before)
    if question_word is None:
        return None
    after = body[fact.end :].lstrip()
    if after.startswith(("und ", "oder ", ",")) and fact.kind == "place":
        return None  # "in Afghanistan und Libyen": one answer would be half of it
    if fact.kind == "year" and sum(1 for f in work.facts_of(sentence.index) if f.kind == "year") > 1:
        return None  # "2001 in Moskau und 2002 in Wladiwostok": which year?
    middle = f"{body[frame.middle_start : span_start]} {body[fact.end : clause_end]}"
    middle = re.sub(r"\s+", " ", middle).strip(" ,")
    subject = _lower_first(frame.subject)
    if middle.startswith("sich "):
        subject, middle = "sich " + subject, middle[5:]
    question = f"{question_word} {verb.text} {subject} {work.where} {frame.adverb} {middle}?"
    question = re.sub(r"\s+([?,])", r"\1", re.sub(r"\s+", " ", question))
    return _Open(question, fact.answer, "adverbial", index, 0.05, (fact.text,))


def _adverbial_start(fact: Fact, before: list[Token]) -> tuple[int, Optional[str]]:
    """Where the adverbial phrase of a place or year starts, and its W-word."""
    words = [t.text for t in before]
    if fact.kind == "place":
        preposition = fact.extra.get("preposition")
        if preposition == "aus" and len(words) >= 2 and words[-2][:1].isupper():
            return 0, None  # "einen Mieter aus Berlin": where the person is from, not where the action goes
        if preposition in _PLACE_QUESTION_WORD and words and words[-1] == preposition:
            return before[-1].start, _PLACE_QUESTION_WORD[preposition]
        if len(words) >= 2 and words[-2] in ("in", "nach", "aus") and words[-1] in ("der", "die", "den", "dem"):
            return before[-2].start, _PLACE_QUESTION_WORD[words[-2]]
        return 0, None
    if fact.kind == "year":
        if words[-2:] == ["im", "Jahr"] or words[-2:] == ["im", "Jahre"]:
            return before[-2].start, "In welchem Jahr"
        if words and (words[-1] not in function_words() or words[-1] in ("und",)) and not words[-1].isdigit():
            return fact.start, "In welchem Jahr"
    return 0, None


def _open_speaker(work: _Work, index: int, fact: Fact, sentence: Sentence) -> Optional[_Open]:
    """Reported speech: "Es solle …, sagte Uschakow." -> "Wer sagte laut dem Artikel, es solle …?"."""
    body = _sentence_body(sentence)
    start = fact.extra.get("phrase_start", fact.start)
    match = re.search(r", (\w+) (?:der |die |des )?$", body[:start] + " ")
    if not match or match.group(1) not in speech_verbs() or match.group(1) == "so":
        return None
    clause = body[: match.start()]
    if _has_quote(clause[:2]) or len(clause.split()) < 4:
        return None  # a quotation opens the sentence: asked by _open_quote_speaker
    question = f"Wer {match.group(1)} {work.where}, {_lower_first(clause)}?"
    return _Open(question, fact.answer, "speaker", index, 0.05, (fact.extra.get("full_name", ""),))


def _open_role(work: _Work, index: int, fact: Fact, sentence: Sentence) -> Optional[_Open]:
    """"Wer ist laut dem Artikel russischer Präsidentenberater?" — once per person, where the role is written."""
    role = fact.role
    full = fact.extra.get("full_name", fact.answer)
    if not role or "phrase_start" not in fact.extra or len(full.split()) < 2:
        return None
    if _type_family(fact.extra.get("group")) not in _SINGLE_HOLDER_GROUPS or _time_bound(role):
        return None
    if len(role.split()) < 2 and "-" not in role:
        return None  # "Präsident" alone: of which country?
    same_role = {_entity_name(f) for f in work.facts if f.kind == "person" and f.role == role}
    if len(same_role) > 1:
        return None  # two persons with this role: the question has no single answer
    first = next(f for f in work.facts if f.kind == "person" and _entity_name(f) == full and "phrase_start" in f.extra)
    if first is not fact:
        return None  # asked once per person, where the role is first written
    return _Open(f"Wer ist {work.where} {role}?", full, "role", index, accepted=(fact.answer,))


def _open_affiliation(work: _Work, index: int, fact: Fact, sentence: Sentence) -> Optional[_Open]:
    """"Welcher Einrichtung gehört Jeong Young-tae laut dem Artikel an?" where the institution is named."""
    affiliation = fact.extra.get("affiliation")
    target = next((i for i in work.by_sentence[sentence.index]
                   if work.facts[i].kind == "organisation" and work.facts[i].answer == affiliation), None)
    if target is None:
        return None  # the institution is named in another sentence
    full = fact.extra.get("full_name", fact.answer)
    return _Open(f"Welcher Einrichtung gehört {full} {work.where} an?", affiliation, "affiliation", target)


def _open_distance(work: _Work, index: int, fact: Fact, sentence: Sentence) -> Optional[_Open]:
    """"X ist 130 Kilometer von Y entfernt" -> "Wie weit ist X … von Y entfernt?";
    "Nach Moskau sind es 6500 Kilometer" after a sentence about X -> "Wie weit ist es von X nach Moskau?"."""
    body = _sentence_body(sentence)
    tail = _DISTANCE_TAIL.match(body[fact.end :])
    subject_end = _subject_end(work, sentence)
    subject_facts = [f for f in work.facts_of(sentence.index) if f.kind == "place" and f.start == 0]
    if tail and subject_end and subject_facts:
        origin = subject_facts[0].answer
        question = f"Wie weit ist {origin} {work.where} {tail.group('from')} entfernt?"
        return _Open(question, fact.answer, "distance", index, accepted=(fact.text,))
    to = _DISTANCE_TO.match(body[: fact.start])
    previous = work.sentences.get(sentence.index - 1)
    if to and previous and body[fact.end :].strip() == "":
        origins = [f for f in work.facts_of(previous.index) if f.kind == "place" and f.start == 0]
        if origins:
            question = f"Wie weit ist es {work.where} von {origins[0].answer} nach {to.group('to')}?"
            return _Open(question, fact.answer, "distance", index, 0.05, (fact.text,))
    return None


def _open_characterisation(work: _Work, index: int, fact: Fact, sentence: Sentence) -> Optional[_Open]:
    """A characterisation with its speaker as the subject.

    "Kim bezeichnete die Gespräche mit Putin als „sehr substanziell“"
    -> "Wie bezeichnete Kim laut dem Artikel die Gespräche mit Putin?"
    """
    if not fact.extra.get("characterisation") or not fact.extra.get("speaker"):
        return None
    match = _CHARACTERISATION.match(sentence.text)
    if not match or match.group("subject") != fact.extra["speaker"]:
        return None
    question = f"Wie {match.group('verb')} {match.group('subject')} {work.where} {match.group('object')}?"
    return _Open(question, fact.answer, "characterisation", index)


def _open_quote_speaker(work: _Work, index: int, fact: Fact, sentence: Sentence) -> Optional[_Open]:
    """"Wer sagte laut dem Artikel: „Wir konnten … sprechen“?" for a quotation of four words or more."""
    speaker = fact.extra.get("speaker")
    if not speaker or len(fact.text.split()) < 4 or fact.extra.get("characterisation") or not fact.text[0].isupper():
        return None  # a fragment ("dass es existiert …") is asked through the reported speech
    target = next((i for i in work.by_sentence[sentence.index]
                   if work.facts[i].kind == "person" and work.facts[i].answer == speaker), None)
    if target is None:
        return None  # an institution speaks: "…“, teilte der Kreml mit"
    full = work.facts[target].extra.get("full_name", "")
    return _Open(f"Wer sagte {work.where}: „{fact.text}“?", speaker, "quote-speaker", target, accepted=(full,))


# --------------------------------------------------------------------------
# Choice
# --------------------------------------------------------------------------


def _choice(work: _Work, sentence: Sentence, stem: Optional[Question], score: float, key: str) -> Optional[Question]:
    """The stem question with the answer and three distractors, in a seeded order."""
    if stem is None:
        return None
    target = work.facts[stem.fact_index]
    answer = stem.answer
    if target.kind == "person":
        answer = _entity_name(target)  # choices show full names, the answer too
        if len(answer.split()) < 2:
            return None  # "Reiter" among full names stands out; its full name is not known
    wrong = _distractors(work, target, answer, stem.kind == "cloze")
    if len(wrong) < CHOICES - 1:
        return None
    options = [answer, *wrong[: CHOICES - 1]]
    work.rng("order", stem.key).shuffle(options)
    return replace(stem, kind="choice", answer=answer, accepted=_unique([answer, *stem.accepted]),
                   choices=options, score=score, key=key)


def _distractors(work: _Work, fact: Fact, answer: str, in_gap: bool, statement: bool = False) -> list[str]:
    """Wrong answers of the same type and scale, none equal to the answer, none also true here,
    each a different thing: "Kim Jong Un" and "Kim Jong-un" are one option, and not the answer's.

    ``statement``: for a false statement, where one plausible wrong detail is wanted, not three.
    """
    cache_key = (id(fact), in_gap, statement)
    if cache_key not in work.distractor_cache:
        rng = work.rng("distractors", fact.sentence_index, fact.start, fact.kind)
        taken = {_option_identity(fact, text) for text in (fact.text, fact.answer, _entity_name(fact))}
        found: list[str] = []
        for option in _candidate_options(work, fact, rng, in_gap, statement):
            identity = _option_identity(fact, option)
            if identity in taken or (fact.kind not in NUMERIC_KINDS and _also_true_here(work, fact, option)):
                continue
            taken.add(identity)
            found.append(option)
            if len(found) == CHOICES:  # one spare, in case the caller's answer form is among them
                break
        work.distractor_cache[cache_key] = found
    answer_identity = _option_identity(fact, answer)
    return [option for option in work.distractor_cache[cache_key]
            if _option_identity(fact, option) != answer_identity][: CHOICES - 1]


def _option_identity(fact: Fact, option: str) -> str:
    """What an option stands for: one key for the spellings of one name ("Kim Jong Un", "Kim
    Jong-un"; "Peking", "Beijing"). Figures keep their text: "2,4 Prozent" is not "24 Prozent"."""
    if fact.kind in NUMERIC_KINDS or fact.kind in ("year", "date", "ordinal"):
        return fold(option)
    group = group_of(option)
    return variant_key(group[0] if group else option)


def _candidate_options(work: _Work, fact: Fact, rng: random.Random, in_gap: bool, statement: bool) -> Iterator[str]:
    if fact.kind in NUMERIC_KINDS:
        return _number_distractors(work, fact, rng)
    if fact.kind == "year":
        return iter(_year_distractors(work, fact, rng))
    if fact.kind == "person":
        return iter(_person_distractors(work, fact, rng, statement))
    if fact.kind == "place":
        return _place_distractors(work, fact, rng, genitive=in_gap and bool(fact.extra.get("genitive")),
                                  statement=statement)
    if fact.kind == "organisation":
        return _organisation_distractors(work, fact, rng)
    if fact.kind == "quote":
        return iter(_quote_distractors(work, fact, rng))
    return iter(())


def _also_true_here(work: _Work, fact: Fact, option: str) -> bool:
    """Is this option stated in the same or a neighbouring sentence (then it is no safe wrong answer)?"""
    needle = _word_string(option)
    return any(needle in work.words_of(index) for index in range(fact.sentence_index - 1, fact.sentence_index + 2))


def _number_distractors(work: _Work, fact: Fact, rng: random.Random) -> Iterator[str]:
    """Confusions students make (×10, ÷10, swapped digits, a near value) and other figures with the same unit."""
    quantity = next((q for q in work.quantities_of(fact.sentence_index) if q.start == fact.start), None)
    if quantity is None or not quantity.value or quantity.upper is not None:
        return
    written = quantity.number if quantity.number is not None else quantity.value
    if quantity.unit in ADDITIVE_UNITS:  # 22 Grad: 19, 25, 28 — not 220
        near = [written + step for step in (-3, 3, -6, 6, 10, -10)]
    elif fact.extra.get("age"):  # 71 Jahre alt: 68, 75, 81 — not 710 or 7,1
        near = [written + step for step in (-4, 4, -7, 7, 10, -10) if written + step > 0]
    elif written == int(written) and written < 10:  # vier Gipfel: drei, fünf, sechs, acht (not "eins")
        near = [n for n in (written + 1, written - 1, written + 2, written * 2, written - 2) if n >= 2]
    else:
        near = [written * 10, written / 10, _swapped_digits(written), written * 2, written / 2, written * 1.5]
    rng.shuffle(near)
    factors = [candidate / written for candidate in near if candidate]
    corpus = sorted({
        value / quantity.value for value in work.values(fact)
        if 1 / CORPUS_FIGURE_RANGE <= value / quantity.value <= CORPUS_FIGURE_RANGE and value != quantity.value
    })
    rng.shuffle(corpus)
    # Mostly the classic confusions, and one figure of the corpus when there is one.
    ordered = factors[:1] + corpus[:1] + factors[1:] + corpus[1:]
    lead, _ = work.reading_context(work.sentences[fact.sentence_index])
    stated = [*work.quantities_of(fact.sentence_index), *numbers.find_quantities(lead)]  # shown with the question
    for factor in ordered:
        option = _scaled(quantity, factor)
        if option is None or (option.unit == "%" and option.value > 100 >= quantity.value):
            continue  # no plausible figure, or 306 Prozent of the votes
        if option.kind == "factor" and option.value < 2:
            continue  # "das Einsfache"
        if option.kind == "count" and option.value < 2 <= quantity.value:
            continue  # "in allen eins Königsklassen-Spielen": one thing does not fit a plural noun
        if any(numbers.same_quantity(option, q) or option.value == q.value or option.number == q.number for q in stated):
            continue  # the answer itself, or another figure the question shows ("zwischen 50 und _____ alt": not 50)
        label = numbers.format_quantity(option)
        if not _ONE_SCALE.search(label):  # "von rund eine Milliarde": the article form would not fit
            yield label


def _scaled(quantity: numbers.Quantity, factor: float) -> Optional[numbers.Quantity]:
    """The quantity with its value multiplied, if the result is one a teacher would write."""
    written = (quantity.number if quantity.number is not None else quantity.value) * factor
    if written <= 0 or abs(round(written, 1) - written) > 1e-9 * max(1.0, written):
        return None  # 0,34 Millionen or 3,333: no plausible figure
    if quantity.kind in ("count", "year", "ordinal") and written != int(written):
        return None
    return replace(quantity, value=quantity.value * factor, number=written, alt_value=None)


def _swapped_digits(value: float) -> Optional[float]:
    """34 000 000 -> 43 000 000, 214 -> 124: the first two significant digits swapped (None when equal)."""
    _, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    if len(digits) < 2 or digits[0] == digits[1]:
        return None
    return float(Decimal((0, (digits[1], digits[0], *digits[2:]), exponent)))


def _year_distractors(work: _Work, fact: Fact, rng: random.Random) -> list[str]:
    """Neighbouring years (those the article gives near this sentence are filtered out later).

    Where the sentence counts back from the article's event ("Zuletzt war es 2011 zu einem
    Gipfel gekommen"), only years before the article's: its own year would be a fair answer,
    a later one impossible.
    """
    year = int(fact.value) if fact.value else 0
    if not year:
        return []
    offsets = [1, -1, 2, -2, 3, -3, 5, -5, 10, -10]
    rng.shuffle(offsets)
    latest = _article_year(work.article)
    if latest and _counts_back_from_now(work.sentences[fact.sentence_index].text):
        offsets = [offset for offset in offsets if year + offset < latest]
    written = fact.answer if str(year) in fact.answer else str(year)
    return [written.replace(str(year), str(year + offset), 1) for offset in offsets]  # "Ende 2027" -> "Ende 2029"


def _article_year(article: Article) -> Optional[int]:
    """The year of the article's date, when it has one."""
    match = re.match(r"(\d{4})-\d{2}-\d{2}", article.date or "")
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class _Person:
    name: str  # the full name
    group: Optional[str]
    has_role: bool
    keys: frozenset[str]  # spelling-blind keys of the name's parts
    surname: str
    gender: Optional[str]  # "f", "m" or None when unknown
    affiliated: bool = False  # named with an institution somewhere ("Andrei Lankow von der Kookmin-Universität")


def _people(facts: Iterable[Fact]) -> list[_Person]:
    """The distinct persons among facts, first mention first, each under its first spelling
    ("Sergej Schoigu", not also "Sergei Schoigu") and with what any mention tells (the first
    "Wladimir Putin" may come without his role, a later "Präsident Putin" with it)."""
    mentions: list[tuple[str, list[Fact]]] = []  # the first spelling and every mention of one person
    person_of: dict[str, int] = {}  # a person key -> index in mentions
    for fact in facts:
        name = _entity_name(fact)
        if fact.kind != "person" or " " not in name:
            continue
        keys = _person_keys(name)
        index = next((person_of[key] for key in keys if key in person_of), None)
        if index is None:
            index = len(mentions)
            mentions.append((name, []))
        person_of.update(dict.fromkeys(keys, index))
        mentions[index][1].append(fact)
    return [_person(name, found) for name, found in mentions]


def _person(name: str, found: list[Fact]) -> _Person:
    roled = next((f for f in found if f.role), None)
    group = roled.extra.get("group") if roled else next((f.extra["group"] for f in found if f.extra.get("group")), None)
    gender = next((f.extra["gender"] for f in found if f.extra.get("gender")), None)
    affiliated = any(f.extra.get("affiliation") for f in found)
    return _Person(name, group, roled is not None, _name_keys(name), _surname(name), gender, affiliated)


def _person_distractors(work: _Work, fact: Fact, rng: random.Random, statement: bool = False) -> list[str]:
    """Other persons of the article and the corpus, those with the same kind of role first.

    Of the answer's gender: "sagte Vorstandschefin _____" offers no men. Persons of
    unknown gender come last, those known to be of the other gender never. None in a
    family slot ("Kims Großvater _____": no other person is anybody's grandfather by
    swapping), none already shown with the question ("Die Kim-Dynastie …, sagte Präsident
    _____" offers no Kim Jong Un); those of another field last where the sentence tells
    the field ("der Moskauer Experte _____", "_____ von der Kookmin-Universität").
    For a false ``statement`` only persons of the answer's own field, as far as it is known.
    """
    if _in_relation_phrase(work, fact):
        return []
    taken = _name_keys(_entity_name(fact)).union(
        *(_name_keys(_entity_name(f)) for f in work.facts_of(fact.sentence_index) if f.kind == "person")
    ) | _shown_name_words(work, fact.sentence_index)
    gender, group = fact.extra.get("gender"), fact.extra.get("group")
    slot = _slot_field(work, fact)
    if statement:
        known = _known_person(work, fact)
        group = group or (known.group if known else None)
        gender = gender or (known.gender if known else None)
        if not group and slot != "institution":
            return []  # the answer's field is unknown: no swap is certainly plausible
    # By plausibility: the same kind of role; a person of the same article; one of no known role;
    # one of another kind of role ("Trainer _____" offers no mayor while coaches and players are left).
    # Then the same again for persons of unknown gender.
    buckets: list[dict[str, str]] = [{} for _ in range(8)]
    for person in work.people:
        if taken & person.keys:
            continue  # not the person asked about, nor one shown with the question, nor a spelling of either
        if gender and person.gender and person.gender != gender:
            continue
        tier = _person_tier(work, person, group, slot)
        if tier is None or (statement and tier != 0):
            continue  # a false statement swaps a president for a president, a researcher for a researcher
        unknown = bool(gender) and person.gender is None
        buckets[4 * unknown + tier].setdefault(person.surname, person.name)
    ordered: list[str] = []
    seen: set[str] = set()
    for bucket in buckets:
        names = [name for key, name in bucket.items() if key not in seen]
        seen.update(bucket)
        rng.shuffle(names)
        ordered.extend(names)
    return _one_spelling_each(ordered)


def _person_tier(work: _Work, person: _Person, group: Optional[str], slot: Optional[str]) -> Optional[int]:
    """How plausible a person is in the answer's place, 0 best, 3 a last resort, None not at all.

    Where the sentence names what the person is ("der Moskauer Experte _____", "US-Präsident
    _____", "_____ vom Moskauer Fernost-Institut"), only persons of that kind of role fit, and
    persons of the article whose role is not known: no head of state as a Moscow expert.
    """
    if slot == "institution":  # "_____ vom Moskauer Fernost-Institut": a researcher, not a president
        if person.affiliated:
            return 0
        if person.has_role and _type_family(person.group) != "wissenschaft":
            return None
        return 1 if person.has_role else 2
    if person.has_role and person.group == group:
        return 0
    if not person.has_role or not person.group or not group:
        if slot and person.name not in work.article_people:
            return None
        return 1 if person.name in work.article_people else 2
    if slot:
        return None  # "US-Präsident _____" offers no adviser, "Experte _____" no president
    if _type_family(person.group) == _type_family(group) or person.name in work.article_people:
        return 1  # a minister where a president was, or another role of the same article
    return 3


def _person_keys(name: str) -> tuple[str, str]:
    """Keys that two spellings of one person share: the variant group or the letters of the whole
    name ("Kim Jong Un", "Kim Jong-un"), and surname with the given name's start ("Sergei"/"Sergej Schoigu")."""
    group = group_of(name)
    return variant_key(group[0] if group else name), f"{fold(name)[:3]}|{_surname(name)}"


def _one_spelling_each(names: list[str]) -> list[str]:
    """The names without a second spelling of one person ("Kim Jong Un" after "Kim Jong-un",
    "Moon Jae-in" after "Moon Jae In"), the first kept."""
    kept: list[str] = []
    seen: set[str] = set()
    for name in names:
        identities = {*_person_keys(name), _surname(name)}
        if identities & seen:
            continue
        seen |= identities
        kept.append(name)
    return kept


def _known_person(work: _Work, fact: Fact) -> Optional[_Person]:
    """The corpus person a mention stands for ("Putin" -> Wladimir Putin), when only one fits."""
    name = _entity_name(fact)
    fitting = [p for p in work.people if p.name == name]
    if not fitting:
        wanted = _surname(name)
        fitting = [p for p in work.people if p.surname == wanted]
    return fitting[0] if len({p.group for p in fitting}) == 1 else None


def _slot_field(work: _Work, fact: Fact) -> Optional[str]:
    """What the sentence says the person in this place is: the group of a role written with the
    name ("der Moskauer Experte Wladimir Frolow"), "institution" for a name with its institution
    after it ("Andrei Lankow von der Kookmin-Universität"), else None."""
    if "phrase_start" in fact.extra:
        return fact.extra.get("group") or "role"
    text = work.sentences[fact.sentence_index].text
    institutions = (f for f in work.facts_of(fact.sentence_index) if f.kind == "organisation" and f.start > fact.end)
    if any(_AFFILIATION_GAP.fullmatch(text[fact.end : other.start]) for other in institutions):
        return "institution"
    return None


def _in_relation_phrase(work: _Work, fact: Fact) -> bool:
    """Is the person named as somebody's relative or aide ("Kims Großvater Kim Il Sung", "den Vater
    des aktuellen Machthabers, Kim Jong-il", "Kim Jong Il – der Vater des jetzigen Machthabers")?
    Another person there makes a false statement absurd, not checkable (data/relation_nouns.txt)."""
    text = work.sentences[fact.sentence_index].text
    starts = {fact.start, fact.extra.get("phrase_start", fact.start)}  # "…, Kim Jong-il" may be read as a role's name
    found = [_RELATION_BEFORE.search(text[:start]) for start in starts] + [_RELATION_AFTER.match(text[fact.end :])]
    return any(match and fold(match.group("noun")) in _relation_nouns() for match in found)


def _shown_name_words(work: _Work, sentence_index: int) -> frozenset[str]:
    """The capitalised words shown with a question on this sentence (its context too), as name keys,
    a genitive also without its "s": "Kims Entscheidung" shows "kim"."""
    lead, _ = work.reading_context(work.sentences[sentence_index])
    words = set()
    for word in _WORD.findall(lead + work.sentences[sentence_index].text):
        if word[:1].isupper():
            key = re.sub(r"[^a-z]", "", fold(word))
            words.update((key, key[:-1] if key.endswith("s") else key))
    return frozenset(words)


@lru_cache(maxsize=65536)
def _name_keys(name: str) -> frozenset[str]:
    """Spelling-blind keys of a name: its longer parts and the whole ("Kim Jong Un" ~ "Kim Jong-un")."""
    parts = {_surname(part) for part in name.split() if len(part) > 2}
    return frozenset(parts | {re.sub(r"[^a-z]", "", fold(name))})


@lru_cache(maxsize=65536)
def _surname(name: str) -> str:
    """A spelling-blind key of a name part: "Sergej Schoigu" and "Sergei Schoigu" share "schoigu"."""
    return re.sub(r"[^a-z]", "", fold(name.split()[-1]))


def _region_of(place: Place, kind: Optional[str]) -> str:
    """The region a place is compared in as an option of this type."""
    return _world_region(place.region) if kind in WORLD_PLACE_TYPES else place.region


@lru_cache(maxsize=None)
def _world_region(region: Optional[str]) -> Optional[str]:
    """The region a country or capital is compared in: a capital listed in its country
    (Wien in "österreich") is compared with the capitals of that country's region (europa)."""
    by_name = {fold(place.name): place for place in places().values() if place.type == "land"}
    country = by_name.get(fold(region or ""))
    return country.region if country else region


def _place_distractors(work: _Work, fact: Fact, rng: random.Random, genitive: bool,
                       statement: bool = False) -> Iterator[str]:
    """Other places of the same type: from the article set first, then from the lexicon nearby and
    of like importance. For a false ``statement`` only places of the article set: "der russische
    Angriffskrieg in der Schweiz" is no statement a reader has to check."""
    in_sentence = {f.answer for f in work.facts_of(fact.sentence_index) if f.kind == "place"}
    for name in _place_candidates(work, fact, rng, statement):
        if name == fact.answer or name in in_sentence:
            continue
        if not genitive:
            yield name
        elif not name.endswith(("s", "x", "z", "ß")):
            yield name + "s"


def _place_candidates(work: _Work, fact: Fact, rng: random.Random, statement: bool) -> Iterator[str]:
    """Places that could stand where the answer stands, the most plausible first."""
    kind, region, article = fact.extra.get("type"), fact.extra.get("region"), fact.extra.get("article")
    if fact.extra.get("head"):  # "Insel Russki" is exchanged only for another "Insel …" of the corpus
        yield from work.corpus_places[("head", fact.extra["head"])]
        return
    if kind in WORLD_PLACE_TYPES:
        region = _world_region(region)  # Wien lies in Österreich: its peers are Europe's capitals
    seen = _sample(rng, work.corpus_places[(kind, article)], size=len(work.corpus_places[(kind, article)]))
    # Places of the article set in the answer's region first ("die Handelskammer für Oberfranken
    # in _____" offers Fulda, not Mailand); countries and capitals of the set from anywhere.
    near_seen = [name for name in seen if name in places() and _region_of(places()[name], kind) == region]
    far_seen = [name for name in seen if name not in near_seen]
    yield from near_seen
    if kind in WORLD_PLACE_TYPES:
        yield from far_seen
    if statement:
        return  # a false statement stays within the article set
    answer = places().get(fact.answer)
    for tier in _lexicon_places(kind, article, region, answer.importance if answer else 2):
        yield from _sample(rng, tier)
    if kind not in WORLD_PLACE_TYPES:
        yield from far_seen


def _organisation_distractors(work: _Work, fact: Fact, rng: random.Random) -> Iterator[str]:
    """Organisations of the same type seen in the corpus, then (for a lexicon name) from the lexicon."""
    kind, gender = fact.extra.get("type"), fact.extra.get("gender")
    # Not the answer under another name (WHO for Weltgesundheitsorganisation), nor one of the sentence.
    taken = {f.extra.get("canonical") for f in work.facts_of(fact.sentence_index) if f.kind == "organisation"}
    answer_words = set(_word_string(fact.answer).split())
    shape = _inflection(fact.text)
    abbreviated = _abbreviated(fact.answer)  # "der BGH": EuGH, BVerfG; "der Bundesgerichtshof": full names
    canonical = {f.answer: f.extra.get("canonical") for f in work.corpus_organisations}
    offered = {fact.extra.get("canonical")}  # one spelling of each: not "FC Bayern" and "FC Bayern München"
    # The same branch first ("entschied der _____": other courts), then the family ("staat").
    for wanted in dict.fromkeys((kind, _type_family(kind))):
        seen = list(dict.fromkeys(  # and the same gender: "teilte der _____ mit" takes der Kreml, not das Umweltbundesamt
            f.answer for f in work.corpus_organisations
            if f.text == f.answer and wanted in (f.extra.get("type"), _type_family(f.extra.get("type")))
            and f.extra.get("gender") == gender and f.extra.get("canonical") not in taken
        ))
        rng.shuffle(seen)
        # An institution found by its head word ("Seouler Institut …") gets only its peers of the corpus.
        lexicon = list(_lexicon_organisations(wanted, gender, abbreviated)) if fact.answer in organisations() else []
        rng.shuffle(lexicon)
        for name in seen + lexicon:
            words = set(_word_string(name).split())
            if name in taken or _inflection(name) != shape or not _same_form(name, fact.answer):
                continue
            if words <= answer_words or answer_words <= words:
                continue  # nor "Gewerkschaft Verdi" for "Verdi": the answer inside an option
            if organisations().get(name) and organisations()[name].canonical == fact.extra.get("canonical"):
                continue  # "BGH" for "Bundesgerichtshof" is the answer under another name
            group = organisations()[name].canonical if name in organisations() else canonical.get(name, name)
            if group in offered:
                continue
            offered.add(group)
            yield name


def _inflection(name: str) -> str:
    """The case ending of a name's leading adjective ("Technischen Universität" -> "en"), so options fit one gap."""
    first = name.split()[0] if " " in name else ""
    return next((ending for ending in ("en", "em", "es", "er", "e") if first.endswith(ending)), "")


def _quote_distractors(work: _Work, fact: Fact, rng: random.Random) -> list[str]:
    """Other short characterisations of the corpus ("sehr substanziell"), not by the same speaker.

    A long quotation among others is recognised by its grammar, not by reading.
    """
    speaker = set(fact.extra.get("speaker", "").split())
    if len(fact.text.split()) > MAX_CHOICE_QUOTE_WORDS or not fact.extra.get("characterisation"):
        return []
    options = list(dict.fromkeys(
        f.text for f in work.corpus_quotes
        if f.extra.get("characterisation") and f.text != fact.text
        and len(f.text.split()) <= MAX_CHOICE_QUOTE_WORDS and f.text[0].isupper() == fact.text[0].isupper()
        and not speaker & set(f.extra.get("speaker", "").split())
    ))
    rng.shuffle(options)
    return options


# --------------------------------------------------------------------------
# True / false
# --------------------------------------------------------------------------

# The detail a true/false statement is about, the most checkable first.
_TRUEFALSE_PREFERENCE = (
    "amount", "count", "distance", "duration", "percent", "year", "person", "place", "factor", "ordinal", "date",
    "organisation",
)


def _truefalse_candidates(work: _Work) -> list[_Candidate]:
    """One statement per usable sentence about its best fact, true or false (seeded)."""
    found = []
    for sentence_index in sorted(work.by_sentence):
        sentence = work.sentences.get(sentence_index)
        if sentence is None or not is_question_material(sentence):
            continue
        ranked = sorted(
            (i for i in work.by_sentence[sentence_index] if work.facts[i].kind in _TRUEFALSE_PREFERENCE),
            key=lambda i: _TRUEFALSE_PREFERENCE.index(work.facts[i].kind),
        )
        usable = [index for index in ranked if _changeable(work, work.facts[index])]
        if not usable:
            continue
        fact = work.facts[usable[0]]
        score = work.quality(sentence) * KIND_WEIGHT["truefalse"] * _fact_weight(fact)
        score = round(max(0.0, min(1.0, score - _salience(work, fact))), 3)
        key = question_key("truefalse", sentence.text, fact.answer)
        build = partial(_truefalse, work, tuple(usable), sentence, score, key)
        found.append(_Candidate(score, key, "truefalse", sentence.index, usable[0], build))
    return found


def _changeable(work: _Work, fact: Fact) -> bool:
    """Can a true/false statement be about this fact (and be made false by exchanging it)?"""
    if not _askable(fact) or not _drop_in(fact):
        return False
    if fact.kind == "person" and ("phrase_start" in fact.extra or _in_relation_phrase(work, fact)):
        return False  # "der russische Präsidentenberater Baschar al-Assad", "Kims Großvater Wladimir Putin"
    if fact.kind == "place" and fact.extra.get("genitive") and _role_follows(work, fact):
        return False  # "Chinas Machthaber Kim Jong Un": the person's name tells that his office was renamed
    # a quotation is not to be rewritten
    return not any(q.kind == "quote" and q.start <= fact.start < q.end for q in work.facts_of(fact.sentence_index))


def _role_follows(work: _Work, fact: Fact) -> bool:
    """Is the fact followed by a role word ("Nordkoreas Machthaber", "Südkoreas Präsident")?"""
    following = _WORD.search(work.sentences[fact.sentence_index].text, fact.end)
    return bool(following and role_of(following.group()))


def _statement_distractors(work: _Work, fact: Fact) -> list[str]:
    return _distractors(work, fact, fact.text if fact.kind in ENTITY_KINDS else fact.answer, in_gap=True,
                        statement=True)


def _truefalse(work: _Work, indices: tuple[int, ...], sentence: Sentence, score: float, key: str) -> Optional[Question]:
    """The sentence as written, or (seeded, half of the time) with one fact exchanged for a distractor:
    the best fact of the sentence (``indices`` in order of preference) that has a plausible wrong
    version. Where the best has none ("die USA" has no plausible peer in the article set), the next
    one is changed, so that fewer places to swap do not make most statements true."""
    text = sentence.text
    index, wrong = indices[0], []
    if work.rng("truth", sentence.index, work.facts[indices[0]].start).random() < 0.5:
        index, wrong = next(((i, found) for i in indices if (found := _statement_distractors(work, work.facts[i]))),
                            (indices[0], []))
    fact = work.facts[index]
    make_false = bool(wrong)
    statement = text
    if make_false:
        replacement = wrong[0][0].upper() + wrong[0][1:] if fact.start == 0 else wrong[0]
        statement = text[: fact.start] + replacement + text[_replaced_end(text, fact) :]
    question = _with_context(work, sentence, statement, fact, fact.answer)
    if question is None:
        return None
    words = _truefalse_words()
    correct = not make_false
    answer = words[correct][0]
    return Question(
        kind="truefalse",
        question=_POSITION_MARKER.sub("", question),
        answer=answer,
        sentence_index=sentence.index,
        answer_type=fact.kind,
        accepted=list(words[correct]),
        correct=correct,
        correction=None if correct else tr(
            f"Richtig ist: {fact.text}. Im Artikel steht: „{text}“",
            f"Correct is: {fact.text}. The article says: “{text}”",
        ),
        score=score,
        fact_index=index,
        key=key,  # the statement on this sentence keeps its key, whichever fact was changed
    )


# --------------------------------------------------------------------------
# Ranking and selection
# --------------------------------------------------------------------------


def _select(candidates: list[_Candidate]) -> list[Question]:
    """The good candidates, best first: no repeats, a few per sentence, one per fact and kind."""
    kept: list[Question] = []
    seen_keys: set[str] = set()
    seen_texts: set[str] = set()
    per_sentence: dict[int, int] = defaultdict(int)
    per_fact_kind: set[tuple[Optional[int], str, str]] = set()
    for candidate in sorted(candidates, key=lambda c: (-c.score, c.key)):
        if candidate.score < KEEP_SCORE:
            break
        slot = (candidate.fact_index, candidate.kind, candidate.key if candidate.kind == "open" else "")
        if candidate.key in seen_keys or slot in per_fact_kind or per_sentence[candidate.sentence_index] >= MAX_PER_SENTENCE:
            continue
        question = candidate.build()
        if question is None:
            continue  # too few distractors
        text = fold(question.question) + "|" + fold(question.answer)
        if text in seen_texts:
            continue
        kept.append(question)
        seen_keys.add(question.key)
        seen_texts.add(text)
        per_fact_kind.add(slot)
        per_sentence[question.sentence_index] += 1
    return kept
