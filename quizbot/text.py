"""Text helpers shared by every stage: normalisation and folding.

Sentence splitting lives here too (see ``split_sentences``).
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def normalize_whitespace(text: str) -> str:
    """Soft hyphens and zero-width marks removed, every space kind made one space."""
    text = text.translate(_INVISIBLE)
    return _SPACES.sub(" ", text)


def fold(text: str) -> str:
    """Case-, umlaut- and accent-insensitive form: 'Außenminister' -> 'aussenminister'.

    ä/ö/ü fold to a/o/u (learners type both 'Pjongjang' and 'Pjöngjang');
    the 'ae'/'oe'/'ue' spellings are the grader's business, not this one's.
    """
    text = text.casefold().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
