"""What several commands share: finding and opening the database."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from quizbot.cli import UserError
from quizbot.i18n import tr
from quizbot.store import Store, StoreError


def open_store(db_path: Optional[str], *, create: bool = False) -> Store:
    """The database to work on.

    ``--db FILE`` (or QUIZBOT_DB) names it: with ``create`` (ingest) it is made
    if missing, otherwise a missing file is a user error with a hint. Without
    ``--db`` it is the per-user database, built from the bundled samples on
    first use.
    """
    try:
        if db_path is None:
            from quizbot.build import ensure_default_db  # the pipeline loads only when needed

            return Store(ensure_default_db())
        path = Path(db_path).expanduser()
        if not path.exists() and not create:
            raise UserError(tr(
                f"Datenbank nicht gefunden: {path} – zuerst Artikel einlesen: quizbot ingest ARTIKEL… --db {path}",
                f"database not found: {path} – ingest articles first: quizbot ingest ARTICLE… --db {path}",
            ))
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        return Store(path, create=create)
    except StoreError as error:
        raise UserError(tr(f"Datenbank nicht nutzbar: {error}", f"database not usable: {error}")) from error
    except OSError as error:
        raise UserError(tr(
            f"Datenbank nicht nutzbar: {error.filename}: {error.strerror}",
            f"database not usable: {error.filename}: {error.strerror}",
        )) from error
