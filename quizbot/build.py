"""Ingest article files into a store: read, split, extract facts, generate questions, save.

``build(paths, store)`` takes files and folders (walked recursively), skips
an article whose raw bytes are unchanged before decoding it, and saves each
changed article in one transaction, so a file that fails leaves nothing half
written and does not stop the others. ``ensure_default_db()`` gives the
per-user database, built from the bundled sample articles on first use.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import platformdirs

from quizbot.i18n import tr
from quizbot.ingest import ARTICLE_SUFFIXES, MAX_FILE_BYTES, IngestError, parse_article
from quizbot.models import Fact
from quizbot.resources import seeds_dir
from quizbot.store import Store, StoreError
from quizbot.text import split_sentences

POOL_PER_KIND = 200  # distractor facts kept per kind: enough variety, memory flat

Progress = Callable[[int, int, Path], None]  # (files done, files in all, the file just done)


@dataclass
class BuildReport:
    """What one run did. ``skipped`` holds (path, one-line reason) per problem."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    sentences: int = 0  # of the new and updated articles
    facts: int = 0
    questions: int = 0
    comparisons: int = 0  # "Quellenvergleich" questions across all stored articles, when recomputed
    skipped: list[tuple[str, str]] = field(default_factory=list)
    without_questions: list[str] = field(default_factory=list)  # ingested, but nothing to ask
    ignored: int = 0  # files in folders that are no articles (images, PDFs, ...)
    files: int = 0  # article files found (read or not)

    @property
    def articles(self) -> int:
        """Articles now in the store from this run's files, unchanged ones included."""
        return self.new + self.updated + self.unchanged


# --------------------------------------------------------------------------
# Finding the files
# --------------------------------------------------------------------------


def collect_files(paths: Iterable[str | os.PathLike], report: BuildReport) -> list[Path]:
    """Article files under ``paths``, resolved and without repeats, in a stable order.

    Missing paths, unreadable folders and symlink loops go to ``report.skipped``;
    files of other kinds inside folders are only counted (``report.ignored``).
    A file named explicitly is always tried, whatever its suffix.
    """
    files: dict[Path, None] = {}
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            for found in _walk(path, report):
                files.setdefault(found)
        elif path.exists():
            files.setdefault(path.resolve())
        elif path.is_symlink():
            report.skipped.append((str(given), tr("Verknüpfung ins Leere", "broken symbolic link")))
        else:
            report.skipped.append((str(given), tr("nicht gefunden", "not found")))
    return list(files)


def _walk(folder: Path, report: BuildReport) -> Iterable[Path]:
    """Article files in a folder tree; follows symlinks but visits every real folder once."""
    seen: set[Path] = set()

    def unreadable(error: OSError) -> None:
        report.skipped.append((error.filename, tr("Ordner nicht lesbar", "folder not readable")))

    for root, dirs, names in os.walk(folder, followlinks=True, onerror=unreadable):
        real = Path(root).resolve()
        if real in seen:
            report.skipped.append(
                (root, tr("Verknüpfung auf einen schon gelesenen Ordner (Schleife)", "link to a folder already read (loop)"))
            )
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(root, name)
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                report.ignored += 1
            elif not path.exists():
                report.skipped.append((str(path), tr("Verknüpfung ins Leere", "broken symbolic link")))
            else:
                yield path.resolve()


# --------------------------------------------------------------------------
# Distractor pool
# --------------------------------------------------------------------------


class _DistractorPool:
    """Facts of other articles for wrong choices: the store's plus this run's, capped per kind."""

    def __init__(self, store: Store, per_kind: int = POOL_PER_KIND) -> None:
        self.store = store
        self.per_kind = per_kind
        self._stored: Optional[list[Fact]] = None
        self._run: dict[str, deque[Fact]] = {}

    def for_article(self, path: str, replacing: bool) -> list[Fact]:
        if replacing:  # the stored pool holds this article's old facts: ask without them
            stored = self.store.fact_pool(exclude_path=path, per_kind=self.per_kind)
        else:
            if self._stored is None:  # read once, before this run saves anything
                self._stored = self.store.fact_pool(per_kind=self.per_kind)
            stored = self._stored
        return stored + [fact for facts in self._run.values() for fact in facts]

    def add(self, facts: list[Fact]) -> None:
        for fact in facts:
            self._run.setdefault(fact.kind, deque(maxlen=self.per_kind)).append(fact)


# --------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------


def build(
    paths: Iterable[str | os.PathLike], store: Store, *, progress: Optional[Progress] = None
) -> BuildReport:
    """Ingest ``paths`` (files or folders) into ``store``; never stops at a bad file.

    A broken database (``StoreError``) stops the run: it concerns every file.
    """
    # Loaded here, not at the top: opening the ready per-user database must not pay for them.
    from quizbot import facts, questions
    from quizbot.conflicts import refresh_comparison_questions

    report = BuildReport()
    files = collect_files(paths, report)
    report.files = len(files)
    pool = _DistractorPool(store)
    for done, path in enumerate(files, start=1):
        try:
            _ingest_file(path, store, pool, report, facts.extract_facts, questions.generate)
        except IngestError as error:
            report.skipped.append((str(path), str(error)))
        except StoreError:
            raise
        except Exception as error:  # a bug in one article's processing must not cost the others
            reason = tr("interner Fehler", "internal error")
            detail = " ".join(str(error).split())  # one line, whatever the exception says
            report.skipped.append((str(path), f"{reason}: {type(error).__name__}: {detail}"))
        if progress:
            progress(done, len(files), path)
    if report.new or report.updated:  # where sources differ can only change with the articles
        report.comparisons = refresh_comparison_questions(store)
    return report


# Raised when the same article would now give other facts or questions: an unchanged file is
# read again once after an upgrade, so that no database keeps what an older quizbot made of it
# (nonsense spellings, options since ruled out). Edits are kept by question key.
GENERATOR_VERSION = "2026-12-03"


def fingerprint(raw: bytes) -> str:
    """What "unchanged" means for an article file: its bytes, and the quizbot that read them."""
    return hashlib.sha256(GENERATOR_VERSION.encode() + b"\0" + raw).hexdigest()


def _ingest_file(
    path: Path, store: Store, pool: _DistractorPool, report: BuildReport,
    extract_facts: Callable, generate: Callable,
) -> None:
    raw = _read(path)
    digest = fingerprint(raw)
    stored_hash = store.article_hash(str(path))
    if stored_hash == digest:
        report.unchanged += 1
        return
    article = parse_article(raw, path, file_hash=digest)
    sentences = split_sentences(article.text)
    facts = extract_facts(article, sentences)
    questions = generate(article, sentences, facts, pool.for_article(article.path, stored_hash is not None))
    store.save_article(article, sentences, facts, questions)
    pool.add(facts)
    if stored_hash is None:
        report.new += 1
    else:
        report.updated += 1
    report.sentences += len(sentences)
    report.facts += len(facts)
    report.questions += len(questions)
    if not questions:
        report.without_questions.append(str(path))


def _read(path: Path) -> bytes:
    """The raw bytes of an article file; size and readability checked first."""
    try:
        status = path.stat()
        if not path.is_file():
            raise IngestError(tr("keine normale Datei", "not a regular file"))
        if status.st_size > MAX_FILE_BYTES:
            raise IngestError(tr(
                f"zu groß für einen Artikel ({status.st_size / 2**20:.0f} MB, höchstens {MAX_FILE_BYTES // 2**20} MB)",
                f"too large for an article ({status.st_size / 2**20:.0f} MB, at most {MAX_FILE_BYTES // 2**20} MB)",
            ))
        return path.read_bytes()
    except PermissionError as error:
        raise IngestError(tr("keine Leseberechtigung", "permission denied")) from error
    except OSError as error:
        raise IngestError(tr(f"nicht lesbar ({error.strerror})", f"not readable ({error.strerror})")) from error


# --------------------------------------------------------------------------
# The per-user database
# --------------------------------------------------------------------------


def default_db_path() -> Path:
    return platformdirs.user_data_path("quizbot") / "quizbot.db"


def _samples_outdated(store: Store) -> bool:
    """Whether a bundled sample is stored as another version of it, or by an older quizbot
    (a few small files hashed: cheap enough for every start of the chat)."""
    samples = collect_files([seeds_dir()], BuildReport())
    return any(store.article_hash(str(sample)) != fingerprint(sample.read_bytes()) for sample in samples)


def ensure_default_db() -> Path:
    """The per-user database, built from the bundled sample articles if missing or empty.

    A missing one is built under a private name and linked into place, which fails
    if another process got there first: a class starting quizbot at once for the
    first time builds it more than once at worst, and never two into one file.
    """
    path = default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        with Store(path) as store:
            if store.counts()["articles"] == 0 or _samples_outdated(store):
                build([seeds_dir()], store)
        return path
    private = path.with_name(f".{path.name}.{os.getpid()}.building")
    try:
        with Store(private) as store:
            build([seeds_dir()], store)
        try:
            os.link(private, path)  # atomic, and never over a database another process made
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: a small window remains
            if not path.exists():
                os.replace(private, path)
    finally:
        for leftover in (private, private.with_name(private.name + "-wal"), private.with_name(private.name + "-shm")):
            leftover.unlink(missing_ok=True)
    return path
