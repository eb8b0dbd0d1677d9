"""The Textual chat driven by a pilot over a real SQLite file: the whole flow, sizes, failures."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from chat_material import build_quiz_db, built_db, empty_db
from quizbot.session import QuizOptions, QuizSession
from quizbot.cli.play import open_session
from quizbot.store import Store
from quizbot.tui.app import QuizApp
from quizbot.tui.screens import ResultsScreen, TooSmallScreen
from quizbot.tui.widgets import (
    ChatMessage, LearnerMessage, OptionButton, Options, QuizHeader, ResultsCard, StatusMessage,
)


@pytest.fixture
def db(tmp_path):
    return build_quiz_db(tmp_path / "quiz.db", with_markup=True)


def app_on(db, *keys: str, learner: str | None = "anna", **options) -> QuizApp:
    """The app over a fixed list of questions (by key)."""
    def make_session() -> QuizSession:
        store = Store(db)
        if keys:
            found = store.question_ids_for_keys(list(keys))
            options["question_ids"] = [found[k] for k in keys]
        return QuizSession(store, QuizOptions(seed=1, **options), learner)
    return QuizApp(make_session)


async def started(app: QuizApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def say(pilot, text: str) -> None:
    """Type a line into the input and press Enter."""
    pilot.app.chat.answer_input.value = text
    await pilot.press("enter")
    await pilot.pause()


async def to_results(pilot) -> None:
    """After the last answer: its verdict stays in view until Enter brings the results."""
    assert not isinstance(pilot.app.screen, ResultsScreen)
    assert messages(pilot.app)[-1].text == "Das war die letzte Frage. Enter zeigt das Ergebnis."
    assert pilot.app.chat.answer_input.placeholder == "Enter zeigt das Ergebnis"
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ResultsScreen)


def messages(app: QuizApp, kind: str | None = None) -> list:
    return [w.message for w in app.chat.query(ChatMessage) if kind is None or w.message.kind == kind]


def header(screen) -> str:
    return str(screen.query_one(QuizHeader).render())


def screen_text(screen) -> str:
    return " ".join(str(w.render()) for w in screen.query("Static"))


def attempts(db) -> list[tuple]:
    conn = sqlite3.connect(db)
    rows = conn.execute("select given, verdict, accepted, hints from attempts order by id").fetchall()
    conn.close()
    return rows


async def test_whole_flow_right_close_wrong_hint_skip_contest(db):
    app = app_on(db, "eco-open-amount", "wx-open-place", "sport-open-count", "wx-cloze-year")
    async with app.run_test() as pilot:
        await started(app, pilot)
        assert app.focused is app.chat.answer_input
        assert messages(app)[-1].title == "Frage 1 von 4 · Offene Frage"
        assert header(app.chat) == "quizbot · 3 Artikel  —  Frage 1 von 4 · 0 Punkte"
        await pilot.press(*"500", "space", *"Millionen", "space", *"Euro", "enter")
        await pilot.pause()
        assert messages(app, "verdict")[-1].verdict == "correct"
        assert app.chat.query(LearnerMessage).last().content.plain == "500 Millionen Euro"
        await say(pilot, "Cotbus")
        assert messages(app, "verdict")[-1].verdict == "close"
        assert "Geschrieben wird es »Cottbus«." in messages(app, "verdict")[-1].text
        await say(pilot, "/hinweis")
        assert messages(app, "hint")[-1].text == "Gesucht: eine Anzahl."
        await say(pilot, "3470")
        assert messages(app, "verdict")[-1].verdict == "wrong"
        assert "laut Artikel »34.700«" in messages(app, "verdict")[-1].text
        assert "— Freiburg gewinnt das Derby, kicker, 08.10.2023" in messages(app, "evidence")[-1].text
        await say(pilot, "/einspruch Ich habe mich nur vertippt.")
        assert "ist gespeichert" in messages(app, "contest")[-1].text
        await say(pilot, "/überspringen")
        assert messages(app, "verdict")[-1].verdict == "skipped"
        await to_results(pilot)
    assert attempts(db) == [
        ("500 Millionen Euro", "correct", 1, 0), ("Cotbus", "close", 1, 0),
        ("3470", "wrong", 0, 1), ("", "skipped", 0, 0),
    ]
    with Store(db) as store:
        assert [c["reason"] for c in store.contests()] == ["Ich habe mich nur vertippt."]


async def test_choice_by_letter_and_by_click_and_truefalse_button(db):
    app = app_on(db, "eco-choice-person", "sport-choice-person", "eco-tf-amount", "wx-cloze-year")
    async with app.run_test() as pilot:
        await started(app, pilot)
        buttons = list(app.chat.query(OptionButton))
        assert [b.label.plain for b in buttons] == [
            "A) Joe Kaeser", "B) Roland Busch", "C) Oliver Blume", "D) Christian Sewing"]
        await say(pilot, "b")
        assert messages(app, "verdict")[-1].verdict == "correct"
        assert app.chat.query(LearnerMessage).last().content.plain == "B) Roland Busch"
        assert all(b.disabled for b in buttons)  # an answered question's buttons are retired
        await pilot.click([b for b in app.chat.query(OptionButton) if not b.disabled][0])
        await pilot.pause()
        assert messages(app, "verdict")[-1].verdict == "correct"  # A) Vincenzo Grifo
        assert app.chat.query(LearnerMessage).last().content.plain == "A) Vincenzo Grifo"
        assert app.focused is app.chat.answer_input
        tf_buttons = [b for b in app.chat.query(OptionButton) if not b.disabled]
        assert [b.label.plain for b in tf_buttons] == ["Ja", "Nein"]
        await pilot.click(tf_buttons[1])
        await pilot.pause()
        assert messages(app, "verdict")[-1].verdict == "correct"
    assert [row[:3] for row in attempts(db)] == [("b", "correct", 1), ("A", "correct", 1),
                                                  ("nein", "correct", 1)]


async def test_choice_hint_strikes_two_buttons(db):
    app = app_on(db, "eco-choice-person")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await pilot.press("f2")
        await pilot.pause()
        struck = [b for b in app.chat.query(OptionButton) if b.has_class("-struck")]
        assert len(struck) == 2 and all(b.disabled for b in struck)
        assert "Roland Busch" not in " ".join(b.label.plain for b in struck)


async def test_results_screen_then_repeat_the_missed(db):
    app = app_on(db, "eco-open-amount", "wx-cloze-year")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "500 Millionen Euro")
        await say(pilot, "1900")
        assert messages(app, "verdict")[-1].verdict == "wrong"  # the last verdict is read first
        await to_results(pilot)
        screen = app.screen
        text = screen_text(screen)
        assert "1 von 2 richtig" in text and "Lückentext:    0 von 1" in text
        assert "Deine Antwort: 1900" in text and "Richtig: 1893" in text
        assert "— Hitzerekord in Cottbus, rbb24, 20.07.2022" in text
        assert header(screen).endswith("fertig · 1 von 2 richtig")
        await pilot.press("j")
        await pilot.pause()
        assert not isinstance(app.screen, ResultsScreen)
        assert messages(app)[-1].title == "Frage 1 von 1 · Lückentext"
        await say(pilot, "1893")
        await to_results(pilot)
        await pilot.click("#quit")
        await pilot.pause()
    assert app.return_value == ["Ergebnis: 1 von 1 richtig. Bis zum nächsten Mal!"]


async def test_quit_mid_quiz_then_resume_in_a_new_app(db):
    app = app_on(db, "eco-open-amount", "wx-open-temp", "wx-cloze-year")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "500 Millionen Euro")
        await pilot.press("ctrl+q")
    assert app.return_value == [
        "Alles gespeichert (1 von 3 beantwortet). Beim nächsten Start mit dem Namen anna geht es weiter."]
    again = app_on(db, count=2)
    async with again.run_test() as pilot:
        await started(again, pilot)
        prompt = messages(again)[-1]
        assert "Weiter mit dem angefangenen Quiz?" in prompt.text
        yes = again.chat.query(OptionButton).first()
        assert yes.label.plain == "Ja, weiter"
        await pilot.click(yes)
        await pilot.pause()
        assert messages(again)[-1].title == "Frage 2 von 3 · Offene Frage"
        assert header(again.chat).endswith("Frage 2 von 3 · 1 Punkt")


async def test_name_is_asked_when_not_given(db):
    app = app_on(db, "wx-cloze-year", learner=None)
    async with app.run_test() as pilot:
        await started(app, pilot)
        assert messages(app)[-1].text == "Wie heißt du?"
        assert app.chat.answer_input.placeholder == "Dein Name"
        await say(pilot, "Zoë")
        assert messages(app)[-1].kind == "question"
    with Store(db) as store:
        assert [l["name"] for l in store.learners()] == ["Zoë"]


async def test_markup_and_escape_codes_in_articles_show_literally(db):
    app = app_on(db, "markup-open")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "[/] \x1b[31m")
        shown = [str(w.render()) for w in app.chat.query(ChatMessage)]
        assert any("Titel [bold]fett[/] rot, Quelle [/], 02.01.2024" in s for s in shown)
        assert any("„Der Befehl [bold]x[/] und ein [/] stehen wörtlich im Text  rot.“" in s for s in shown)
        assert app.chat.query(LearnerMessage).last().content.plain == "[/] "
        await to_results(pilot)  # got there without a markup error


async def test_completion_of_commands_with_tab(db):
    app = app_on(db, "wx-open-temp")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await pilot.press(*"/hin")
        await pilot.pause()
        await pilot.press("tab")
        assert app.chat.answer_input.value == "/hinweis"
        await pilot.press("enter")
        await pilot.pause()
        assert messages(app, "hint")


async def test_too_small_terminal_shows_a_message_and_recovers(db):
    app = app_on(db, "wx-open-temp")
    async with app.run_test(size=(50, 12)) as pilot:
        await started(app, pilot)
        assert isinstance(app.screen, TooSmallScreen)
        assert "zu klein" in str(app.screen.query_one("#too-small-text").render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        assert messages(app)[-1].kind == "question"


async def test_slow_opening_shows_a_status_and_keeps_the_screen_alive(db):
    release = threading.Event()

    def slow_session() -> QuizSession:
        release.wait(timeout=10)
        return QuizSession(Store(db), QuizOptions(seed=1), "anna")

    app = QuizApp(slow_session, first_start=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        status = app.chat.query_one(StatusMessage)
        assert str(status.render()).startswith("Erster Start: die Beispielartikel werden eingelesen")
        assert app.chat.answer_input.disabled
        await pilot.press("ctrl+t")  # the UI still reacts while the database opens
        assert app.theme == "textual-light"
        release.set()
        await started(app, pilot)
        assert not app.chat.query(StatusMessage)
        assert messages(app)[-1].kind == "question"


@pytest.mark.parametrize("problem, says", [
    ("missing", "Datenbank nicht gefunden"),
    ("corrupt", "file is not a database"),
])
async def test_unusable_database_says_so_and_enter_quits(tmp_path, problem, says):
    path = tmp_path / "quiz.db"
    if problem == "corrupt":
        path.write_bytes(b"kein SQLite" * 200)
    app = QuizApp(lambda: open_session(str(path), QuizOptions(), "anna"))  # what `quizbot play` runs
    async with app.run_test() as pilot:
        await started(app, pilot)
        error = messages(app, "error")[-1]
        assert "quizbot kann nicht starten" in error.text and says in error.text
        assert says in app.failure  # `quizbot play` prints it again once the screen is gone
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value == []


async def test_log_follows_new_messages(db):
    app = app_on(db, count=9)
    async with app.run_test() as pilot:
        await started(app, pilot)
        log = app.chat.chat_log
        for _ in range(4):
            await say(pilot, "/hilfe")
        assert log.max_scroll_y > 0
        assert log.scroll_y == log.max_scroll_y


async def test_options_are_retired_once_answered(db):
    app = app_on(db, "eco-choice-person", "wx-cloze-year")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "/überspringen")
        assert all(o.has_class("-retired") for o in app.chat.query(Options))


async def test_empty_database_says_how_to_ingest(tmp_path):
    path = empty_db(tmp_path / "empty.db")
    app = QuizApp(lambda: QuizSession(Store(path), QuizOptions(), "anna"))
    async with app.run_test() as pilot:
        await started(app, pilot)
        assert "quizbot ingest" in messages(app, "error")[-1].text
        assert app.chat.answer_input.placeholder == "Enter beendet quizbot"
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value == []


async def test_cloze_shows_the_gap_with_what_is_wanted(db):
    app = app_on(db, "wx-cloze-year")
    async with app.run_test() as pilot:
        await started(app, pilot)
        question = app.chat.query(ChatMessage).last()
        assert str(question.render()).endswith("Die Aufzeichnungen begannen im Jahr ____.\nGesucht: eine Jahreszahl")


async def test_source_score_and_help_commands_in_the_app(db):
    app = app_on(db, "sport-open-count", "eco-open-amount")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "34.700")
        await pilot.press("f3")
        await pilot.pause()
        source = messages(app, "source")[-1]
        assert source.title == "Quelle zu Frage 1" and "Vor 34.700 Zuschauern" in source.text
        widget = app.chat.query(ChatMessage).filter(".-source").last()
        assert widget.styles.margin.top == 1  # a message of its own, not glued to the line above
        await say(pilot, "/punkte")
        assert messages(app, "score")[-1].text == "1 von 1 Antwort richtig · jetzt Frage 2 von 2."
        await pilot.press("f1")
        await pilot.pause()
        assert "/einspruch" in messages(app, "help")[-1].text
        assert messages(app)[-1].text.startswith("Offen ist noch Frage 2")


async def test_completion_of_a_command_with_an_umlaut(db):
    app = app_on(db, "wx-open-temp", "wx-cloze-year")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await pilot.press("/", "ü", "tab")
        assert app.chat.answer_input.value == "/überspringen"
        await pilot.press("enter")
        await pilot.pause()
        assert messages(app, "verdict")[-1].verdict == "skipped"


async def test_contest_asks_for_the_reason_and_buttons_wait(db):
    app = app_on(db, "eco-choice-person", "sport-choice-person")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "A")
        await say(pilot, "/einspruch")
        assert "Warum ist deine Antwort richtig?" in messages(app, "prompt")[-1].text
        assert app.chat.answer_input.placeholder == "Deine Begründung (leer = abbrechen)"
        await pilot.click([b for b in app.chat.query(OptionButton) if not b.disabled][0])
        await pilot.pause()
        assert messages(app, "prompt")[-1].text.startswith("Einspruch")  # the click was not taken
        assert app.focused is app.chat.answer_input
        await say(pilot, "Joe Kaeser war lange Chef.")
        assert "ist gespeichert" in messages(app, "contest")[-1].text
    with Store(db) as store:
        assert [c["reason"] for c in store.contests()] == ["Joe Kaeser war lange Chef."]


async def test_quit_mid_quiz_shows_the_score_so_far(db):
    app = app_on(db, "eco-open-amount", "wx-cloze-year", "wx-open-temp")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "500 Millionen Euro")
        await say(pilot, "/ende")
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        text = screen_text(screen)
        assert "Zwischenstand" in text and "1 von 1 richtig (bis Frage 1 von 3)" in text
        assert "Alles gespeichert (1 von 3 beantwortet)" in text
        await pilot.press("j")  # no repeat offer: j does nothing
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ResultsScreen)
        await pilot.press("enter")  # the focused Beenden button
        await pilot.pause()
    assert app.return_value == [
        "Alles gespeichert (1 von 3 beantwortet). Beim nächsten Start mit dem Namen anna geht es weiter."]


async def test_the_log_keeps_the_results_after_a_repeat(db):
    app = app_on(db, "eco-open-amount", "wx-cloze-year")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "500 Millionen Euro")
        await say(pilot, "1900")
        assert not app.chat.query(ResultsCard)  # the verdict first, the results after Enter
        await to_results(pilot)
        await pilot.press("j")
        await pilot.pause()
        card = app.chat.query(ResultsCard).last()
        parts = [str(w.render()) for w in card.query("Static")]
        assert parts[0] == "Ergebnis\n1 von 2 richtig"
        assert parts[-1].startswith("2. Die Aufzeichnungen begannen im Jahr ____.\nDeine Antwort: 1900\nRichtig: 1893")


async def test_a_claim_typed_in_the_chat_is_checked(tmp_path):
    db = built_db(tmp_path / "built.db")
    app = QuizApp(lambda: QuizSession(Store(db), QuizOptions(seed=1, count=2, kinds=("open",)), "anna"))
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "Stimmt es, dass Vincenzo Grifo dreimal traf?")
        claim = messages(app, "claim")[-1]
        assert claim.title == "Faktencheck: widerlegt" and claim.verdict == "refuted"
        widget = app.chat.query(ChatMessage).filter(".-claim").last()
        assert widget.has_class("-refuted")
        assert messages(app)[-1].text.startswith("Offen ist noch Frage 1")


async def test_review_brings_back_what_was_missed(db):
    app = app_on(db, "eco-open-amount", "wx-cloze-year")
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "500 Millionen Euro")
        await say(pilot, "1900")
        await to_results(pilot)
        await pilot.press("n")
        await pilot.pause()
    review = app_on(db, review=True)
    async with review.run_test() as pilot:
        await started(review, pilot)
        assert header(review.chat) == "quizbot · Wiederholung  —  Frage 1 von 1 · 0 Punkte"
        assert messages(review)[-1].text.startswith("Die Aufzeichnungen begannen im Jahr ____.")
        await say(pilot, "1893")
        await to_results(pilot)


async def test_markup_and_escape_codes_in_the_name_show_literally(db):
    app = app_on(db, "wx-cloze-year", learner=None)
    async with app.run_test() as pilot:
        await started(app, pilot)
        await say(pilot, "[bold]Zoë[/] \x1b[31mrot")
        assert app.chat.query(LearnerMessage).last().content.plain == "[bold]Zoë[/] rot"
        assert messages(app, "info")[-1].text == "Los geht's, [bold]Zoë[/] rot!"


async def test_a_locked_database_says_so(db, monkeypatch):
    monkeypatch.setattr("quizbot.session.CHAT_BUSY_TIMEOUT_S", 0.01)  # fail fast instead of waiting
    blocker = sqlite3.connect(db)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        app = app_on(db, "wx-cloze-year", learner="neu")  # a new learner must be written
        async with app.run_test() as pilot:
            await started(app, pilot)
            assert "Die Datenbank ist gerade gesperrt" in messages(app, "error")[-1].text
            assert app.failure.startswith("Die Datenbank ist gerade gesperrt")
    finally:
        blocker.rollback()
        blocker.close()


async def test_light_and_dark_theme(db):
    app = QuizApp(lambda: QuizSession(Store(db), QuizOptions(seed=1), "anna"), light=True)
    async with app.run_test() as pilot:
        await started(app, pilot)
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"


async def test_ctrl_c_says_how_to_quit_in_german(db):
    app = app_on(db, "eco-open-amount")
    async with app.run_test() as pilot:
        await started(app, pilot)
        app.set_focus(None)  # a focused input may take Ctrl+C for copying
        await pilot.press("ctrl+c")
        await pilot.pause()
        said = [(n.title, n.message) for n in app._notifications]
        assert said == [("Beenden?", "Zum Beenden Strg+Q drücken (oder /ende). Alles ist gespeichert.")]
        assert app.is_running


async def test_a_long_title_is_shortened_so_the_progress_shows(db):
    app = app_on(db, "eco-open-amount", "eco-choice-person")  # one article: its title is the quiz's title
    async with app.run_test(size=(60, 24)) as pilot:
        await started(app, pilot)
        line = header(app.chat)
        assert line.endswith("…  —  Frage 1 von 2 · 0 Punkte") and len(line) <= 58
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert "…" not in header(app.chat) and header(app.chat).endswith("—  Frage 1 von 2 · 0 Punkte")


async def test_tab_with_nothing_to_complete_keeps_the_typing_in_the_input(db):
    app = app_on(db, "eco-tf-amount")  # a Ja/Nein question: buttons after the input
    async with app.run_test() as pilot:
        await started(app, pilot)
        await pilot.press(*"/x")
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is app.chat.answer_input
        await pilot.press(*"hilfe", "enter")
        await pilot.pause()
        assert attempts(db) == []  # nothing answered by a button
        app.chat.answer_input.value = ""
        await pilot.press("tab")  # an empty input: Tab goes on to the buttons
        assert isinstance(app.focused, OptionButton)
