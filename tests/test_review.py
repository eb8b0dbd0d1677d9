"""The teacher's review screen (`quizbot review`), driven with the keyboard over a real SQLite file.

Every edit must reach the store (keyed by the question's stable key) and so the chat.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from chat_material import build_quiz_db, built_db, write_articles
from quizbot.build import build
from quizbot.cli import cli
from quizbot.session import QuizOptions, QuizSession
from quizbot.store import Store
from quizbot.tui.review import ReviewApp


@pytest.fixture
def db(tmp_path):
    return build_quiz_db(tmp_path / "quiz.db", with_markup=True)


def review_app(db, **options) -> ReviewApp:
    return ReviewApp(lambda: Store(db), **options)


async def loaded(app: ReviewApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def go_to(app: ReviewApp, pilot, key: str) -> None:
    """Move the cursor down with the arrow key until the question with this key is highlighted."""
    keys = list(app.questions)
    for _ in range(keys.index(key) - app.table.cursor_row):
        await pilot.press("down")
    await pilot.pause()
    assert app.current["key"] == key


async def type_over(pilot, text: str) -> None:
    """Clear the edit line, type the text and press Enter (keys only, as a teacher would)."""
    await pilot.press("ctrl+u", *text, "enter")
    await pilot.pause()


def stored(db, key: str) -> dict:
    with Store(db) as store:
        return next(q for q in store.questions(include_disabled=True) if q["key"] == key)


def notice(app: ReviewApp) -> str:
    return str(app.query_one("#review-notice").render())


def detail(app: ReviewApp) -> str:
    return str(app.query_one("#review-detail").render())


async def test_lists_every_question_and_shows_the_highlighted_one_in_full(db):
    app = review_app(db)
    async with app.run_test() as pilot:
        await loaded(app, pilot)
        assert app.table.row_count == 11
        assert app.focused is app.table
        assert "11 Fragen, 11 aktiv" in str(app.query_one("#review-header").render())
        await go_to(app, pilot, "markup-open")
        assert "Was steht [bold]wörtlich[/] im Text?" in detail(app)  # literally, not as markup
        assert "Antwort: [bold]x[/]" in detail(app)
        assert "— Titel [bold]fett[/] rot, Quelle [/], 02.01.2024" in detail(app)


async def test_edit_the_question_text_with_the_keyboard(db):
    app = review_app(db)
    async with app.run_test() as pilot:
        await loaded(app, pilot)
        await go_to(app, pilot, "wx-open-temp")
        await pilot.press("e")
        assert app.query_one("#review-input").value == "Welche Temperatur hat der Wetterdienst in Cottbus gemessen?"
        await type_over(pilot, "Wie heiß wurde es in Cottbus?")
        assert notice(app) == "Gespeichert: Fragetext."
        assert app.focused is app.table
        assert str(app.table.get_cell("wx-open-temp", "question")) == "Wie heiß wurde es in Cottbus?"
    assert stored(db, "wx-open-temp")["question"] == "Wie heiß wurde es in Cottbus?"
    session = QuizSession(Store(db), QuizOptions(question_ids=[stored(db, "wx-open-temp")["id"]]), "anna")
    assert session.start()[-1].text == "Wie heiß wurde es in Cottbus?"  # the chat asks the edit


async def test_edit_the_answer_and_add_a_spelling_that_the_grader_then_accepts(db):
    app = review_app(db)
    async with app.run_test() as pilot:
        await loaded(app, pilot)
        await go_to(app, pilot, "wx-open-place")
        await pilot.press("v")
        await type_over(pilot, "Chóśebuz")
        assert notice(app) == "Gespeichert: Weitere richtige Schreibweise."
        assert "Auch richtig: Chóśebuz" in detail(app)
        await pilot.press("a")
        await type_over(pilot, "Cottbus (Brandenburg)")
        assert "Antwort: Cottbus (Brandenburg)" in detail(app)
    question = stored(db, "wx-open-place")
    assert question["answer"] == "Cottbus (Brandenburg)" and "Chóśebuz" in question["accepted"]
    session = QuizSession(Store(db), QuizOptions(question_ids=[question["id"]]), "anna")
    session.start()
    assert session.handle("Chóśebuz")[0].verdict == "correct"


async def test_disable_and_enable_with_d(db):
    app = review_app(db)
    async with app.run_test() as pilot:
        await loaded(app, pilot)
        await go_to(app, pilot, "eco-open-amount")
        await pilot.press("d")
        await pilot.pause()
        assert str(app.table.get_cell("eco-open-amount", "status")) == "gesperrt"
        assert "10 aktiv" in str(app.query_one("#review-header").render())
        assert stored(db, "eco-open-amount")["disabled"]
        with Store(db) as store:
            assert "eco-open-amount" not in {q["key"] for q in store.questions()}  # no longer asked
        footer = {binding.description for _, binding, enabled, _ in app.screen.active_bindings.values() if enabled}
        assert "Freigeben" in footer and "Sperren" not in footer
        await pilot.press("d")
        await pilot.pause()
        assert str(app.table.get_cell("eco-open-amount", "status")) == "aktiv"
    assert not stored(db, "eco-open-amount")["disabled"]


async def test_an_edit_that_would_break_grading_is_refused_and_escape_cancels(db):
    app = review_app(db)
    async with app.run_test() as pilot:
        await loaded(app, pilot)
        await go_to(app, pilot, "eco-choice-person")
        await pilot.press("a")
        await type_over(pilot, "Werner von Siemens")
        assert notice(app).startswith("Die Antwort muss eine der Wahlmöglichkeiten sein: A) Joe Kaeser")
        assert app.editing is not None  # still open to correct the text
        await pilot.press("escape")
        await pilot.pause()
        assert notice(app) == "Abgebrochen – nichts geändert." and app.editing is None
        await go_to(app, pilot, "eco-tf-amount")
        await pilot.press("a")
        await type_over(pilot, "vielleicht")
        assert "Bei einer Ja/Nein-Frage ist die Antwort ja oder nein" in notice(app)
        await pilot.press("escape", "q")
        await pilot.pause()
    assert stored(db, "eco-choice-person")["answer"] == "Roland Busch"
    assert stored(db, "eco-tf-amount")["answer"] == "falsch"


async def test_q_is_typed_while_editing_and_quits_otherwise(db):
    app = review_app(db)
    async with app.run_test() as pilot:
        await loaded(app, pilot)
        await pilot.press("v")
        await pilot.press("q")
        assert app.is_running and app.query_one("#review-input").value == "q"
        await pilot.press("escape", "q")
        await pilot.pause()
    assert not app.is_running


async def test_edits_survive_a_re_ingest_of_the_article(tmp_path):
    db = built_db(tmp_path / "built.db")
    key = next(q["key"] for q in Store(db).questions() if q["kind"] == "open")
    app = review_app(db)
    async with app.run_test() as pilot:
        await loaded(app, pilot)
        await go_to(app, pilot, key)
        await pilot.press("e")
        await type_over(pilot, "Eine Frage in den Worten der Lehrerin?")
    folder = write_articles(tmp_path / "articles")
    for path in folder.iterdir():  # the articles change elsewhere: re-ingest rebuilds their questions
        path.write_text(path.read_text(encoding="utf-8") + "\nEin neuer Absatz am Ende.\n", encoding="utf-8")
    with Store(db) as store:
        build([folder], store)
    assert stored(db, key)["question"] == "Eine Frage in den Worten der Lehrerin?"


async def test_only_one_article_and_kind(db):
    app = review_app(db, article="Cottbus", kinds=("open",))
    async with app.run_test() as pilot:
        await loaded(app, pilot)
        assert sorted(app.questions) == ["wx-open-place", "wx-open-temp"]


async def test_an_empty_database_says_how_to_ingest(tmp_path):
    app = review_app(tmp_path / "empty.db")
    async with app.run_test() as pilot:
        await loaded(app, pilot)
        assert "quizbot ingest" in notice(app)
        await pilot.press("e")  # nothing to edit: nothing happens
        assert app.editing is None


def test_review_command_needs_a_terminal_and_an_existing_database(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(cli, ["review", "--db", str(tmp_path / "nichts.db")])
    assert missing.exit_code == 1 and "Datenbank nicht gefunden" in missing.output
    no_terminal = runner.invoke(cli, ["review", "--db", str(build_quiz_db(tmp_path / "quiz.db"))])
    assert no_terminal.exit_code == 1 and "braucht ein Terminal" in no_terminal.output


def test_review_screen_snapshot(snap_compare, db):
    async def run_before(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "down")
        await pilot.pause()
    assert snap_compare(review_app(db), terminal_size=(80, 24), run_before=run_before)


async def test_the_question_column_follows_a_resize(db):
    app = review_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        narrow = app.table.columns["question"].width
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        assert app.table.columns["question"].width == narrow + 120
        await pilot.resize_terminal(100, 24)
        await pilot.pause()
        assert app.table.columns["question"].width == narrow + 20
