"""Read one article file: decode, extract from HTML, drop boilerplate, find metadata.

``parse_article(raw, path)`` turns the bytes of a ``.txt`` or saved ``.html``
page into an ``Article`` whose text is the cleaned body, one paragraph per
line of the source, paragraphs separated by a blank line.

What counts as boilerplate (photo credits, galleries, donation appeals,
"Mehr zum Thema" boxes, cookie banners, datelines, sign-offs) is described by
regular expressions in ``data/boilerplate.txt``; source names and their
markers are in ``data/sources.tsv``. A problem with a file raises
``IngestError`` with a one-line reason for people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional
from urllib.parse import urlparse

from quizbot.i18n import tr
from quizbot.models import Article
from quizbot.resources import lexicon_lines, lexicon_rows
from quizbot.text import fold, is_heading, normalize_whitespace, sentence_spans

# A news article is a few dozen kilobytes; a saved page with inline images a
# few megabytes. Anything larger is not an article and is skipped unread.
MAX_FILE_BYTES = 16 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")

TITLE_MAX_WORDS = 20  # a longer first line is body text, not a title
DERIVED_TITLE_MAX_WORDS = 12
CAPTION_LABEL_MAX_WORDS = 10
TOPLINE_MAX_WORDS = 4  # "Astronomie" above "Forscher entdecken …": the title's topline
RELATED_HEADLINE_MAX_WORDS = 15
ALIAS_MAX_CHARS = 40


class IngestError(ValueError):
    """A file that cannot be read as an article; the message is one line for people."""


# --------------------------------------------------------------------------
# Bytes to text
# --------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_BINARY_SIGNATURES = (
    (b"%PDF-", ("eine PDF-Datei (bitte den Text als .txt speichern)", "a PDF file (save the text as .txt)")),
    (b"PK\x03\x04", ("ein ZIP-Archiv oder Office-Dokument", "a ZIP archive or office document")),
    (b"\x89PNG", ("ein Bild (PNG)", "an image (PNG)")),
    (b"\xff\xd8\xff", ("ein Bild (JPEG)", "an image (JPEG)")),
    (b"GIF8", ("ein Bild (GIF)", "an image (GIF)")),
    (b"\x7fELF", ("ein Programm", "a program")),
    (b"SQLite format 3", ("eine Datenbank", "a database")),
    (b"\xd0\xcf\x11\xe0", ("ein altes Office-Dokument", "an old office document")),
)
# Text decoded as CP1252 although it was UTF-8 ("PrÃ¤sident"): these pairs betray it.
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€")


def decode(raw: bytes) -> str:
    """The text of a file: UTF-8 (BOM or not), UTF-16/32 (BOM or not), CP1252 or Latin-1; binaries refused."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise IngestError(tr(f"kaputte Zeichenkodierung ({encoding})", f"broken text encoding ({encoding})")) from error
    sample = raw[:4096]
    for signature, (de, en) in _BINARY_SIGNATURES:
        if sample.startswith(signature):
            raise IngestError(tr(f"kein Text, sondern {de}", f"not text but {en}"))
    encoding = _utf16_without_bom(sample)
    if encoding:
        return raw.decode(encoding, errors="replace")
    if b"\x00" in sample:
        raise IngestError(tr("Binärdatei, kein Text", "binary file, not text"))
    text = _decode_8bit(raw)
    if _control_ratio(text[:4096]) > 0.05:
        raise IngestError(tr("Binärdatei, kein Text", "binary file, not text"))
    return text


def _utf16_without_bom(sample: bytes) -> Optional[str]:
    """UTF-16 without BOM shows as NUL in every other byte of mostly-ASCII text."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _decode_8bit(raw: bytes) -> str:
    """UTF-8 if it is valid UTF-8 (repaired if it went through CP1252 once), else CP1252, else Latin-1."""
    try:
        return _repair_mojibake(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # bytes CP1252 leaves undefined (0x81, 0x8d, ...)
        return raw.decode("latin-1")


def _repair_mojibake(text: str) -> str:
    """Undo one round of UTF-8 read as CP1252 ("PrÃ¤sident" -> "Präsident") when that is what happened."""
    if not _MOJIBAKE.search(text):
        return text
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text
    return repaired if len(_MOJIBAKE.findall(repaired)) < len(_MOJIBAKE.findall(text)) else text


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _control_ratio(text: str) -> float:
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0


# --------------------------------------------------------------------------
# Rules from data/
# --------------------------------------------------------------------------

_UPPER = "A-ZÄÖÜÀ-ÖØ-ÞĀ-Ž"
_NAME_WORD = rf"[{_UPPER}][^\W\d_]+(?:-[{_UPPER}][^\W\d_]+)?"


@dataclass
class _Rules:
    credit: list[re.Pattern]
    line: list[re.Pattern]
    related: list[re.Pattern]
    inline: list[re.Pattern]
    tail: list[re.Pattern]
    meta: list[re.Pattern]
    byline: list[re.Pattern]
    signoff: list[re.Pattern]
    lead: list[re.Pattern]
    title_prefix: list[re.Pattern]
    title_split: list[re.Pattern]
    date: re.Pattern
    time: re.Pattern
    months: dict[str, int]
    sentence_starters: frozenset[str]


@dataclass
class _Sources:
    domains: list[tuple[str, str]]  # (host ending, source)
    aliases: dict[str, str]  # folded alias -> source
    markers: list[tuple[re.Pattern, str]]


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    month_rows = lexicon_rows("months.tsv")
    months = {fold(name.rstrip(".")): int(number) for number, *names in month_rows for name in names}
    month_names = "|".join(sorted((re.escape(n) for _, *names in month_rows for n in names), key=len, reverse=True))
    date = (
        rf"\d{{1,2}}\.\s?\d{{1,2}}\.\s?(?:\d{{4}}|\d{{2}})(?!\d)"
        rf"|\d{{1,2}}\.\s?(?:{month_names})\s?\d{{4}}"
        rf"|\d{{4}}-\d{{2}}-\d{{2}}"
        rf"|(?<=dpa:)\d{{6}}(?=-\d)"  # dpa's story stamp: "dpa:250408-930-427611/3" is 8 April 2025
    )
    time = r"\d{1,2}[:.]\d{2}(?:\s*Uhr)?"
    rows = lexicon_rows("boilerplate.txt")
    agencies = "|".join(sorted((re.escape(p) for k, p in rows if k == "agency"), key=len, reverse=True))
    name = rf"{_NAME_WORD}(?: (?:von |van |de |del |di |zu )?{_NAME_WORD}){{1,2}}"
    placeholders = {
        key: f"(?:{value})"
        for key, value in {"{AGENCY}": agencies, "{DATE}": date, "{TIME}": time, "{NAME}": name}.items()
    }

    def compiled(kind: str) -> list[re.Pattern]:
        patterns = []
        for row_kind, pattern in rows:
            if row_kind == kind:
                for placeholder, value in placeholders.items():
                    pattern = pattern.replace(placeholder, value)
                patterns.append(re.compile(pattern))
        return patterns

    return _Rules(
        **{kind: compiled(kind) for kind in (
            "credit", "line", "related", "inline", "tail", "meta", "byline", "signoff", "lead",
            "title_prefix", "title_split",
        )},
        date=re.compile(date),
        time=re.compile(time),
        months=months,
        sentence_starters=frozenset(lexicon_lines("sentence_starters.txt")),
    )


@lru_cache(maxsize=None)
def _sources() -> _Sources:
    domains, aliases, markers = [], {}, []
    for source, kind, value in lexicon_rows("sources.tsv"):
        if kind == "domain":
            domains.append((value.lower(), source))
        elif kind == "alias":
            aliases[fold(value)] = source
        elif kind == "marker":
            markers.append((re.compile(value), source))
    for source in {s for _, s in domains} | {s for _, s in markers}:
        aliases.setdefault(fold(source), source)
    return _Sources(domains, aliases, markers)


def _fullmatch_any(patterns: list[re.Pattern], line: str) -> Optional[re.Match]:
    for pattern in patterns:
        match = pattern.fullmatch(line)
        if match:
            return match
    return None


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def find_date(text: str) -> Optional[str]:
    """The first date in ``text`` as ISO "YYYY-MM-DD", if any."""
    rules = _rules()
    for match in rules.date.finditer(text):
        iso = _iso_date(match.group(), rules.months)
        if iso:
            return iso
    return None


def _iso_date(text: str, months: dict[str, int]) -> Optional[str]:
    text = text.replace(" ", "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        year, month, day = map(int, text.split("-"))
    elif re.fullmatch(r"\d{6}", text):  # dpa's YYMMDD
        year, month, day = 2000 + int(text[:2]), int(text[2:4]), int(text[4:])
    else:
        day_part, month_part, year_part = re.fullmatch(r"(\d{1,2})\.([^\d\s]+\.?|\d{1,2}\.)(\d{2,4})", text).groups()
        day = int(day_part)
        month_part = month_part.rstrip(".")
        month = int(month_part) if month_part.isdigit() else months.get(fold(month_part), 0)
        year = int(year_part)
        if year < 100:
            year += 2000 if year < 70 else 1900
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_time(text: str) -> Optional[str]:
    match = _rules().time.search(text)
    if not match:
        return None
    hours, minutes = re.split(r"[:.]", match.group().removesuffix("Uhr").strip())
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return f"{int(hours):02d}:{minutes}"


# --------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------


@dataclass
class _Line:
    text: str
    block: int  # lines of one block are not separated by a blank line
    keep: bool = True
    credit: bool = False  # a photo credit (dropped)
    caption: bool = False  # next to a photo credit: content, but never the title


@dataclass
class Metadata:
    """What is known about an article besides its text (from HTML, or learnt while cleaning)."""

    title: Optional[str] = None
    date: Optional[str] = None
    time: Optional[str] = None
    author: Optional[str] = None
    source: Optional[str] = None
    agency: Optional[str] = None


@dataclass
class Cleaned:
    """The outcome of cleaning: paragraphs, the lines dropped, and what was learnt."""

    paragraphs: list[str]
    removed: list[str] = field(default_factory=list)
    title: Optional[str] = None
    date: Optional[str] = None
    time: Optional[str] = None
    author: Optional[str] = None
    source: Optional[str] = None


def clean_text(text: str, meta: Optional[Metadata] = None) -> Cleaned:
    """Boilerplate out, metadata in: the heart of ``parse_article``, also used on HTML text."""
    rules = _rules()
    meta = meta or Metadata()
    lines = _to_lines(_split_lines(text), rules, meta)
    source = meta.source or _source_from_markers([line.text for line in lines])
    _cut_tail(lines, rules)
    _drop_boilerplate(lines, rules, meta)
    _date_from_footer(lines, rules, meta)
    _drop_caption_labels(lines)
    _drop_repeats(lines)
    _read_signoff(lines, rules, meta)
    title = _title(lines, rules, meta)
    kept = [line.text for line in lines if line.keep]
    removed = [line.text for line in lines if not line.keep and line.text]
    return Cleaned(
        paragraphs=kept,
        removed=removed,
        title=title,
        date=meta.date,
        time=meta.time,
        author=meta.author,
        source=source or meta.agency,
    )


def _split_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n\n")
    lines = text.split("\n")
    return _unwrap(lines) if _looks_hard_wrapped(lines) else lines


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width (e-mail, old archives): lines of limited length, most of
    them long and ending mid-sentence (a text with one short paragraph a line ends them with a period)."""
    filled = [line.rstrip() for line in lines if line.strip()]
    if len(filled) < 6 or max(map(len, filled)) > 100:
        return False
    long_lines = sum(1 for line in filled if len(line) >= 50)
    open_ends = sum(1 for line in filled if is_heading(line))
    return long_lines >= 0.6 * len(filled) and open_ends >= 0.5 * len(filled)


def _unwrap(lines: list[str]) -> list[str]:
    """Join the lines of each blank-line separated block; undo hyphenation at line ends."""
    joined: list[str] = []
    block: list[str] = []
    for line in lines + [""]:
        if line.strip():
            block.append(line.strip())
            continue
        if block:
            text = block[0]
            for part in block[1:]:
                if not text.endswith("-") or text.endswith(" -"):
                    text += " " + part
                elif part[:1].islower():
                    text = text[:-1] + part  # "Ab-\nrüstung" -> "Abrüstung"
                else:
                    text += part  # "US-\nPräsident" -> "US-Präsident"
            joined.append(text)
            block = []
        joined.append("")
    return joined


def _source_from_markers(lines: list[str]) -> Optional[str]:
    """The source whose markers appear most often in the lines, boilerplate included (ties: the first found)."""
    hits: dict[str, int] = {}
    for line in lines:
        for pattern, source in _sources().markers:
            if pattern.search(line):
                hits[source] = hits.get(source, 0) + 1
    return max(hits, key=hits.get) if hits else None


def _to_lines(raw_lines: list[str], rules: _Rules, meta: Metadata) -> list[_Line]:
    """Normalised non-empty lines with block numbers; datelines at a paragraph start removed."""
    lines: list[_Line] = []
    block = 0
    for raw in raw_lines:
        if not raw.strip():
            block += 1
            continue
        text = _strip_lead(raw.strip(), rules, meta)
        text = normalize_whitespace(text).strip()
        if text:
            lines.append(_Line(text, block))
    return lines


def _strip_lead(line: str, rules: _Rules, meta: Metadata) -> str:
    for pattern in rules.lead:
        match = pattern.match(line)
        if match and match.end() < len(line):
            groups = match.groupdict()
            if groups.get("agency") and not meta.agency:
                meta.agency = _agency_name(groups["agency"])
            return line[match.end():]
    return line


def _agency_name(text: str) -> str:
    first = re.split(r"\s*[/,]\s*", text.strip())[0]
    return _sources().aliases.get(fold(first), first)


def _cut_tail(lines: list[_Line], rules: _Rules) -> None:
    """Drop the footer: from the first tail line in the second half of the article on."""
    half = len(lines) // 2
    for index in range(half, len(lines)):
        if _fullmatch_any(rules.tail, lines[index].text):
            for line in lines[index:]:
                line.keep = False
            return


def _date_from_footer(lines: list[_Line], rules: _Rules, meta: Metadata) -> None:
    """An article dated nowhere above may be dated in its footer ("dpa-infocom, dpa:250408-…").
    Read after the rest, so that a date at the top always wins."""
    if meta.date is not None:
        return
    for line in reversed(lines):
        if not line.keep and _read_meta_line(line.text, rules, meta):
            return


def _drop_boilerplate(lines: list[_Line], rules: _Rules, meta: Metadata) -> None:
    aliases = _sources().aliases
    skip_related = False
    related_at = -1
    for index, line in enumerate(lines):
        if not line.keep:
            continue
        text = line.text
        # The box's headlines follow its label, on the next lines or after one blank line.
        in_box = lines[index - 1].block == line.block or index - 1 == related_at
        if skip_related and _headline_like(text) and in_box:
            line.keep = False  # a headline in a "Mehr zum Thema" box
            continue
        skip_related = False
        if _fullmatch_any(rules.related, text):
            line.keep = False
            skip_related = True
            related_at = index
        elif _fullmatch_any(rules.credit, text):
            line.keep, line.credit = False, True
            _mark_captions(lines, index)
        elif _read_meta_line(text, rules, meta) or _read_byline(text, rules, meta):
            line.keep = False
        elif _fullmatch_any(rules.line, text) or _is_alias(text, aliases):
            line.keep = False
        else:
            line.text = _strip_inline(text, rules)
            if not line.text:
                line.keep = False


def _is_alias(text: str, aliases: dict[str, str]) -> bool:
    """A line that only names an outlet ("ORF", "taz"): a link marker, not content."""
    return len(text) <= ALIAS_MAX_CHARS and fold(text) in aliases


def _headline_like(text: str) -> bool:
    """No closing punctuation, or a short question ("Exoplaneten: Gibt es Leben da draußen?")."""
    if is_heading(text):
        return True
    return text.endswith("?") and len(text.split()) <= RELATED_HEADLINE_MAX_WORDS and len(sentence_spans(text)) == 1


def _mark_captions(lines: list[_Line], credit: int) -> None:
    for neighbour in (credit - 1, credit + 1):
        if 0 <= neighbour < len(lines) and lines[neighbour].block == lines[credit].block:
            lines[neighbour].caption = True


def _read_meta_line(text: str, rules: _Rules, meta: Metadata) -> bool:
    if len(text) > 120 or not _fullmatch_any(rules.meta, text):
        return False
    date = find_date(text)
    if not date:
        return False
    meta.date = meta.date or date
    meta.time = meta.time or find_time(text.replace(rules.date.search(text).group(), " "))
    return True


def _read_byline(text: str, rules: _Rules, meta: Metadata) -> bool:
    match = _fullmatch_any(rules.byline, text)
    if not match:
        return False
    meta.author = meta.author or match.group("author")
    return True


def _strip_inline(text: str, rules: _Rules) -> str:
    for pattern in rules.inline:
        text = pattern.sub("", text)
    return text.strip()


def _drop_caption_labels(lines: list[_Line]) -> None:
    """Galleries come as label / credit / caption: the short label is no content.

    (A caption *before* a credit followed by a blank line stays: it may state facts.)
    """
    for index in range(len(lines) - 2):
        label, credit, caption = lines[index:index + 3]
        if (
            label.keep and credit.credit and caption.keep
            and label.block == credit.block == caption.block
            and is_heading(label.text) and len(label.text.split()) <= CAPTION_LABEL_MAX_WORDS
        ):
            label.keep = False


def _drop_repeats(lines: list[_Line]) -> None:
    seen: set[str] = set()
    for line in lines:
        if not line.keep:
            continue
        if line.text in seen:
            line.keep = False
        seen.add(line.text)


def _read_signoff(lines: list[_Line], rules: _Rules, meta: Metadata) -> None:
    """Author, place, date or agency at the very end of the article."""
    kept = [line for line in lines if line.keep]
    if len(kept) < 2:
        return
    last = kept[-1]
    for pattern in rules.signoff:
        match = pattern.search(last.text)
        if not match or not _plausible_signoff(match, rules):
            continue
        groups = match.groupdict()
        meta.author = meta.author or groups.get("author")
        if groups.get("date"):
            meta.date = meta.date or find_date(groups["date"])
        if groups.get("agency"):
            meta.agency = meta.agency or _agency_name(groups["agency"])
        last.text = last.text[:match.start()].rstrip()
        if not last.text:
            last.keep = False
        return


def _plausible_signoff(match: re.Match, rules: _Rules) -> bool:
    """A name sign-off is not a sentence fragment such as "Die Regierung"."""
    author = match.groupdict().get("author")
    if not author:
        return True
    words = author.split()
    return words[0] not in rules.sentence_starters and not any(
        fold(word) in _sources().aliases for word in words
    )


def _title(lines: list[_Line], rules: _Rules, meta: Metadata) -> str:
    """The title: from the HTML metadata, else the first line.

    A first line without closing punctuation is the title and leaves the body;
    a first line that is body text stays and lends its first sentence as title.
    """
    kept = [line for line in lines if line.keep]
    if meta.title:
        title = normalize_whitespace(meta.title).strip()
        for line in kept[:3]:  # the page's headline, repeated in the extracted text
            if _letters(line.text) == _letters(title):
                line.keep = False
        return _tidy_title(title, rules)
    candidates = [line for line in kept if not line.caption]
    if not candidates:
        return ""
    first = candidates[0]
    if not (is_heading(first.text) and len(first.text.split()) <= TITLE_MAX_WORDS):
        return _derived_title(first.text)
    first.keep = False
    title = first.text
    following = candidates[1] if len(candidates) > 1 else None
    if (
        following and len(title.split()) <= TOPLINE_MAX_WORDS
        and is_heading(following.text) and len(following.text.split()) <= TITLE_MAX_WORDS
    ):
        following.keep = False
        title = f"{title}: {following.text}"
    return _tidy_title(title, rules)


def _letters(text: str) -> str:
    """Only letters and digits, folded: "Bundesliga: Leverkusen …" equals "Bundesliga Leverkusen …"."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _tidy_title(title: str, rules: _Rules) -> str:
    for pattern in rules.title_prefix:
        rubric = pattern.match(title)
        if rubric:
            title = title[rubric.end():]
    for pattern in rules.title_split:
        title = pattern.sub(": ", title, count=1)
    return title[:1].upper() + title[1:]


def _derived_title(paragraph: str) -> str:
    """A title from body text: its first sentence, up to a colon or dash, shortened."""
    start, end = sentence_spans(paragraph)[0]
    sentence = paragraph[start:end]
    sentence = re.split(r":\s| [–—-] ", sentence, maxsplit=1)[0].rstrip(".!?… ")
    words = sentence.split()
    if len(words) > DERIVED_TITLE_MAX_WORDS:
        return " ".join(words[:DERIVED_TITLE_MAX_WORDS]) + " …"
    return sentence


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype html|html|head|body|meta|article)\b", re.I | re.S)


def looks_like_html(path: Path, text: str) -> bool:
    return path.suffix.lower() in (".html", ".htm") or bool(_HTML_START.match(text[:2048]))


def _from_html(html: str) -> tuple[str, Metadata]:
    """Article text (one paragraph a line) and metadata of a saved news page."""
    import trafilatura  # imported here: half a second, and only HTML needs it
    from trafilatura.settings import set_date_params

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True,
        # only a date the page states as its own (meta tags, a time element, the byline):
        # htmldate's extensive search reads "bis 2026" in the text as 1 January 2026
        date_extraction_params=set_date_params(extensive=False),
    )
    if document is None or not (document.text or "").strip():
        raise IngestError(tr("kein Artikeltext in der HTML-Seite gefunden", "no article text found in the HTML page"))
    text = document.text
    description = normalize_whitespace(document.description or "").strip()
    if description and not is_heading(description) and fold(description[:60]) not in fold(text):
        text = description + "\n" + text  # the teaser, often in a <header> the extractor skips
    meta = Metadata(
        title=document.title or None,
        date=_iso_from_metadata(document.date),
        author=_author_from_metadata(document.author),
        source=_source_of_site(document.hostname or _host(document.url), document.sitename),
    )
    return text, meta


def _iso_from_metadata(value: Optional[str]) -> Optional[str]:
    return value[:10] if value and re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def _author_from_metadata(value: Optional[str]) -> Optional[str]:
    """People only: "ZEIT ONLINE, dpa, AFP, kg" names no author."""
    if not value:
        return None
    aliases = _sources().aliases
    people = [
        part.strip() for part in re.split(r"[;,]| und ", value)
        if len(part.strip()) > 3 and fold(part.strip()) not in aliases and " " in part.strip()
    ]
    return ", ".join(people) or None


def _host(url: Optional[str]) -> Optional[str]:
    return urlparse(url).hostname if url else None


def _source_of_site(host: Optional[str], site_name: Optional[str]) -> Optional[str]:
    sources = _sources()
    if host:
        host = host.lower()
        for ending, source in sources.domains:
            if host == ending or host.endswith("." + ending):
                return source
    if site_name:
        return sources.aliases.get(fold(site_name), site_name.strip())
    return host


# --------------------------------------------------------------------------
# The whole file
# --------------------------------------------------------------------------


def parse_article(raw: bytes, path: Path, *, file_hash: str) -> Article:
    """An ``Article`` from the raw bytes of ``path`` (whose identity is its resolved path)."""
    if not raw:
        raise IngestError(tr("leere Datei", "empty file"))
    text = decode(raw)
    if not normalize_whitespace(text).strip():  # zero-width and no-break spaces count as blank too
        raise IngestError(tr("enthält nur Leerzeichen", "contains only whitespace"))
    meta = None
    if looks_like_html(path, text):
        text, meta = _from_html(text)
    cleaned = clean_text(text, meta)
    if not cleaned.paragraphs:
        raise IngestError(tr("kein Artikeltext (nur Titel oder Boilerplate)", "no article text (only a title or boilerplate)"))
    return Article(
        path=str(path),
        file=path.name,
        title=cleaned.title or path.stem,
        text="\n\n".join(cleaned.paragraphs),
        hash=file_hash,
        date=cleaned.date,
        time=cleaned.time,
        author=cleaned.author,
        source=cleaned.source,
        removed=cleaned.removed,
    )
