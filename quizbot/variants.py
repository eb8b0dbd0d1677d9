"""Accepted spellings: transliterations and renamings from data/variants.tsv.

A group ("Kiew	Kyiv	Kyjiw	Kiev") lists spellings of one name that a fair
teacher accepts; the first is the German spelling used in German news.
Comparison uses ``key()``: case, umlauts, accents, ß, hyphens and spaces
folded, and the ae/oe/ue spellings read as the umlaut ("Pjoengjang").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, product

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


@lru_cache(maxsize=None)
def _groups() -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for row in lexicon_rows("variants.tsv"):
        group = tuple(spelling for spelling in row if spelling)
        for spelling in group:
            index.setdefault(key(spelling), group)
    return index


def group_of(text: str) -> tuple[str, ...]:
    """The spellings of the group ``text`` belongs to (German spelling first), or ()."""
    return _groups().get(key(text), ())


def same_name(a: str, b: str) -> bool:
    """True if a and b are the same spelling or listed as spellings of one name."""
    if key(a) == key(b):
        return True
    group = group_of(a)
    return bool(group) and group is group_of(b)


def variants_of(answer: str) -> list[str]:
    """Other accepted spellings of an answer: the whole phrase's group, then word by word.

    "Präsident Selenskyj" -> ["Präsident Zelensky", "Präsident Zelenskyy", ...]; at most 24,
    never the answer itself.
    """
    spellings = list(group_of(answer))
    words = answer.split()
    if len(words) > 1:
        choices = [[word, *(s for s in group_of(word) if key(s) != key(word))] for word in words]
        for combination in islice(product(*choices), _MAX_SPELLINGS + 1):
            spellings.append(" ".join(combination))
    unique: dict[str, str] = {}  # by folded spelling: exports that match text exactly need "Kim Jong-un" too
    for spelling in spellings:
        unique.setdefault(fold(spelling), spelling)
    unique.pop(fold(answer), None)
    return list(unique.values())[:_MAX_SPELLINGS]
