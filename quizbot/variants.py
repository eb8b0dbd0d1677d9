"""Accepted spellings: transliterations and renamings from data/variants.tsv.

A group ("ort	Kiew	Kyiv	Kyjiw	Kiev") lists spellings of one name that a fair
teacher accepts, after the kind of thing it names; the first spelling is the German
one used in German news. The kind keeps a word inside a longer answer among its own
kind: the "Un" of "Kim Jong Un" is not the UN.
Comparison uses ``key()``: case, umlauts, accents, ß, hyphens and spaces
folded, and the ae/oe/ue spellings read as the umlaut ("Pjoengjang").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product
from typing import Optional

from quizbot.resources import lexicon_rows
from quizbot.text import fold

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_UMLAUT_SPELLING = re.compile(r"(?:(?<=[a-z])|^)([aou])e")  # "Pjoengjang", "Ueberschwemmung"
_MAX_SPELLINGS = 24


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The comparison form: "Außen-Minister" -> "aussenminister", "Pjöngjang"/"Pjoengjang" -> "pjongjang"."""
    folded = _NOT_ALNUM.sub("", fold(text))
    return _UMLAUT_SPELLING.sub(r"\1", folded)


# The kinds of group (column 1 of data/variants.tsv) whose spellings may replace a word inside a
# longer answer of each type: a person's name takes only person groups ("Kim Jong Un" is no
# "Kim Jong UNO"), an organisation's only organisation groups ("FC Bayern München" is no
# "FC Bayern Munich"). A quotation is the article's own words: no word of it is exchanged.
WORD_KINDS_BY_ANSWER_TYPE: dict[Optional[str], frozenset[str]] = {
    "person": frozenset({"person", "familienname"}),
    "place": frozenset({"ort"}),
    "organisation": frozenset({"organisation", "wort"}),
    None: frozenset({"person", "familienname", "wort"}),  # unknown type: "Präsident Selenskyj"
}
KINDS = frozenset({"person", "familienname", "ort", "organisation", "wort"})
# Korean given names after a family name written first: syllables ("Jae In", "Jae-in", "Young-tae").
_SYLLABLE_GIVEN_NAME = re.compile(r"[A-Za-z]{1,4}|[A-Za-z]{1,5}(?:-[a-zA-Z]{1,5})+")


@dataclass(frozen=True)
class _Group:
    kind: str
    spellings: tuple[str, ...]


@lru_cache(maxsize=None)
def _groups() -> dict[str, _Group]:
    index: dict[str, _Group] = {}
    for kind, *spellings in lexicon_rows("variants.tsv"):
        if kind not in KINDS:
            raise ValueError(f"data/variants.tsv: unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
        group = _Group(kind, tuple(spelling for spelling in spellings if spelling))
        for spelling in group.spellings:
            index.setdefault(key(spelling), group)
    return index


def group_of(text: str) -> tuple[str, ...]:
    """The spellings of the group ``text`` belongs to (German spelling first), or ()."""
    group = _groups().get(key(text))
    return group.spellings if group else ()


def kind_of(text: str) -> Optional[str]:
    """What the group of ``text`` names ("person", "ort", "organisation" …), or None."""
    group = _groups().get(key(text))
    return group.kind if group else None


def same_name(a: str, b: str) -> bool:
    """True if a and b are the same spelling or listed as spellings of one name."""
    if key(a) == key(b):
        return True
    group = _groups().get(key(a))
    return group is not None and group is _groups().get(key(b))


def variants_of(answer: str, answer_type: Optional[str] = None) -> list[str]:
    """Other accepted spellings of an answer: the whole phrase's group, then word by word.

    "Präsident Selenskyj" -> ["Präsident Zelensky", "Präsident Zelenskyy", ...]; at most 24,
    never the answer itself. A word is exchanged only for spellings of a group of a kind that
    fits ``answer_type`` (WORD_KINDS_BY_ANSWER_TYPE): the "Un" of "Kim Jong Un" is not the UN.
    """
    spellings = list(group_of(answer))
    words = answer.split()
    if len(words) > 1:
        choices = [[word, *_word_spellings(words, position, answer_type)] for position, word in enumerate(words)]
        for combination in islice(product(*choices), _MAX_SPELLINGS + 1):
            spellings.append(" ".join(combination))
    unique: dict[str, str] = {}  # by folded spelling: exports that match text exactly need "Kim Jong-un" too
    for spelling in spellings:
        unique.setdefault(fold(spelling), spelling)
    unique.pop(fold(answer), None)
    return list(unique.values())[:_MAX_SPELLINGS]


def _word_spellings(words: list[str], position: int, answer_type: Optional[str]) -> list[str]:
    """The other spellings of one word of a longer answer that may stand in for it there."""
    word = words[position]
    group = _groups().get(key(word))
    if group is None or group.kind not in WORD_KINDS_BY_ANSWER_TYPE.get(answer_type, frozenset()):
        return []
    if group.kind == "familienname" and not _korean_order(words, position):
        return []
    return [spelling for spelling in group.spellings if key(spelling) != key(word)]


def _korean_order(words: list[str], position: int) -> bool:
    """Is the word a family name written first, before syllable given names ("Moon Jae In",
    "Park Chan-wook"), not the surname of "Christopher Lee" or the first name of "Lee Harvey Oswald"?"""
    rest = words[position + 1 :]
    return position == 0 and bool(rest) and all(_SYLLABLE_GIVEN_NAME.fullmatch(word) for word in rest)
