"""Text helpers shared by every stage: normalisation, folding, sentences, tokens.

Sentence splitting is German-aware: abbreviations (data/abbreviations.txt),
ordinals ("am 25. April", "zum 70. Jahrestag"), dates ("25.4.2019"),
initials ("Donald J. Trump") and quotations that end a sentence inside the
quote („… ideenreichen Gesprächspartner.“ Auch Kim …) are handled.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

from quizbot.models import Sentence
from quizbot.resources import lexicon_lines, lexicon_rows

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]+")  # a regex: far faster than str.translate


def normalize_whitespace(text: str) -> str:
    """Soft hyphens and zero-width marks removed, every space kind made one space."""
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text)


def fold(text: str) -> str:
    """Case-, umlaut- and accent-insensitive form: 'Außenminister' -> 'aussenminister'.

    ä/ö/ü fold to a/o/u (learners type both 'Pjongjang' and 'Pjöngjang');
    the 'ae'/'oe'/'ue' spellings are the grader's business, not this one's.
    """
    text = text.casefold().replace("ß", "ss")
    if text.isascii():
        return text
    return _combining_marks().sub("", unicodedata.normalize("NFKD", text))


# Unicode places every combining mark in the first two planes (the last, U+1E94A,
# in Unicode 14); the scan stops there, a tenth of the whole range.
_LAST_PLANE_WITH_MARKS = 0x1FFFF


@lru_cache(maxsize=None)
def _combining_marks() -> re.Pattern:
    """Every combining mark as one character class: a regex strips them far faster than a loop."""
    marks = [code for code in range(_LAST_PLANE_WITH_MARKS + 1) if unicodedata.combining(chr(code))]
    ranges, start, previous = [], marks[0], marks[0]
    for code in marks[1:] + [-1]:
        if code != previous + 1:
            ranges.append(re.escape(chr(start)) + ("" if start == previous else "-" + re.escape(chr(previous))))
            start = code
        previous = code
    return re.compile(f"[{''.join(ranges)}]+")


# --------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------

# Numbers keep their separators ("10.000", "3,5"); words keep hyphens and
# apostrophes inside them ("US-Präsident", "Jong-un", "geht's").
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-'’]\w+)*")


def tokens(text: str) -> list[str]:
    """Words and numbers of a text, punctuation dropped."""
    return _TOKEN.findall(text)


# --------------------------------------------------------------------------
# Paragraphs and sentences
# --------------------------------------------------------------------------

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CLOSERS = "\"“”»«'’‘)]"
_QUOTE_MARKS = frozenset("\"“”»«'’‘")
# A sentence may end at . ! ? … (possibly repeated, "?!"), followed by closing
# quotes or brackets, then whitespace. The split happens at the whitespace.
_CANDIDATE_END = re.compile(rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?=\s)")
_FINAL_PUNCTUATION = re.compile(rf"[.!?…:;][{re.escape(_CLOSERS)}]*$")
_SPACE_RUN = re.compile(r"\s*")
WORD_LOOKBACK = 40  # characters searched for the word before a period: any abbreviation is shorter
_NEXT_WORD = re.compile(r"\s+[\"„“‚‘'»«(\[]*([^\s\"„“”‚‘’'»«(\[]+)")
_ORDINAL_NUMBER = re.compile(r"\d{1,3}")
_ROMAN_ORDINAL = re.compile(r"[IVXLC]{2,7}")  # "VIII." in "der VIII. Zivilsenat" (one letter is an initial)
QUESTION_HEADING_MAX_WORDS = 8


@lru_cache(maxsize=None)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(all abbreviations, those that may also close a sentence)."""
    rows = lexicon_rows("abbreviations.txt")
    every = frozenset(row[0] for row in rows)
    final = frozenset(row[0] for row in rows if len(row) > 1 and row[1] == "final")
    return every, final


@lru_cache(maxsize=None)
def _sentence_starters() -> frozenset[str]:
    return frozenset(lexicon_lines("sentence_starters.txt"))


def paragraphs(text: str) -> list[tuple[int, str]]:
    """The paragraphs of a text (separated by blank lines) with their start offsets."""
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)] + [(len(text), len(text))]
    result = []
    start = 0
    for end, next_start in breaks:
        chunk = text[start:end]
        if chunk.strip():
            result.append((start + len(chunk) - len(chunk.lstrip()), chunk.strip()))
        start = next_start
    return result


def is_heading(paragraph: str) -> bool:
    """A paragraph that does not close with sentence punctuation: title, subheading, caption."""
    return not _FINAL_PUNCTUATION.search(paragraph.rstrip())


def _is_subheading(paragraph: str) -> bool:
    """A heading, or a short question on a line of its own ("Was will Kim erreichen?"),
    as explainers in questions and answers use them."""
    if is_heading(paragraph):
        return True
    return (
        paragraph.rstrip().endswith("?")
        and len(paragraph.split()) <= QUESTION_HEADING_MAX_WORDS
        and len(sentence_spans(paragraph)) == 1
    )


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of an article text, with paragraph numbers and offsets into ``text``."""
    sentences: list[Sentence] = []
    for number, (offset, paragraph) in enumerate(paragraphs(text)):
        heading = _is_subheading(paragraph)
        spans = [(0, len(paragraph))] if heading else sentence_spans(paragraph)
        for start, end in spans:
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph=number,
                    text=paragraph[start:end],
                    start=offset + start,
                    end=offset + end,
                    heading=heading,
                )
            )
    return sentences


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences in one paragraph."""
    quoted = _merged(_quoted_spans(paragraph))
    quote_starts = [open_at for open_at, _ in quoted]
    spans = []
    start = 0
    for match in _CANDIDATE_END.finditer(paragraph):
        end = match.end()
        if _inside(quoted, quote_starts, end) or not _ends_sentence(paragraph, match):
            continue
        spans.append((start, end))
        start = _SPACE_RUN.match(paragraph, end).end()
    if start < len(paragraph):
        spans.append((start, len(paragraph.rstrip())))
    return [(s, e) for s, e in spans if paragraph[s:e].strip()]


def _ends_sentence(paragraph: str, match: re.Match) -> bool:
    """Does the punctuation in ``match`` close a sentence?"""
    after = _NEXT_WORD.match(paragraph, match.end())
    if not after:
        return False
    next_word = after.group(1)
    if not (next_word[0].isupper() or next_word[0].isdigit()):
        return False  # "ca. zwei", "u.a. die", "am 3. oder 4. Mai"
    punctuation = match.group().rstrip(_CLOSERS)
    if punctuation != "." or _QUOTE_MARKS.intersection(match.group()):
        return True  # "?", "!", "…", or a period inside a closing quote
    words_before = paragraph[max(0, match.start() - WORD_LOOKBACK):match.start()].split()
    if not words_before:
        return True
    word = words_before[-1].lstrip("\"„“‚‘'»«([")
    abbreviations, may_close = _abbreviations()
    starts_sentence = next_word.rstrip(",:;") in _sentence_starters()
    if word + "." in abbreviations:
        return word + "." in may_close and starts_sentence
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "Donald J. Trump", "Schoigu (l.)"
    if _ORDINAL_NUMBER.fullmatch(word) or _ROMAN_ORDINAL.fullmatch(word):
        return starts_sentence  # "am 25. April" goes on, "auf Platz 3. Der Sieger" ends; "des VIII. Zivilsenats"
    return True


def _quoted_spans(paragraph: str) -> list[tuple[int, int]]:
    """(open, close) positions of balanced quotations; unmatched marks are ignored.

    A sentence end inside a quotation that closes later in the paragraph is
    not a split point: „Wir sind bereit. Die USA müssen handeln“, sagte er.
    """
    spans = []
    stack: list[tuple[int, str]] = []  # (position, the mark that closes it)
    for index, char in enumerate(paragraph):
        if stack and char == stack[-1][1] and _closes(paragraph, index, char):
            spans.append((stack.pop()[0], index))
        elif char in _OPENING and _opens(paragraph, index, char):
            stack.append((index, _OPENING[char]))
    return spans


# The opening mark and the mark that closes it („…“ German, »…« German books,
# «…» Swiss, “…” English, "…" typewriter).
_OPENING = {"„": "“", "»": "«", "«": "»", "“": "”", '"': '"', "‚": "‘"}


def _opens(text: str, index: int, char: str) -> bool:
    if char in "„‚":
        return True
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([-–—/") and not after.isspace()


def _closes(text: str, index: int, char: str) -> bool:
    if char in "“‘«»”":
        return True
    before = text[index - 1] if index else " "
    return not before.isspace()


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Nested or overlapping quotations as disjoint, sorted spans."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Is ``position`` within one of the disjoint sorted ``spans`` (after its opening mark, up to its closing one)?"""
    index = bisect_left(starts, position) - 1
    return index >= 0 and spans[index][0] < position <= spans[index][1]
