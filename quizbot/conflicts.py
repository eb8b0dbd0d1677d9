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
5. Like is compared with like. What a figure measures is the noun it belongs
   to, when data/measure_nouns.tsv knows it: the one right behind it
   ("dreieinhalbstündigen Treffen"), else the nearest in its clause, else (a
   clause with no noun of its own) the nearest in its sentence. A tête-à-tête
   is not the whole meeting, and one talk of unsaid part ("Gespräch") is
   neither. A plan or an expectation (data/plan_markers.tsv: "aus den geplanten
   50 Minuten wurden fast zwei Stunden", "Der Handel soll … steigen") is not a
   report of what happened. Figures of different measures, or a plan and a
   report, are linked as "related": shown side by side, each with its measure
   and "geplant", but never a disagreement of their own.
6. Linked figures form groups; a group where two articles' values of the same
   measure differ (not merely one inside the other's bound) is a disagreement,
   listed with every source's figures.

Questions (stored as ordinary questions, answer_type "comparison", keys
starting with ``KEY_PREFIX``; attached to the article of the answer). They set
figures of the same measure against each other, reports before plans; where a
group holds several measures each source is asked about, or said to give, its
own ("für das Treffen"), and the correction names each figure's measure:

- truefalse: "Quellenvergleich – Zuschauer (Anzahl): sid nennt 41.000, Sportecho
  38.500." - true, or with the figures swapped false (half and half, by the
  group's key), corrected with each side; "Quellenvergleich – Treffen (Dauer):
  Die taz nennt für das Treffen dreieinhalb Stunden, der ORF für die Gespräche
  rund fünf Stunden.";
- choice: "Quellenvergleich – Treffen (Dauer): Die Artikel nennen verschiedene
  Angaben. Welche Angabe nennt Seekurier vom 04.03.2024 für die Gespräche?"
  with the other sources' figures of that measure as the other options, when
  there are at least three.

Plans compared with plans are asked as such: "Quellenvergleich – Handel
(geplante Steigerung): …".

The build calls ``refresh_comparison_questions(store)`` after all articles are saved.
"""

from __future__ import annotations

import hashlib
import re
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
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")  # a word, hyphenated ones whole ("Vier-Augen-Gespräch")


@dataclass(frozen=True)
class Measure:
    """What a figure measures (data/measure_nouns.tsv): ``key`` "treffen" for the whole meeting,
    whether it is called "das Treffen" or "die Gespräche"; "vier-augen" for the tête-à-tête."""

    key: str
    named: str  # the noun with its article, as after "für": "das Tête-à-Tête"

    @property
    def noun(self) -> str:
        """ "Tête-à-Tête" (no article), for a label."""
        return self.named.split(" ", 1)[-1]


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
    measure: Optional[Measure] = None  # what it measures, when data/measure_nouns.tsv knows its noun
    planned: bool = False  # a plan or an expectation ("die geplanten 50 Minuten"), not what happened

    @property
    def shown(self) -> str:
        return self.value.shown

    def as_dict(self) -> dict:
        return {"text": self.value.text, "label": self.value.shown, "kind": self.value.kind,
                "value": self.value.number, "unit": self.value.unit,
                "qualifier": self.value.qualifier, "measure": self.measure.noun if self.measure else None,
                "planned": self.planned, "sentence": self.sentence, "article": self.article}


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
        return self.dimension_of(planned=False)

    def dimension_of(self, *, planned: bool) -> str:
        """ "Dauer", or for a question about plans "geplante Dauer"."""
        return dimension_name(self.kind, self.figures[0].value.unit, planned=planned)

    @property
    def all_planned(self) -> bool:
        return all(figure.planned for figure in self.figures)

    @property
    def names_measures(self) -> bool:
        """Whether its figures measure different things, so that each must say what it measures
        (the taz's Treffen, DER STANDARD's Tête-à-Tête)."""
        nouns = {figure.measure.noun if figure.measure else None for figure in self.figures}
        return len(nouns) > 1

    def notes(self, figure: Figure, *, planned: bool = True) -> list[str]:
        """What tells the figure apart from the others of its group: its measure and, with
        ``planned``, "geplant"."""
        notes = [figure.measure.noun] if figure.measure and self.names_measures else []
        if figure.planned and planned:
            notes.append(tr("geplant", "planned"))
        return notes

    def described(self, figure: Figure) -> str:
        """ "dreieinhalb Stunden (Treffen)", "50 Minuten (Tête-à-Tête, geplant)", "41.000" - for a
        correction ("geplant" only beside reported figures: a question about plans says so)."""
        notes = self.notes(figure, planned=not self.all_planned)
        return f"{figure.shown} ({', '.join(notes)})" if notes else figure.shown

    def listed(self, figure: Figure) -> str:
        """The figure as written, with its notes: "„dreieinhalbstündigen“ (Treffen)",
        "„das Zehnfache“ (geplant)" - for a list of the disagreements."""
        notes = self.notes(figure)
        return f"„{figure.value.text}“" + (f" ({', '.join(notes)})" if notes else "")

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


def dimension_name(kind: str, unit: Optional[str] = None, *, planned: bool = False) -> str:
    """What a figure measures, for a heading: "Dauer", "Betrag" (money), "Geschwindigkeit";
    with ``planned`` "geplante Dauer", "geplanter Betrag"."""
    money = kind == "amount" and bool(unit) and len(unit) == 3 and unit.isupper()
    if money:
        name = tr("Betrag", "amount")
    elif kind == "amount" and unit == "km/h":
        name = tr("Geschwindigkeit", "speed")
    else:
        names = {
            "amount": tr("Zahl", "figure"), "count": tr("Anzahl", "number"),
            "duration": tr("Dauer", "duration"), "distance": tr("Entfernung", "distance"),
            "percent": tr("Prozentzahl", "percentage"), "factor": tr("Steigerung", "growth factor"),
        }
        name = names.get(kind, kind)
    if not planned:
        return name
    return tr(f"{'geplanter' if money else 'geplante'} {name}", f"planned {name}")  # der Betrag, die Dauer


# --------------------------------------------------------------------------
# Figures and their subjects
# --------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _related_topics() -> dict[str, str]:
    """Word, or its own synonym group, -> the synonym group its topic line joins ("tete-a-tete"
    and with it "~tete-a-tete", the group of "Vier-Augen-Gespräch", -> "~treffen")."""
    related: dict[str, str] = {}
    for row in lexicon_rows("related_topics.tsv"):
        words = [fold(word) for word in row if word]
        group = next((key for key in word_keys(words[0]) if key.startswith("~")), "~" + words[0])
        for word in words:
            related[word] = group
            related.update((key, group) for key in word_keys(word) if key.startswith("~") and key != group)
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
    own_nouns = _nouns(passage, value.clause)
    nouns = own_nouns or _nouns(passage, None)
    subject = frozenset().union(*(_subject_keys(noun) for noun in nouns)) if nouns else frozenset()
    names = frozenset().union(*(n.name for n in passage.names if n.clause == value.clause)) \
        if passage.names else frozenset()
    verbs = frozenset().union(*(w.keys for w in passage.words if not w.text[:1].isupper()), frozenset())
    return Figure(
        value=value, article_id=row["article_id"],
        article={k: row[k] for k in ("file", "title", "date", "source")},
        sentence=row["sentence"], position=row["position"], subject=subject,
        subject_words=tuple(nouns), names=names, verbs=verbs,
        measure=_measure_of(passage, value, clause_has_nouns=bool(own_nouns)),
        planned=_is_planned(passage, value),
    )


# --------------------------------------------------------------------------
# What a figure measures, and whether it is a plan
# --------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _measure_nouns() -> dict[tuple[str, ...], Measure]:
    """Folded words of a noun or phrase -> what it measures (data/measure_nouns.tsv)."""
    return {tuple(form.split()): Measure(key, named) for form, key, named in lexicon_rows("measure_nouns.tsv")}


def _measure_mentions(text: str) -> list[tuple[int, int, Measure]]:
    """(start, end, measure) of each noun of data/measure_nouns.tsv in a sentence, the longest
    phrase where several start ("Gespräch unter vier Augen", not "Gespräch"). Only capitalised:
    "sich treffen" is no meeting."""
    nouns = _measure_nouns()
    longest = max(map(len, nouns))
    tokens = list(_TOKEN.finditer(text))
    folded = [fold(token.group()) for token in tokens]
    found = []
    index = 0
    while index < len(tokens):
        size = next((size for size in range(min(longest, len(tokens) - index), 0, -1)
                     if tuple(folded[index:index + size]) in nouns), 0)
        if size and tokens[index].group()[:1].isupper():
            measure = nouns[tuple(folded[index:index + size])]
            found.append((tokens[index].start(), tokens[index + size - 1].end(), measure))
        index += size or 1
    return found


def _measure_of(passage: Passage, value: Value, *, clause_has_nouns: bool) -> Optional[Measure]:
    """The measure of the noun a figure belongs to: right behind it ("dreieinhalbstündigen Treffen"),
    else the nearest in its clause, else - if the clause has no noun of its own - the nearest in
    its sentence ("Das Tête-à-Tête dauerte …, aus den geplanten 50 Minuten wurden fast zwei Stunden")."""
    mentions = [m for m in _measure_mentions(passage.text) if not value.start <= m[0] < value.end]
    following = _TOKEN.search(passage.text, value.end)
    behind = next((m for m in mentions if following and m[0] == following.start()), None)
    if behind:
        return behind[2]
    in_clause = [m for m in mentions if passage.clause_of(m[0]) == value.clause]
    candidates = in_clause or ([] if clause_has_nouns else mentions)
    if not candidates:
        return None

    def distance(mention: tuple[int, int, Measure]) -> int:
        return mention[0] - value.end if mention[0] >= value.end else value.start - mention[1]

    return min(candidates, key=distance)[2]


@lru_cache(maxsize=None)
def _plan_markers() -> dict[str, frozenset[str]]:
    """Kind ("before", "clause", "modal", "cancels", "hearsay") -> its words (data/plan_markers.tsv)."""
    rows = lexicon_rows("plan_markers.tsv")
    return {kind: frozenset(fold(word) for word, where in rows if where == kind)
            for kind in ("before", "clause", "modal", "cancels", "hearsay")}


def _clause_words(passage: Passage, clause: int) -> list[tuple[int, str]]:
    """(offset, folded word) of each word of one clause."""
    starts = passage.clause_starts
    end = starts[clause + 1] if clause + 1 < len(starts) else len(passage.text)
    return [(m.start(), fold(m.group())) for m in _TOKEN.finditer(passage.text, starts[clause], end)]


def _is_planned(passage: Passage, value: Value) -> bool:
    """Whether a figure is a plan or an expectation (data/plan_markers.tsv): "statt der geplanten
    50 Minuten", "Das Treffen sollte 50 Minuten dauern" - but not "länger als erwartet", nor
    "soll 5000 Euro erbeutet haben" (what is said to have happened)."""
    markers = _plan_markers()
    words = _clause_words(passage, value.clause)
    right_before = {at for at, _ in [word for word in words if word[0] < value.start][-2:]}
    hearsay = bool(words) and words[-1][1] in markers["hearsay"]
    for index, (at, word) in enumerate(words):
        if value.start <= at < value.end or (index and words[index - 1][1] in markers["cancels"]):
            continue
        if word in markers["clause"] or (word in markers["before"] and at in right_before):
            return True
        if word in markers["modal"] and not hearsay:
            return True
    return False


def like_with_like(a: Figure, b: Figure) -> bool:
    """Whether two figures measure the same and both report (or both plan): the tête-à-tête's two
    hours say nothing against the meeting's three and a half, nor the planned 50 minutes against
    either. A figure whose noun data/measure_nouns.tsv does not know measures what its subject says."""
    if a.planned != b.planned:
        return False
    return a.measure is None or b.measure is None or a.measure.key == b.measure.key


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
    """How two figures of different articles relate ('equal', 'fits', 'differs'; 'related' for
    figures of one subject that measure different things or are a plan and a report), or None."""
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
    how = relation(a.value, b.value)
    if how and not like_with_like(a, b):
        return "related"  # listed side by side, each with its measure; no disagreement of its own
    return how


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
        f"{source_name(article)}: {', '.join(disagreement.described(f) for f in figures)}"
        for article, figures in sources
    )
    found: list[tuple[int, Question]] = []
    statement = _statement(disagreement, sources, key, correction)
    if statement:
        found.append(statement)
    for article, figures in sources[:MAX_SOURCES_ASKED]:
        asked, others = _asked(disagreement, figures)
        if asked is None:
            continue
        answer = asked.shown
        order = [f.shown for f in disagreement.figures]
        choices = sorted([answer] + [f.shown for f in others[: MAX_CHOICES - 1]], key=order.index)
        heading = _heading(disagreement, planned=asked.planned)
        said = f"{_short(article)}{_dated(article)}{_measured(disagreement, asked)}"
        found.append((asked.article_id, Question(
            kind="choice",
            question=tr(
                f"{heading}: Die Artikel nennen verschiedene Angaben. Welche Angabe nennt {said}?",
                f"{heading}: the articles differ. Which figure does {said} give?",
            ),
            answer=answer,
            accepted=[answer],
            choices=choices,
            correction=correction,
            sentence_index=asked.position,
            answer_type="comparison",
            hint=disagreement.dimension_of(planned=asked.planned),
            score=0.85,
            key=f"{KEY_PREFIX}{key}:{fold(article['file'])}",
        )))
    return found


def _asked(disagreement: Disagreement, figures: list[Figure]) -> tuple[Optional[Figure], list[Figure]]:
    """The figure of one source a choice asks about, and the other options: a report before a plan,
    of a measure the source gives one value of and at least two other sources another value."""
    reported = [f for f in figures if not f.planned]
    for candidate in reported + [f for f in figures if f.planned]:
        alike = {f.shown for f in figures if like_with_like(f, candidate)}
        if len(alike) != 1:
            continue  # two values of one measure: no single right answer
        others = _comparable_others(disagreement, candidate)
        if len(others) >= 2:
            return candidate, others
    return None, []


def _comparable_others(disagreement: Disagreement, asked: Figure) -> list[Figure]:
    """The other sources' figures that measure what ``asked`` does, one per value, none equal to
    it: the options of a choice (the tête-à-tête's two hours are no option for the meeting's
    length, nor the planned 50 minutes for what it lasted). A source that gives several values
    of it gives none: its figures are of different times or things, and no option is its answer."""
    kept: list[Figure] = []
    for _, figures in disagreement.sources():
        alike = [f for f in figures if f.article_id != asked.article_id and like_with_like(f, asked)]
        if len({f.shown for f in alike}) != 1:
            continue
        figure = alike[0]
        if (relation(figure.value, asked.value) != "equal"
                and all(like_with_like(figure, other) for other in kept)
                and not any(relation(figure.value, other.value) == "equal" for other in kept)):
            kept.append(figure)
    return kept


def _heading(disagreement: Disagreement, *, planned: bool = False) -> str:
    dimension = disagreement.dimension_of(planned=planned)
    return tr(f"Quellenvergleich – {disagreement.topic} ({dimension})",
              f"Comparing sources – {disagreement.topic} ({dimension})")


def _measured(disagreement: Disagreement, figure: Figure) -> str:
    """ " für das Treffen" where the group's figures measure different things, else nothing."""
    if not (disagreement.names_measures and figure.measure):
        return ""
    return tr(f" für {figure.measure.named}", f" for „{figure.measure.noun}“")


def _compared_pair(sources: list[tuple[dict, list[Figure]]]) -> Optional[tuple[Figure, Figure]]:
    """Two figures of two sources that measure the same and differ - reports before plans - from
    sources that give no figure in common (so that with the figures swapped the statement is false)."""
    pairs = [
        (a, b)
        for (_, first), (_, second) in combinations(sources, 2)
        if not {f.shown for f in first} & {f.shown for f in second}
        for a in first for b in second
        if like_with_like(a, b) and relation(a.value, b.value) == "differs"
    ]
    return min(pairs, key=lambda pair: pair[0].planned) if pairs else None


def _statement(disagreement: Disagreement, sources: list[tuple[dict, list[Figure]]], key: str,
               correction: str) -> Optional[tuple[int, Question]]:
    """ "Quellenvergleich – Zuschauer (Anzahl): sid nennt 41.000, Sportecho 38.500." - true, or
    with the figures swapped false: which source says what is the point, and half the
    statements are right (a learner cannot just answer "falsch" every time). Each side says
    what it measures where the group holds several measures ("Die taz nennt für das Treffen …")."""
    pair = _compared_pair(sources)
    if pair is None:
        return None
    first_figure, second_figure = pair
    first, second = first_figure.article, second_figure.article
    true = int(key, 16) % 2 == 0
    said_first, said_second = (first_figure, second_figure) if true else (second_figure, first_figure)
    heading = _heading(disagreement, planned=first_figure.planned)
    for_first, for_second = _measured(disagreement, first_figure), _measured(disagreement, second_figure)
    question = tr(
        f"{heading}: {_short(first, first=True)} nennt{for_first} {said_first.shown}, "
        f"{_short(second)}{for_second} {said_second.shown}.",
        f"{heading}: {_short(first)} gives{for_first} {said_first.shown}, "
        f"{_short(second)}{for_second} {said_second.shown}.",
    )
    words = _answer_words(true)
    return first_figure.article_id, Question(
        kind="truefalse",
        question=question,
        answer=words[0],
        accepted=list(words),
        correct=true,
        correction=correction,
        sentence_index=first_figure.position,
        answer_type="comparison",
        hint=tr("richtig oder falsch", "true or false"),
        score=0.8,
        key=f"{KEY_PREFIX}{key}:tf",
    )


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
