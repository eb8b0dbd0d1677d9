"""Kölner Phonetik: a phonetic key for German words (Hans Joachim Postel, 1969).

Words that sound alike get the same digit string: "Wladiwostok" and
"Vladivostok" both give "3523824", "Schoigu" and "Shoigu" both "84". The
grader uses it to forgive transliterations, and only together with a spelling
similarity floor, because very different words can share a key ("Säbel" and
"Zobel" both give "815").

The algorithm, letter by letter (umlauts as their vowel, ß as s):

====================  =====================================================
A E I J O U Y         0
H                     (nothing)
B                     1
P                     1, but 3 before H
D T                   2, but 8 before C, S, Z
F V W                 3
G K Q                 4
C                     word start: 4 before A H K L O Q R U X, else 8;
                      inside: 4 before A H K O Q U X unless after S or Z, else 8
X                     48, but 8 after C K Q
L                     5
M N                   6
R                     7
S Z                   8
====================  =====================================================

Then repeated digits collapse to one and every 0 except a leading one goes.
"""

from __future__ import annotations

from functools import lru_cache

from quizbot.text import fold

_SIMPLE = {
    **dict.fromkeys("aeijouy", "0"),
    "b": "1",
    **dict.fromkeys("fvw", "3"),
    **dict.fromkeys("gkq", "4"),
    "l": "5",
    **dict.fromkeys("mn", "6"),
    "r": "7",
    **dict.fromkeys("sz", "8"),
}


def _code(letter: str, before: str, after: str, at_start: bool) -> str:
    if letter in _SIMPLE:
        return _SIMPLE[letter]
    if letter == "p":
        return "3" if after == "h" else "1"
    if letter in "dt":
        return "8" if after in ("c", "s", "z") else "2"
    if letter == "c":
        if at_start:
            return "4" if after and after in "ahkloqrux" else "8"
        return "4" if after and after in "ahkoqux" and before not in ("s", "z") else "8"
    if letter == "x":
        return "8" if before in ("c", "k", "q") else "48"
    return ""  # h and everything that is not a letter


@lru_cache(maxsize=4096)
def cologne(word: str) -> str:
    """The Kölner Phonetik key of a word ("Müller" -> "657"); "" for no letters."""
    letters = [ch for ch in fold(word) if "a" <= ch <= "z"]
    raw = ""
    for index, letter in enumerate(letters):
        before = letters[index - 1] if index else ""
        after = letters[index + 1] if index + 1 < len(letters) else ""
        raw += _code(letter, before, after, index == 0)
    collapsed = "".join(digit for index, digit in enumerate(raw) if index == 0 or digit != raw[index - 1])
    return collapsed[:1] + collapsed[1:].replace("0", "")
