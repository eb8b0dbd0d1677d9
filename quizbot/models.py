"""The plain records that flow through the pipeline.

articles -> ingest -> Article -> text -> Sentence -> facts -> Fact
         -> questions -> Question -> store

They carry no behaviour beyond small conveniences, and no module here
imports anything from the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Article:
    """A cleaned article: boilerplate removed, whitespace normalised."""

    path: str  # resolved path, the identity of an article across re-ingests
    file: str  # the name shown to people (file name)
    title: str
    text: str  # cleaned body; paragraphs separated by a blank line
    hash: str  # sha256 of the raw file bytes (unchanged file -> nothing to do)
    date: Optional[str] = None  # ISO date "2019-04-25" when the text gives one
    time: Optional[str] = None  # "22:38" when given
    author: Optional[str] = None
    source: Optional[str] = None  # "DER STANDARD", "taz", "ORF", ...
    removed: list[str] = field(default_factory=list)  # boilerplate lines dropped (for reports)


@dataclass
class Sentence:
    index: int  # position in the article, from 0
    paragraph: int  # paragraph number, from 0
    text: str  # verbatim as in the cleaned article
    start: int = 0  # offsets into Article.text
    end: int = 0
    heading: bool = False  # no closing punctuation (title, subheading, caption) or a lone short question


@dataclass
class Fact:
    """A typed answer span in one sentence.

    kind: amount | count | duration | distance | percent | factor | year | date
          | ordinal | person | place | organisation | quote | term (a concrete thing: "Säbel")
    """

    kind: str
    text: str  # the span exactly as it appears in the sentence
    sentence_index: int
    start: int  # offsets into the sentence text
    end: int
    value: Optional[float] = None  # normalised number (34 Millionen -> 34000000.0)
    unit: Optional[str] = None  # canonical unit id from data/units.tsv ("USD", "km", "min", "t")
    qualifier: Optional[str] = None  # "more_than", "approx", "almost", "less_than", ...
    label: Optional[str] = None  # the answer as a teacher would write it ("34 Millionen Dollar")
    role: Optional[str] = None  # for persons: "russischer Präsidentenberater"
    extra: dict = field(default_factory=dict)  # anything else (affiliation, speaker, ...)

    @property
    def answer(self) -> str:
        return self.label or self.text


@dataclass
class Question:
    """A generated question with its evidence.

    kind: open | cloze | choice | truefalse (| sources, for source comparison)
    """

    kind: str
    question: str
    answer: str
    sentence_index: int
    answer_type: str  # the fact kind the answer is (amount, person, place, year, ...)
    accepted: list[str] = field(default_factory=list)  # spelling variants etc., answer included
    choices: Optional[list[str]] = None  # choice: the four options, answer among them
    correct: Optional[bool] = None  # truefalse: is the statement true?
    correction: Optional[str] = None  # truefalse when false: what the article says
    score: float = 0.0  # ranking score 0..1, higher is better
    fact_index: Optional[int] = None  # index into the article's facts list
    hint: Optional[str] = None  # answer-type hint ("Betrag mit Einheit")
    key: str = ""  # stable identity (survives re-ingest): see questions.question_key
