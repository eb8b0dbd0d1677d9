"""Screenshots of the main screens at 80×24, compared with approved SVGs in __snapshots__.

Regenerate with ``pytest tests/test_snapshots.py --snapshot-update`` and look at them.
"""

from __future__ import annotations

import pytest

from chat_material import build_quiz_db
from quizbot.session import QuizOptions, QuizSession
from quizbot.store import Store
from quizbot.tui.app import QuizApp


@pytest.fixture
def db(tmp_path):
    return build_quiz_db(tmp_path / "quiz.db")


def app_on(db, *keys: str, light: bool = False) -> QuizApp:
    def open_session() -> QuizSession:
        store = Store(db)
        found = store.question_ids_for_keys(list(keys))
        return QuizSession(store, QuizOptions(question_ids=[found[k] for k in keys]), "anna")
    return QuizApp(open_session, light=light)


def typing(*lines: str):
    """A run_before that waits for the session and sends lines as the learner."""
    async def run_before(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for line in lines:
            pilot.app.chat.answer_input.value = line
            await pilot.press("enter")
            await pilot.pause()
        pilot.app.chat.answer_input.cursor_blink = False
        await pilot.pause()
    return run_before


def test_first_question_with_choices(snap_compare, db):
    app = app_on(db, "eco-choice-person", "wx-open-temp")
    assert snap_compare(app, terminal_size=(80, 24), run_before=typing())


def test_wrong_answer_with_evidence(snap_compare, db):
    app = app_on(db, "eco-open-amount", "wx-cloze-year")
    assert snap_compare(app, terminal_size=(80, 24), run_before=typing("50 Millionen Euro"))


def test_results_screen(snap_compare, db):
    app = app_on(db, "eco-open-amount", "wx-cloze-year")
    assert snap_compare(app, terminal_size=(80, 24),
                        run_before=typing("500 Millionen Euro", "1900", ""))


def test_light_theme_truefalse(snap_compare, db):
    app = app_on(db, "sport-tf-score", light=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=typing())


def test_terminal_too_small(snap_compare, db):
    app = app_on(db, "wx-open-temp")
    assert snap_compare(app, terminal_size=(50, 12), run_before=typing())
