"""Sources compared: where articles give different figures for the same thing.

Media literacy in a classroom starts with noticing that taz, ORF and DER
STANDARD do not agree on how long a meeting lasted. This module finds such
places and turns them into "Quellenvergleich" questions.

Rules (docs/factcheck.md has examples):

1. Figures are facts with a value that describes a state of things: amount,
   count, duration, distance, percent, factor. Years and dates are left out:
   different years in two articles usually mean different events.
2. A figure's subject is the nouns of its clause (capitalised words that are
   not stop words, names or part of a value; if the clause has none, those of
   the sentence), compared by the claim checker's stems and synonym groups,
   widened by data/related_topics.tsv ("Tête-à-Tête" belongs to "Treffen").
3. Two figures from different articles are about the same thing when they are
   of the same kind with comparable units and counted nouns, share a subject
   word, share a name if both clauses name someone ("vier Gipfel mit Xi" is not
   "drei mit Moon"), and are within ``MAX_RATIO`` of each other (a meeting of
   hours is not the year it took to prepare it). Counts of people ("8000
   Menschen") must also share a verb: demonstrators are not petition signers.
4. "von 34 Millionen Dollar auf eine Milliarde" is a change by a factor
   (≈ 29-fach) and is compared with "auf das Zehnfache".
5. Linked figures form groups; a group where two articles' values differ (not
   merely one inside the other's bound) is a disagreement, listed with every
   source's figures.

Questions (stored as ordinary questions, answer_type "comparison", keys
starting with ``KEY_PREFIX``; attached to the article of the answer):

- choice: "Quellenvergleich – Treffen (Dauer): Die Artikel nennen verschiedene
  Angaben. Welche Angabe nennt taz?" with the other sources' figures as the
  other options, when at least three different figures exist;
- truefalse: "Quellenvergleich – Zuschauer (Anzahl): sid nennt 41.000, Sportecho
  38.500." - true, or with the figures swapped false (half and half, by the
  group's key), corrected with each side.

The build calls ``refresh_comparison_questions(store)`` after all articles are saved.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, groupby
from typing import Optional

from quizbot.factcheck import (
    Passage, Value, counts_people, read_passage, relation, source_name, with_bare_numbers, word_keys,
    _compound_match,
)
from quizbot.i18n import local_date, tr
from quizbot.models import Question
from quizbot.resources import lexicon_rows
from quizbot.store import Store
from quizbot.text import fold

FIGURE_KINDS = ("amount", "count", "duration", "distance", "percent", "factor")
MAX_RATIO = 10.0  # figures further apart than this are about different things
SAME_STORY_SHARE = 0.5  # two articles tell one story when they share more than this of their names
MAX_BUCKET = 200  # figures sharing a subject word, at most: more means the word is too common to tell
KEY_PREFIX = "cmp:"
NAME_KINDS = ("person", "place", "organisation")
MAX_CHOICES = 4
MAX_QUESTION_GROUPS = 40  # disagreements turned into questions, most sources first
MAX_SOURCES_ASKED = 3  # choice questions per disagreement ("Welche Angabe macht …?")


@dataclass
class Figure:
    """One article's figure for something."""

    value: Value
    article_id: int
    article: dict  # file, title, date, source
    sentence: str
    position: int  # the sentence's position in its article
    subject: frozenset[str]  # keys of the nouns around it
    subject_words: tuple[str, ...]  # the nouns as written (for display)
    names: frozenset[str]  # name tokens of its clause
    verbs: frozenset[str] = frozenset()  # keys of its clause's lower-case words ("demonstriert")
    story: frozenset[str] = frozenset()  # the people, places and organisations of its article

    @property
    def shown(self) -> str:
        return self.value.shown

    def as_dict(self) -> dict:
        return {"text": self.value.text, "label": self.value.shown, "kind": self.value.kind,
                "value": self.value.number, "unit": self.value.unit,
                "qualifier": self.value.qualifier, "sentence": self.sentence, "article": self.article}


@dataclass
class Disagreement:
    """Figures of several articles for the same thing, not all equal."""

    kind: str
    topic: str  # the shared noun, as written: "Treffen"
    figures: list[Figure] = field(default_factory=list)

    def sources(self) -> list[tuple[dict, list[Figure]]]:
        """(article, its figures) per article, in the order the articles were stored."""
        by_article: dict[int, list[Figure]] = {}
        for figure in self.figures:
            by_article.setdefault(figure.article_id, []).append(figure)
        return [(figures[0].article, figures) for figures in by_article.values()]

    @property
    def dimension(self) -> str:
        return dimension_name(self.kind, self.figures[0].value.unit)

    def key(self) -> str:
        """A stable identity: what the group is about and which figures it holds."""
        parts = sorted(f"{f.article['file']}|{f.value.text}" for f in self.figures)
        digest = hashlib.sha1("\n".join([self.kind, fold(self.topic)] + parts).encode()).hexdigest()
        return digest[:12]

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "topic": self.topic,
            "dimension": self.dimension,
            "sources": [
                {"article": article, "figures": [f.as_dict() for f in figures]}
                for article, figures in self.sources()
            ],
        }


def dimension_name(kind: str, unit: Optional[str] = None) -> str:
    """What a figure measures, for a heading: "Dauer", "Betrag" (money), "Geschwindigkeit"."""
    if kind == "amount" and unit and len(unit) == 3 and unit.isupper():
        return tr("Betrag", "amount")
    if kind == "amount" and unit == "km/h":
        return tr("Geschwindigkeit", "speed")
    names = {
        "amount": tr("Zahl", "figure"), "count": tr("Anzahl", "number"),
        "duration": tr("Dauer", "duration"), "distance": tr("Entfernung", "distance"),
        "percent": tr("Prozentzahl", "percentage"), "factor": tr("Steigerung", "growth factor"),
    }
    return names.get(kind, kind)


# --------------------------------------------------------------------------
# Figures and their subjects
# --------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _related_topics() -> dict[str, str]:
    """Word -> the synonym group its topic line joins ("tete-a-tete" -> "~treffen")."""
    related: dict[str, str] = {}
    for row in lexicon_rows("related_topics.tsv"):
        words = [fold(word) for word in row if word]
        group = next((key for key in word_keys(words[0]) if key.startswith("~")), "~" + words[0])
        for word in words:
            related[word] = group
    return related


def _subject_keys(word: str) -> frozenset[str]:
    keys = word_keys(word)
    related = _related_topics()
    return keys | {related[key] for key in keys if key in related}


def _nouns(passage: Passage, clause: Optional[int]) -> list[str]:
    units = _unit_words()
    return [w.text for w in passage.words if w.text[:1].isupper() and fold(w.text) not in units
            and (clause is None or passage.clause_of(w.start) == clause)]


@lru_cache(maxsize=None)
def _time_offsets() -> dict[str, frozenset[str]]:
    """ "before" -> words in front of a duration, "after" -> words behind it, that make it a point in time."""
    rows = lexicon_rows("time_offsets.tsv")
    return {side: frozenset(fold(word) for word, where in rows if where == side) for side in ("before", "after")}


@lru_cache(maxsize=None)
def _unit_words() -> frozenset[str]:
    """Every spelling of every unit in data/units.tsv ("Stunde", "Kilometern"): no subject of a figure."""
    words = set()
    for row in lexicon_rows("units.tsv"):
        for field_ in row[4:7]:
            words.update(fold(form) for form in field_.split("|") if form and form != "-")
    return frozenset(words)


def _is_point_in_time(passage: Passage, value: Value) -> bool:
    offsets = _time_offsets()
    before = passage.text[:value.start].split()[-1:]
    after = passage.text[value.end:].split()[:1]
    return bool(before and fold(before[0].strip(",.;:")) in offsets["before"]) or bool(
        after and fold(after[0].strip(",.;:")) in offsets["after"])


def figures_of_sentence(row: dict, facts: list[dict]) -> list[Figure]:
    """The figures of one stored sentence (``row``: sentence and article), with their subjects."""
    passage = read_passage(row["sentence"], facts)
    figures = [
        _figure(row, passage, value) for value in passage.values
        if value.kind in FIGURE_KINDS and not (value.kind == "duration" and _is_point_in_time(passage, value))
    ]
    if any(v.marker == "von" and v.kind in ("amount", "count") for v in passage.values):
        figures.extend(_growth_figures(row, with_bare_numbers(passage)))
    return figures


def _figure(row: dict, passage: Passage, value: Value) -> Figure:
    nouns = _nouns(passage, value.clause) or _nouns(passage, None)
    subject = frozenset().union(*(_subject_keys(noun) for noun in nouns)) if nouns else frozenset()
    names = frozenset().union(*(n.name for n in passage.names if n.clause == value.clause)) \
        if passage.names else frozenset()
    verbs = frozenset().union(*(w.keys for w in passage.words if not w.text[:1].isupper()), frozenset())
    return Figure(
        value=value, article_id=row["article_id"],
        article={k: row[k] for k in ("file", "title", "date", "source")},
        sentence=row["sentence"], position=row["position"], subject=subject,
        subject_words=tuple(nouns), names=names, verbs=verbs,
    )


def _growth_figures(row: dict, passage: Passage) -> list[Figure]:
    """ "von 34 Millionen Dollar auf eine Milliarde" -> a factor of about 29."""
    found = []
    amounts = [v for v in passage.values if v.kind in ("amount", "count", "number") and v.number]
    for start in (v for v in amounts if v.marker == "von"):
        target = next((v for v in amounts if v.marker == "auf" and v.clause == start.clause
                       and v.start > start.end), None)
        if target is None:
            continue
        factor = target.number / start.number
        text = row["sentence"][start.start - len("von "):target.end] \
            if row["sentence"][max(0, start.start - 4):start.start].lower() == "von " else \
            f"{start.text} → {target.text}"
        value = Value(kind="factor", text=text, start=start.start, end=target.end, number=factor,
                      label=tr(f"von {start.shown} auf {target.shown} (≈ {factor:.0f}-fach)",
                               f"from {start.shown} to {target.shown} (≈ {factor:.0f}-fold)"),
                      clause=start.clause)
        found.append(_figure(row, passage, value))
    return found


def all_figures(store: Store) -> list[Figure]:
    """Every figure in the store, read sentence by sentence (the rows come sorted by sentence),
    each with the names of its article's story."""
    figures: list[Figure] = []
    stories: dict[int, set[str]] = {}
    rows = store.value_facts(FIGURE_KINDS + NAME_KINDS)
    for _, facts in groupby(rows, key=lambda row: row["sentence_id"]):
        facts = list(facts)
        stories.setdefault(facts[0]["article_id"], set()).update(
            name for name in (fold(f["label"] or f["text"]) for f in facts if f["kind"] in NAME_KINDS)
            if name not in _countries_and_continents())
        if any(f["kind"] in FIGURE_KINDS for f in facts):
            figures.extend(figures_of_sentence(facts[0], facts))
    for figure in figures:
        figure.story = frozenset(stories[figure.article_id])
    return figures


@lru_cache(maxsize=None)
def _countries_and_continents() -> frozenset[str]:
    """Places too wide to tell two stories apart ("Deutschland" is in every other article)."""
    return frozenset(fold(name) for name, kind, *_ in lexicon_rows("places.tsv") if kind in ("land", "kontinent"))


def same_story(a: Figure, b: Figure) -> bool:
    """Whether two figures' articles report the same events: they share most of their names
    (the taz and ORF on the 2019 summit do; a cup final and a museum opening do not)."""
    shared = len(a.story & b.story)
    return shared > 0 and shared > SAME_STORY_SHARE * min(len(a.story), len(b.story))


# --------------------------------------------------------------------------
# Linking figures
# --------------------------------------------------------------------------


def same_thing(a: Figure, b: Figure) -> Optional[str]:
    """How two figures of different articles relate ('equal', 'fits', 'differs'), or None."""
    if a.article_id == b.article_id or a.value.kind != b.value.kind:
        return None
    if not (a.subject & b.subject or _compound_match(a.subject, b.subject)) or not same_story(a, b):
        return None
    if a.names and b.names and not (a.names & b.names):
        return None
    if counts_people(a.value) and counts_people(b.value) and not a.verbs & b.verbs:
        return None  # "8000 Menschen demonstrierten", "21.000 Menschen unterschrieben": other people
    x, y = a.value.number, b.value.number
    if not x or not y:
        return None
    if a.value.kind != "factor" and max(abs(x), abs(y)) / min(abs(x), abs(y)) > MAX_RATIO:
        return None
    return relation(a.value, b.value)


def find_disagreements(store: Store) -> list[Disagreement]:
    """Groups of figures on which the articles differ, most sources first."""
    figures = all_figures(store)
    parent = list(range(len(figures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    differing: set[int] = set()
    for i, j, how in _linked_pairs(figures):
        parent[root(i)] = root(j)
        if how == "differs":
            differing.add(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(figures)):
        groups.setdefault(root(i), []).append(i)
    found = []
    for members in groups.values():
        if len(members) < 2 or not differing.intersection(members):
            continue
        group = [figures[i] for i in members]
        found.append(Disagreement(kind=group[0].value.kind, topic=_topic(group), figures=group))
    found.sort(key=lambda d: (-len(d.sources()), d.figures[0].article_id, d.figures[0].position))
    return found


def _linked_pairs(figures: list[Figure]) -> Iterable[tuple[int, int, str]]:
    """(i, j, relation) for figures about the same thing, each pair once."""
    buckets: dict[tuple[str, str], list[int]] = {}
    for index, figure in enumerate(figures):
        for key in figure.subject:
            buckets.setdefault((figure.value.kind, key), []).append(index)
    usable = {bucket for bucket, members in buckets.items() if len(members) <= MAX_BUCKET}
    keys = [frozenset(k for k in f.subject if (f.value.kind, k) in usable) for f in figures]
    for (kind, key), members in buckets.items():
        if (kind, key) not in usable:
            continue  # a word that common names no particular subject
        for i, j in combinations(members, 2):
            # each pair once, in the bucket of the first subject key they share (not with a
            # set of the pairs seen: that grew with the square of the corpus)
            if figures[i].article_id == figures[j].article_id or key != min(keys[i] & keys[j]):
                continue
            how = same_thing(figures[i], figures[j])
            if how:
                yield i, j, how


def _topic(group: list[Figure]) -> str:
    """What the group is about: the subject key most of its figures share, as a word; for
    counts of people, what they did ("Tote", "Demonstration").

    A synonym group is named by its first word ("Treffen" for Treffen, Gespräch,
    Tête-à-Tête); otherwise the noun is shown as the first figure writes it.
    """
    shared_verbs = frozenset.intersection(*(f.verbs for f in group))
    groups = sorted(key for key in shared_verbs if key.startswith("~"))
    if groups and all(counts_people(f.value) for f in group):
        return groups[0][1:].capitalize()  # "Tote" for "Zwei Menschen starben", "… kamen ums Leben"
    counts = Counter(key for figure in group for key in figure.subject)
    if not counts:
        return dimension_name(group[0].value.kind)
    key = max(counts, key=lambda k: (counts[k], k.startswith("~")))  # a shared group before a stem
    if key.startswith("~"):
        return key[1:].capitalize()
    for figure in group:
        for word in figure.subject_words:
            if key in _subject_keys(word):
                return word
    return key.capitalize()


# --------------------------------------------------------------------------
# "Quellenvergleich" questions
# --------------------------------------------------------------------------


def comparison_questions(store: Store) -> list[tuple[int, Question]]:
    """Questions about where the sources differ, each with the article it is attached to."""
    questions: list[tuple[int, Question]] = []
    for disagreement in find_disagreements(store)[:MAX_QUESTION_GROUPS]:
        questions.extend(_questions_for(disagreement))
    return questions


def refresh_comparison_questions(store: Store) -> int:
    """Recompute the "Quellenvergleich" questions and store them (replacing the old ones)."""
    return store.replace_cross_article_questions(KEY_PREFIX, comparison_questions(store))


def _questions_for(disagreement: Disagreement) -> list[tuple[int, Question]]:
    sources = disagreement.sources()
    key = disagreement.key()
    correction = "; ".join(
        f"{source_name(article)}: {', '.join(f.shown for f in figures)}" for article, figures in sources
    )
    found: list[tuple[int, Question]] = []
    statement = _statement(disagreement, sources, key, correction)
    if statement:
        found.append(statement)
    distinct = _distinct_figures(disagreement)
    if len(distinct) < 3:
        return found
    heading = _heading(disagreement)
    for article, figures in sources[:MAX_SOURCES_ASKED]:
        if len({f.shown for f in figures}) != 1:
            continue  # a source with two figures has no single right answer
        answer = figures[0].shown
        others = [f.shown for f in distinct if relation(f.value, figures[0].value) != "equal"]
        choices = sorted([answer] + others[: MAX_CHOICES - 1],
                         key=lambda label: [f.shown for f in disagreement.figures].index(label))
        found.append((figures[0].article_id, Question(
            kind="choice",
            question=tr(
                f"{heading}: Die Artikel nennen verschiedene Angaben. "
                f"Welche Angabe nennt {_short(article)}{_dated(article)}?",
                f"{heading}: the articles differ. Which figure does {_short(article)}{_dated(article)} give?",
            ),
            answer=answer,
            accepted=[answer],
            choices=choices,
            correction=correction,
            sentence_index=figures[0].position,
            answer_type="comparison",
            hint=disagreement.dimension,
            score=0.85,
            key=f"{KEY_PREFIX}{key}:{fold(article['file'])}",
        )))
    return found


def _heading(disagreement: Disagreement) -> str:
    return tr(f"Quellenvergleich – {disagreement.topic} ({disagreement.dimension})",
              f"Comparing sources – {disagreement.topic} ({disagreement.dimension})")


def _statement(disagreement: Disagreement, sources: list[tuple[dict, list[Figure]]], key: str,
               correction: str) -> Optional[tuple[int, Question]]:
    """ "Quellenvergleich – Zuschauer (Anzahl): sid nennt 41.000, Sportecho 38.500." - true, or
    with the figures swapped false: which source says what is the point, and half the
    statements are right (a learner cannot just answer "falsch" every time)."""
    pair = next(((a, b) for a, b in combinations(sources, 2)
                 if not {f.shown for f in a[1]} & {f.shown for f in b[1]}), None)
    if pair is None:
        return None
    (first, first_figures), (second, second_figures) = pair
    true = int(key, 16) % 2 == 0
    said_first, said_second = (first_figures, second_figures) if true else (second_figures, first_figures)
    question = tr(
        f"{_heading(disagreement)}: {_short(first, first=True)} nennt {_listed(said_first)}, "
        f"{_short(second)} {_listed(said_second)}.",
        f"{_heading(disagreement)}: {_short(first)} gives {_listed(said_first)}, "
        f"{_short(second)} {_listed(said_second)}.",
    )
    words = _answer_words(true)
    return first_figures[0].article_id, Question(
        kind="truefalse",
        question=question,
        answer=words[0],
        accepted=list(words),
        correct=true,
        correction=correction,
        sentence_index=first_figures[0].position,
        answer_type="comparison",
        hint=tr("richtig oder falsch", "true or false"),
        score=0.8,
        key=f"{KEY_PREFIX}{key}:tf",
    )


def _listed(figures: list[Figure]) -> str:
    shown = list(dict.fromkeys(f.shown for f in figures))
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + tr(" und ", " and ") + shown[-1]


@lru_cache(maxsize=None)
def _answer_words(truth: bool) -> tuple[str, ...]:
    """The answers that say "true" or "false" (data/truefalse_answers.tsv, shared with quizbot.questions)."""
    wanted = "true" if truth else "false"
    return next(tuple(row[1:]) for row in lexicon_rows("truefalse_answers.tsv") if row[0] == wanted)


def _short(article: dict, *, first: bool = False) -> str:
    """The source as the subject of a sentence: "die taz", "DER STANDARD", "der Artikel „…“"
    (German takes the article data/sources.tsv gives; "Die taz" opening a sentence)."""
    source = article.get("source")
    name = source or f"„{article.get('title') or article.get('file')}“"
    article_word = tr(_source_articles().get(source, "") if source else "der Artikel", "")
    said = f"{article_word} {name}" if article_word else name
    return said[0].upper() + said[1:] if first and article_word else said


def _dated(article: dict) -> str:
    date = local_date(article.get("date"))
    return tr(f" vom {date}", f" of {date}") if date else ""


@lru_cache(maxsize=None)
def _source_articles() -> dict[str, str]:
    return {source: value for source, kind, value in lexicon_rows("sources.tsv") if kind == "article"}


def _distinct_figures(disagreement: Disagreement) -> list[Figure]:
    """The group's figures, one per different value, in the group's order."""
    kept: list[Figure] = []
    for figure in disagreement.figures:
        if not any(relation(figure.value, other.value) == "equal" for other in kept):
            kept.append(figure)
    return kept
