"""Test material for fact-checking: a real database built by the real pipeline.

The five sample articles (Kim/Putin, 2019 and 2023) and tests/articles_factcheck:
German news written for these tests on economy, sport, weather, science and
politics, some of them in pairs whose sources disagree (a cup final, a storm).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from quizbot.build import build
from quizbot.resources import seeds_dir
from quizbot.store import Store

TESTS = Path(__file__).resolve().parent
ARTICLES = TESTS / "articles_factcheck"
CLAIMS = TESTS / "data" / "claims.jsonl"
HELDOUT2 = TESTS / "data" / "claims_heldout2.jsonl"  # over the samples and ARTICLES, see test_factcheck
UNSEEN = TESTS / "articles_unseen"
FRESH = TESTS / "data" / "claims_fresh.jsonl"  # over the samples and UNSEEN, see test_factcheck


def build_database(folder: Path, articles: Path = ARTICLES, expected: int = 15) -> Path:
    """Copy the samples and ``articles`` into ``folder`` and ingest them into ``folder/quiz.db``."""
    shutil.copytree(seeds_dir(), folder / "seeds")
    shutil.copytree(articles, folder / "articles")
    path = folder / "quiz.db"
    with Store(path) as store:
        report = build([folder / "seeds", folder / "articles"], store)
    assert report.new == expected and not report.skipped, report.skipped
    return path


def build_fresh_database(folder: Path) -> Path:
    """The samples and tests/articles_unseen, for claims_fresh.jsonl."""
    return build_database(folder, UNSEEN, expected=11)


def labelled_claims(path: Path = CLAIMS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
