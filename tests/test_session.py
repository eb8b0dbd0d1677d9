"""The quiz state machine on a real SQLite file: selection, answers, commands, resume, review."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from chat_material import build_quiz_db, built_db, empty_db
from quizbot.i18n import set_language
from quizbot.session import (
    BOX_INTERVAL_DAYS, Message, QuizOptions, QuizSession, SessionError, claim_in, printable,
    select_questions,
)
from quizbot.store import Store

NOW = datetime(2024, 5, 6, 9, 30, tzinfo=timezone.utc)


class Clock:
    """A stopwatch the test moves by hand."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


@pytest.fixture
def db(tmp_path):
    return build_quiz_db(tmp_path / "quiz.db", with_markup=True)


@pytest.fixture
def clock():
    return Clock()


def ids(db, *keys: str) -> list[int]:
    with Store(db) as store:
        found = store.question_ids_for_keys(list(keys))
    return [found[k] for k in keys]


def session_on(db, *keys: str, learner: str | None = "anna", clock=None, now=NOW, **options) -> QuizSession:
    """A session over a fixed list of questions (by key), or a picked quiz when no keys."""
    if keys:
        options["question_ids"] = ids(db, *keys)
    return QuizSession(Store(db), QuizOptions(seed=1, **options), learner,
                       clock=clock or Clock(), now=lambda: now)


def leave_unfinished(db) -> None:
    """anna answers the first of two questions and leaves."""
    session = session_on(db, "eco-open-amount", "wx-open-temp")
    session.start()
    session.handle("500 Millionen Euro")
    session.leave()


def texts(messages: list[Message]) -> str:
    return "\n".join(f"{m.title}\n{m.text}" for m in messages)


def kinds(messages: list[Message]) -> list[str]:
    return [m.kind for m in messages]


def attempts(db) -> list[dict]:
    """Read back through a second connection: what is committed, not what is cached."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute("select * from attempts order by id")]
    conn.close()
    return rows


# -- choosing the questions ----------------------------------------------------


def test_same_seed_same_questions_in_same_order(db):
    with Store(db) as store:
        first = [q["id"] for q in select_questions(store, QuizOptions(count=6, seed=7))]
        again = [q["id"] for q in select_questions(store, QuizOptions(count=6, seed=7))]
        other = [q["id"] for q in select_questions(store, QuizOptions(count=6, seed=8))]
    assert first == again and len(first) == 6
    assert other != first


def test_default_quiz_mixes_kinds_and_articles_without_repeating_a_sentence(db):
    with Store(db) as store:
        picked = select_questions(store, QuizOptions(count=4, seed=3))
    assert len({q["kind"] for q in picked}) == 4
    assert len({q["article_id"] for q in picked}) >= 3  # four kinds from three or four articles
    assert len({q["sentence_id"] for q in picked}) == 4


def test_kind_and_article_filters(db):
    with Store(db) as store:
        choice = select_questions(store, QuizOptions(count=10, kinds=("choice",)))
        sport = select_questions(store, QuizOptions(count=10, articles=("derby",)))
    assert {q["kind"] for q in choice} == {"choice"} and len(choice) == 2
    assert {q["article"]["file"] for q in sport} == {"sport.txt"} and len(sport) == 3


def test_fixed_question_list_is_asked_as_given(db):
    wanted = ids(db, "wx-cloze-year", "eco-open-amount")
    with Store(db) as store:
        picked = select_questions(store, QuizOptions(question_ids=wanted))
    assert [q["id"] for q in picked] == wanted


def test_bad_selection_is_a_clear_error(db):
    with pytest.raises(SessionError, match="Frageart „essay“"):
        QuizOptions(kinds=("essay",))
    with pytest.raises(SessionError, match="Kein Artikel passt zu „Olympia“"):
        session_on(db, articles=("Olympia",)).start()


def test_empty_database_says_how_to_ingest(tmp_path):
    path = empty_db(tmp_path / "empty.db")
    session = QuizSession(Store(path), QuizOptions(), "anna")
    messages = session.start()
    assert kinds(messages) == ["error"]
    assert "quizbot ingest" in messages[0].text and str(path) in messages[0].text
    assert session.done


# -- greeting ------------------------------------------------------------------


def test_greeting_names_articles_with_source_and_german_date_then_asks_name(db):
    session = session_on(db, learner=None, count=4)
    messages = session.start()
    greeting = messages[0].text
    assert greeting.startswith("Hallo! 4 Fragen zu 3 Artikeln:\n")
    assert "Siemens investiert in Erlangen, Süddeutsche Zeitung, 12.03.2024" in greeting
    assert messages[-1].kind == "prompt" and "Wie heißt du?" in messages[-1].text
    assert session.state == "name"
    after = session.handle("  Ümit  ")
    assert "Los geht's, Ümit!" in texts(after) and after[-1].kind == "question"
    with Store(db) as store:
        assert [l["name"] for l in store.learners()] == ["Ümit"]


# -- answering -----------------------------------------------------------------


def test_right_answer_is_committed_at_once_with_seconds_and_evidence(db, clock):
    session = session_on(db, "eco-open-amount", "wx-open-temp", clock=clock)
    first = session.start()
    assert first[-1].kind == "question" and first[-1].title == "Frage 1 von 2 · Offene Frage"
    clock.seconds += 12.5
    reply = session.handle("500 Millionen Euro")
    assert kinds(reply) == ["verdict", "evidence", "question"]
    assert reply[0].verdict == "correct" and reply[0].text.startswith("Richtig!")
    assert reply[1].text == ("„Der Konzern investiert dafür 500 Millionen Euro.“\n"
                             "— Siemens investiert in Erlangen, Süddeutsche Zeitung, 12.03.2024")
    [row] = attempts(db)
    assert row["given"] == "500 Millionen Euro" and row["verdict"] == "correct"
    assert row["accepted"] == 1 and row["seconds"] == 12.5 and row["hints"] == 0
    assert row["learner_id"] and row["created_at"]
    with Store(db) as store:
        assert store.session(row["session_id"])["position"] == 1
    assert session.status == "Frage 2 von 2 · 1 Punkt"


def test_wrong_number_is_wrong_and_shows_the_right_answer(db):
    session = session_on(db, "eco-open-amount")
    session.start()
    reply = session.handle("50 Millionen Euro")
    assert reply[0].verdict == "wrong"
    assert reply[0].text == "Falsch.\nDie Zahl stimmt nicht: laut Artikel »500 Millionen Euro«."
    assert attempts(db)[0]["accepted"] == 0


def test_wrong_name_names_the_right_one_once(db):
    session = session_on(db, "wx-open-place")
    session.start()
    assert session.handle("Chemnitz")[0].text == "Falsch.\nRichtig ist »Cottbus«."


def test_typo_is_close_with_the_spelling_note_and_counts(db):
    session = session_on(db, "wx-open-place")
    session.start()
    reply = session.handle("Cotbus")
    assert reply[0].verdict == "close"
    assert reply[0].text == "Fast richtig – zählt als richtig.\nGeschrieben wird es »Cottbus«."
    assert attempts(db)[0]["accepted"] == 1


def test_choice_by_letter_or_text(db):
    session = session_on(db, "eco-choice-person", "sport-choice-person", "eco-choice-person")
    question = session.start()[-1]
    assert [o.send for o in question.options] == ["A", "B", "C", "D"]
    assert question.options[1].label == "B) Roland Busch"
    assert session.handle("b")[0].verdict == "correct"
    wrong = session.handle("C")[0]
    assert wrong.verdict == "wrong" and wrong.text == "Falsch.\nRichtig ist A) Vincenzo Grifo."
    assert session.handle("Roland Busch")[0].verdict == "correct"
    assert [a["given"] for a in attempts(db)] == ["b", "C", "Roland Busch"]


def test_truefalse_takes_ja_and_nein_and_explains_a_false_statement(db):
    session = session_on(db, "eco-tf-amount", "sport-tf-score")
    question = session.start()[-1]
    assert [o.send for o in question.options] == ["ja", "nein"]
    reply = session.handle("nein")
    assert reply[0].verdict == "correct"
    # the correction without its quote: the evidence right after quotes the sentence
    assert reply[0].text == "Richtig!\nDie Aussage stimmt nicht.\nRichtig ist: 500 Millionen Euro."
    assert reply[1].text.startswith("„Der Konzern investiert dafür 500 Millionen Euro.“")
    wrong = session.handle("stimmt nicht")[0]
    assert wrong.verdict == "wrong" and wrong.text == "Falsch.\nDie Aussage stimmt."


def test_a_line_that_is_no_yes_or_no_is_asked_again_not_recorded(db):
    session = session_on(db, "eco-tf-amount")
    session.start()
    for line in ("2029", "Putin", "b"):
        reply = session.handle(line)
        assert kinds(reply) == ["prompt"] and reply[0].text == "Bitte mit ja oder nein antworten."
    assert attempts(db) == [] and session.current is not None
    assert session.handle("nein")[0].verdict == "correct"
    assert [a["given"] for a in attempts(db)] == ["nein"]


def test_a_line_that_picks_no_option_is_asked_again_not_recorded(db):
    session = session_on(db, "eco-choice-person")
    session.start()
    reply = session.handle("rund fünf")
    assert kinds(reply) == ["prompt"]
    assert reply[0].text == "Bitte eine der Antworten wählen: A, B, C oder D (oder ihren Text)."
    assert attempts(db) == []
    assert session.handle("b")[0].verdict == "correct"  # B) Roland Busch
    assert len(attempts(db)) == 1


# -- commands ------------------------------------------------------------------


def test_hints_for_open_question_type_then_first_letter_and_are_counted(db):
    session = session_on(db, "wx-open-temp")
    session.start()
    assert session.handle("/hinweis")[0].text == "Gesucht: ein Betrag mit Einheit."
    assert session.handle("/hinweis")[0].text == "Die Antwort beginnt mit „3“ und hat zwei Wörter."
    assert "Mehr Hinweise habe ich nicht" in session.handle("/hinweis")[0].text
    session.handle("38,2 Grad")
    assert attempts(db)[0]["hints"] == 2


def test_cloze_shows_the_answer_type_with_the_gap_so_its_first_hint_is_the_first_letter(db):
    session = session_on(db, "wx-cloze-year")
    question = session.start()[-1]
    assert question.text == "Die Aufzeichnungen begannen im Jahr ____.\nGesucht: eine Jahreszahl"
    assert session.handle("/hinweis")[0].text == "Die Antwort beginnt mit „1“ und hat vier Ziffern."
    assert "Mehr Hinweise habe ich nicht" in session.handle("/hinweis")[0].text


def test_one_word_answer_hint(db):
    session = session_on(db, "wx-open-place")
    session.start()
    session.handle("/hinweis")
    assert session.handle("/hinweis")[0].text == "Die Antwort beginnt mit „C“ und ist ein Wort."


def test_generator_hint_is_used_when_present(db):
    session = session_on(db, "eco-open-amount")
    session.start()
    assert session.handle("/hinweis")[0].text == "Gesucht: Betrag mit Einheit."


def test_choice_hint_strikes_two_wrong_options(db):
    session = session_on(db, "eco-choice-person")
    session.start()
    hint = session.handle("/hinweis")[0]
    assert len(hint.struck) == 2 and "B" not in hint.struck
    assert "B) Roland Busch" in hint.text


def test_skip_records_a_miss_and_shows_the_answer(db):
    session = session_on(db, "wx-cloze-year", "eco-open-amount")
    session.start()
    reply = session.handle("/überspringen")
    assert reply[0].verdict == "skipped" and "Richtige Antwort: 1893" in reply[0].text
    assert reply[-1].kind == "question"
    row = attempts(db)[0]
    assert (row["verdict"], row["accepted"], row["given"]) == ("skipped", 0, "")


def test_source_shows_the_whole_paragraph_only_after_an_answer(db):
    session = session_on(db, "sport-open-count", "eco-open-amount")
    session.start()
    assert "nach deiner ersten Antwort" in session.handle("/quelle")[0].text
    session.handle("34700")
    source, reminder = session.handle("/quelle")
    assert source.title == "Quelle zu Frage 1"
    assert source.text.startswith("Der SC Freiburg hat das Derby gegen den VfB Stuttgart mit 3:1 gewonnen. "
                                  "Vor 34.700 Zuschauern traf Vincenzo Grifo zweimal.")
    assert "— Freiburg gewinnt das Derby, kicker, 08.10.2023" in source.text
    assert reminder.text.startswith("Offen ist noch Frage 2")


def test_an_answer_counted_right_is_not_contested(db):
    session = session_on(db, "wx-open-place", "wx-open-temp")
    session.start()
    session.handle("Cotbus")  # close: counts as right
    reply = session.handle("/einspruch Das war doch richtig.")
    assert reply[0].text == "Frage 1 zählt schon als richtig – da gibt es nichts einzuwenden."
    assert session.state == "question"
    with Store(db) as store:
        assert store.contests() == []


def test_contest_with_reason_inline_and_asked_for(db):
    session = session_on(db, "eco-open-amount", "wx-open-temp", "wx-cloze-year")
    session.start()
    assert "keine Bewertung" in session.handle("/einspruch")[0].text
    session.handle("fünf Millionen")
    saved = session.handle("/einspruch Ich meinte 500 Millionen.")
    assert "Einspruch zu Frage 1 ist gespeichert" in saved[0].text
    session.handle("38 Grad")
    asked = session.handle("/einspruch")
    assert "Warum ist deine Antwort richtig?" in asked[0].text and session.state == "contest"
    session.handle("Gerundet stimmt das.")
    assert session.state == "question"
    session.handle("/einspruch")
    assert session.handle("")[0].text == "Einspruch abgebrochen."
    with Store(db) as store:
        contests = store.contests()
    assert [(c["given"], c["reason"]) for c in contests] == [
        ("fünf Millionen", "Ich meinte 500 Millionen."),
        ("38 Grad", "Gerundet stimmt das."),
    ]
    assert session.current["key"] == "wx-cloze-year"  # the open question stayed open


def test_a_skipped_question_cannot_be_contested(db):
    session = session_on(db, "eco-open-amount", "wx-open-temp")
    session.start()
    session.handle("/überspringen")
    reply = session.handle("/einspruch Ich wusste es doch.")
    assert reply[0].text.startswith("Frage 1 hast du übersprungen")
    with Store(db) as store:
        assert store.contests() == []


def test_a_command_while_the_reason_is_asked_is_no_reason(db):
    session = session_on(db, "eco-open-amount", "wx-open-temp")
    session.start()
    session.handle("fünf Millionen")
    session.handle("/einspruch")
    again = session.handle("/einspruch")  # typed twice: still waiting for the reason
    assert again[0].text.startswith("Bitte die Begründung eintippen") and session.state == "contest"
    session.handle("/einspruch Ich meinte 500 Millionen.")  # the reason after the command is taken
    session.handle("/einspruch")
    other = session.handle("/punkte")  # another command cancels and is done
    assert other[0].text == "Einspruch abgebrochen." and len(other) > 1 and session.state == "question"
    with Store(db) as store:
        assert [c["reason"] for c in store.contests()] == ["Ich meinte 500 Millionen."]


def test_the_results_say_which_missed_answers_are_contested(db):
    session = session_on(db, "eco-open-amount", "wx-open-temp")
    session.start()
    session.handle("fünf Millionen")
    session.handle("/einspruch Ich meinte 500 Millionen.")
    said = session.handle("20 Grad")
    results = next(m.results for m in said if m.kind == "results")
    assert [m.contested for m in results.missed] == [True, False]
    assert "Einspruch eingelegt – deine Lehrkraft entscheidet." in results.missed[0].lines()


def test_a_very_long_answer_is_not_graded_but_asked_again(db):
    session = session_on(db, "eco-open-amount", "wx-open-temp")
    session.start()
    reply = session.handle("500 Millionen Euro " * 400)
    assert reply[0].text.startswith("Das ist sehr lang (7599 Zeichen)")  # the line is stripped and session.current["key"] == "eco-open-amount"
    assert attempts(db) == []
    session.handle("/end")  # the English way to stop is understood too
    assert session.state == "done"


def test_score_help_and_unknown_command(db):
    session = session_on(db, "eco-open-amount", "wx-open-temp")
    session.start()
    assert session.handle("/punkte")[0].text.startswith("Noch keine Punkte")
    session.handle("500 Millionen Euro")
    assert session.handle("/punkte")[0].text == "1 von 1 Antwort richtig · jetzt Frage 2 von 2."
    help_text = session.handle("/hilfe")[0].text
    for command in ("/hinweis", "/überspringen", "/quelle", "/punkte", "/einspruch", "/hilfe", "/ende"):
        assert command in help_text
    assert "Unbekannter Befehl /foo" in session.handle("/foo")[0].text
    assert session.handle("/ueberspringen")[0].verdict == "skipped"  # spelt without ü


# -- end, repeat, resume ---------------------------------------------------------


def test_results_by_kind_and_missed_with_source_then_repeat_the_missed(db):
    session = session_on(db, "eco-open-amount", "eco-choice-person", "wx-cloze-year")
    session.start()
    session.handle("500 Millionen Euro")
    session.handle("A")
    end = session.handle("1900")
    results_message = next(m for m in end if m.kind == "results")
    results = results_message.results
    assert (results.points, results.answered, results.total, results.complete) == (1, 3, 3, True)
    assert results.by_kind == (("Offene Frage", 1, 1), ("Lückentext", 0, 1), ("Multiple Choice", 0, 1))
    assert [m.number for m in results.missed] == [2, 3]
    assert results.missed[0].given == "A) Joe Kaeser" and results.missed[0].answer == "B) Roland Busch"
    assert results.missed[1].source == "— Hitzerekord in Cottbus, rbb24, 20.07.2022"
    assert "1 von 3 richtig" in results_message.text
    assert "Richtig: B) Roland Busch" in results_message.text
    assert end[-1].kind == "prompt" and "2 verpassten Fragen" in end[-1].text
    with Store(db) as store:
        assert store.session(attempts(db)[0]["session_id"])["status"] == "finished"
    repeat = session.handle("ja")
    assert repeat[-1].title == "Frage 1 von 2 · Multiple Choice"
    assert [q["key"] for q in session.run.questions] == ["eco-choice-person", "wx-cloze-year"]


def test_all_right_ends_without_repeat_offer(db):
    session = session_on(db, "wx-cloze-year")
    session.start()
    end = session.handle("1893")
    assert kinds(end) == ["verdict", "evidence", "results", "info"]
    assert session.done


def test_quit_mid_quiz_keeps_everything_and_next_start_offers_resume(db):
    session = session_on(db, "eco-open-amount", "wx-open-temp", "wx-cloze-year")
    session.start()
    session.handle("500 Millionen Euro")
    bye = session.handle("/ende")
    assert kinds(bye) == ["results", "info"] and not bye[0].results.complete
    assert "Alles gespeichert (1 von 3 beantwortet)" in bye[1].text
    assert session.done
    again = session_on(db, count=3)
    prompt = again.start()[-1]
    assert "Weiter mit dem angefangenen Quiz? (ja/nein – nein beginnt ein neues)" in prompt.text
    assert "1 von 3 Fragen beantwortet" in prompt.text
    resumed = again.handle("ja")
    assert resumed[-1].title == "Frage 2 von 3 · Offene Frage"
    assert again.current["key"] == "wx-open-temp"
    assert again.status == "Frage 2 von 3 · 1 Punkt"
    again.handle("38,2 Grad")
    again.handle("1893")
    assert len(attempts(db)) == 3 and {a["session_id"] for a in attempts(db)} == {attempts(db)[0]["session_id"]}


def test_declining_resume_abandons_the_old_session(db):
    leave_unfinished(db)
    again = session_on(db, count=2)
    again.start()
    fresh = again.handle("nein")
    assert fresh[-1].title.startswith("Frage 1 von 2 · ")
    with Store(db) as store:
        old = store.session(attempts(db)[0]["session_id"])
        assert old["status"] == "abandoned"
        assert store.open_session(store.learner_id("anna"))["id"] == again.run.session_id


def test_resume_offer_greets_without_describing_a_quiz_that_may_not_be_played(db):
    leave_unfinished(db)
    again = session_on(db, count=2)
    greeting, offer = again.start()
    assert greeting.text == "Hallo anna!"
    assert offer.text.startswith("Du hast ein angefangenes Quiz ") and "(1 von 2 Fragen beantwortet)" in offer.text
    assert [o.label for o in offer.options] == ["Ja, weiter", "Nein, neues Quiz"]
    fresh = again.handle("nein")
    assert fresh[0].text.startswith("Neues Quiz: 2 Fragen zu ")
    assert "• Siemens investiert in Erlangen, Süddeutsche Zeitung, 12.03.2024" in texts(fresh) or \
        "• Hitzerekord in Cottbus" in texts(fresh) or "• Freiburg gewinnt das Derby" in texts(fresh)


def test_resume_offer_says_today_for_a_quiz_begun_today(db):
    leave_unfinished(db)
    offer = session_on(db, count=2, now=datetime.now(timezone.utc)).start()[-1]
    assert offer.text.startswith("Du hast ein angefangenes Quiz von heute (1 von 2")


def test_end_of_input_says_all_is_saved(db):
    session = session_on(db, "eco-open-amount", "wx-open-temp")
    session.start()
    session.handle("500 Millionen Euro")
    [saved] = session.leave()
    assert "Alles gespeichert (1 von 2 beantwortet)" in saved.text and "anna" in saved.text


# -- spaced repetition -----------------------------------------------------------


def test_leitner_boxes_bring_back_missed_questions(db):
    session = session_on(db, "eco-open-amount", "wx-cloze-year")
    session.start()
    session.handle("5 Euro")  # missed -> box 1, due at once
    session.handle("1893")  # right, never missed -> stays out of the boxes
    with Store(db) as store:
        learner = store.learner_id("anna")
        assert store.review_box(learner, "eco-open-amount")["box"] == 1
        assert store.review_box(learner, "wx-cloze-year") is None
    review = session_on(db, review=True)
    start = review.start()
    assert "Wiederholung: 1 Frage, die du schon einmal verpasst hast." in texts(start)
    assert review.current["key"] == "eco-open-amount"
    review.handle("500 Millionen Euro")
    with Store(db) as store:
        box = store.review_box(learner, "eco-open-amount")
    assert box["box"] == 2
    assert box["due_at"] == (NOW + timedelta(days=BOX_INTERVAL_DAYS[2])).isoformat(timespec="seconds")
    later = session_on(db, review=True)
    nothing = later.start()
    assert "keine Wiederholung fällig" in texts(nothing) and "07.05.2024" in texts(nothing)
    assert later.done


# -- safety ----------------------------------------------------------------------


def test_messages_drop_escape_codes_but_keep_markup_literally(db):
    assert printable("a\x1b[31mrot\x1b[0m\x07b\x1b]0;title\x07c") == "arotbc"
    session = session_on(db, "markup-open")
    question = session.start()[-1]
    assert question.text == "Was steht [bold]wörtlich[/] im Text?"
    reply = session.handle("\x1b[2J[bold]x[/]")
    assert "\x1b" not in texts(reply)
    assert "„Der Befehl [bold]x[/] und ein [/] stehen wörtlich im Text  rot.“" in reply[1].text
    assert "— Titel [bold]fett[/] rot, Quelle [/], 02.01.2024" in reply[1].text
    assert attempts(db)[0]["given"] == "[bold]x[/]"


def test_a_locked_database_loses_no_answer(db):
    session = session_on(db, "eco-open-amount")
    session.start()
    session.store.set_busy_timeout(0.05)
    blocker = sqlite3.connect(db)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        refused = session.handle("500 Millionen Euro")
    finally:
        blocker.rollback()
        blocker.close()
    assert refused[0].kind == "error" and refused[0].retry
    assert "konnte nicht gespeichert werden" in refused[0].text
    assert session.current["key"] == "eco-open-amount"
    assert session.handle("500 Millionen Euro")[0].verdict == "correct"
    assert len(attempts(db)) == 1


def test_claim_lines_are_recognised_and_answers_are_not():
    assert claim_in("Stimmt es, dass Siemens 500 Millionen Euro investiert?")
    assert claim_in("stimmt das: Freiburg gewann 3:1")
    assert claim_in("Stimmt das?") is None  # a question about the statement, no claim
    assert claim_in("stimmt") is None
    assert claim_in("500 Millionen Euro") is None


def test_english_mode(db):
    set_language("en")
    try:
        session = session_on(db, "eco-open-amount")
        first = session.start()
        assert first[0].title == "Welcome to quizbot"
        assert first[-1].title == "Question 1 of 1 · Open question"
        reply = session.handle("/hint")
        assert reply[0].text == "Wanted: amount with unit."
    finally:
        set_language("de")


def test_a_question_that_cannot_be_graded_can_be_skipped(db):
    with Store(db) as store:  # a teacher's edit left the answer outside the choices
        store.edit_question("eco-choice-person", answer="Werner von Siemens")
    session = session_on(db, "eco-choice-person")
    session.start()
    refused = session.handle("B")[0]
    assert refused.kind == "error" and "/überspringen" in refused.text
    assert session.handle("/überspringen")[0].verdict == "skipped"


def test_a_claim_about_the_open_question_is_checked_only_after_the_answer(tmp_path):
    db = built_db(tmp_path / "built.db")
    with Store(db) as store:
        about_investment = [q["id"] for q in store.questions()
                            if q["sentence"] == "Der Konzern investiert dafür 500 Millionen Euro."]
    session = QuizSession(Store(db), QuizOptions(question_ids=about_investment[:2]), "anna")
    session.start()
    claim = "Stimmt es, dass Siemens 500 Millionen Euro in Erlangen investiert?"
    held_back, reminder = session.handle(claim)
    assert held_back.kind == "info" and "nach deiner Antwort" in held_back.text
    assert "500 Millionen Euro" not in held_back.text
    assert reminder.text.startswith("Offen ist noch Frage 1:")
    session.handle("/überspringen")
    session.handle("/überspringen")
    assert session.handle(claim)[0].verdict == "supported"  # the quiz is over: nothing to give away


def test_missed_truefalse_shows_the_answer_as_ja_or_nein(db):
    session = session_on(db, "eco-tf-amount")
    session.start()
    results = next(m for m in session.handle("ja") if m.kind == "results").results
    assert results.missed[0].lines()[1:3] == ["Deine Antwort: ja", "Richtig: nein – die Aussage stimmt nicht"]


def test_claims_are_checked_against_the_articles_and_the_question_stays_open(tmp_path):
    db = built_db(tmp_path / "built.db")  # the real pipeline: the fact check needs its facts
    session = QuizSession(Store(db), QuizOptions(seed=1, count=2), "anna")
    session.start()
    open_question = session.current["id"]
    supported, reminder = session.handle("Stimmt es, dass Siemens 500 Millionen Euro in Erlangen investiert?")
    assert (supported.kind, supported.verdict, supported.title) == ("claim", "supported", "Faktencheck: belegt")
    assert "„Der Konzern investiert dafür 500 Millionen Euro.“" in supported.text
    assert "— Siemens investiert 500 Millionen Euro in Erlangen, dpa, 12.03.2024" in supported.text
    assert reminder.text.startswith("Offen ist noch Frage 1:")
    refuted = session.handle("/prüfe Vincenzo Grifo traf dreimal")[0]
    assert (refuted.verdict, refuted.title) == ("refuted", "Faktencheck: widerlegt")
    assert session.current["id"] == open_question
    assert attempts(db) == []
