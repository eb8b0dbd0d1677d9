"""``quizbot report NAME``: the teacher's report as a terminal table, a CSV gradebook and an
HTML page, on a class that played the quiz set through the real session."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest

from classroom_material import (  # isolated: an autouse fixture
    KEYS, RIGHT, classroom_db, isolated, play, play_class, question_ids, rows, run,  # noqa: F401
)
from quizbot.report import bar, build_report, duration, percent
from quizbot.session import without_source_naming
from quizbot.store import Store


@pytest.fixture
def db(tmp_path):
    db = classroom_db(tmp_path)
    play_class(db)
    return db


def report_of(db, name: str = "7b"):
    with Store(db) as store:
        return build_report(store, name)


# -- what the report says ---------------------------------------------------------------


def test_per_learner_score_time_and_progress(db):
    learners = {l.name: l for l in report_of(db).learners}
    assert list(learners) == ["Anna", "Ben", "Cem"]  # alphabetical, not a ranking
    assert [(l.points, l.answered, l.total, l.finished) for l in learners.values()] == [
        (4, 4, 4, True), (0, 4, 4, True), (1, 2, 4, False)]
    # from each question shown to its answer: Ben's first answer took 10 s, then his contest
    # took 10 s while question 2 was already open (20 s for it), then 10 s and 10 s
    assert (learners["Anna"].seconds, learners["Ben"].seconds, learners["Cem"].seconds) == (120, 50, 40)


def test_per_question_share_right_and_the_most_common_wrong_answers(db):
    questions = report_of(db).questions
    assert [(q.number, q.right, q.answered) for q in questions] == [(1, 1, 3), (2, 2, 3), (3, 1, 2), (4, 1, 2)]
    money, chief, score, year = questions
    assert [(w.text, w.count) for w in money.wrong] == [("50 Millionen Euro", 2)]  # one spelling, folded
    assert [(w.text, w.count) for w in chief.wrong] == [("A) Joe Kaeser", 1)]  # the letter with its choice
    assert [(w.text, w.count) for w in year.wrong] == [("", 1)]  # skipped
    assert (money.answer, chief.answer, score.answer) == ("500 Millionen Euro", "B) Roland Busch", "ja")


def test_the_terminal_table(db):
    result = run("report", "7b", "--db", str(db))
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Auswertung: Quiz „7b“\n3 Lernende · 2 fertig · 50 % der Antworten richtig · 4 Fragen\n")
    assert re.search(r"\nAnna +4 / 4 +██████████ 100 % +2:00 +fertig", out)
    assert re.search(r"\nCem +1 / 4 +██▌░░░░░░░  25 % +0:40 +bei Frage 3 von 4", out)
    assert "███▍░░░░░░  33 % (1/3)" in out
    assert "falsch: „50 Millionen Euro“×2" in out and "(übersprungen)×1" in out
    assert "Einsprüche (1 offen)" in out and "500 oder 50, ich habe mich verlesen" in out
    assert "quizbot attempts accept ID" in out


def test_english(db):
    result = run("--lang", "en", "report", "7b", "--db", str(db))
    assert result.output.startswith("Report: quiz '7b'\n3 learners · 2 finished · 50% of answers right · 4 questions\n")
    assert "at question 3 of 4" in result.output and "wrong: “50 Millionen Euro”×2" in result.output


def test_csv_is_a_gradebook_for_a_german_spreadsheet(db, tmp_path):
    path = tmp_path / "noten.csv"
    result = run("report", "7b", "--format", "csv", "-o", str(path), "--db", str(db))
    assert result.exit_code == 0 and f"Bericht nach {path} geschrieben." in result.output
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    ids = question_ids(db, *KEYS)
    assert table[0] == ["Name", "Punkte", "Beantwortet", "Fragen", "Zeit (Sekunden)", "Fertig"] + [
        f"F{n} (Id {i})" for n, i in enumerate(ids, start=1)]
    assert table[1:] == [["Anna", "4", "4", "4", "120", "ja", "1", "1", "1", "1"],
                         ["Ben", "0", "4", "4", "50", "ja", "0", "0", "0", "0"],
                         ["Cem", "1", "2", "4", "40", "nein", "0", "1", "", ""]]


def test_a_name_that_a_spreadsheet_would_run_is_defused(tmp_path):
    db = classroom_db(tmp_path)
    play(db, '=HYPERLINK("http://x";"klick")', RIGHT[0])
    out = run("report", "7b", "--format", "csv", "--db", str(db)).output
    table = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert table[1][0] == "'=HYPERLINK(\"http://x\";\"klick\")"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_has_bars_escapes_learner_text_and_needs_no_network(tmp_path):
    db = classroom_db(tmp_path)
    play_class(db)
    play(db, "<script>alert(1)</script>", "</td><b>50</b>", "/einspruch <img src=x onerror=alert(1)>")
    path = tmp_path / "bericht.html"
    assert run("report", "7b", "-f", "html", "-o", str(path), "--db", str(db)).exit_code == 0
    page = path.read_text(encoding="utf-8")
    parsed = _Page()
    parsed.feed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "b" not in parsed.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert parsed.tags.count("svg") == 4 + 4  # a bar for each learner and each question
    assert "http" not in page and "<link" not in page and "<script" not in page
    text = "".join(parsed.text)
    assert "Auswertung: Quiz „7b“" in text and "„50 Millionen Euro“\u00a0×2" in text
    assert "Einsprüche (2 offen)" in text


def test_a_disabled_question_counts_for_no_one(db):
    run("questions", "disable", str(question_ids(db, "eco-open-amount")[0]), "--db", str(db))
    made = report_of(db)
    assert [(l.name, l.points, l.total) for l in made.learners] == [("Anna", 3, 3), ("Ben", 0, 3), ("Cem", 1, 3)]
    assert made.questions[0].disabled
    out = run("report", "7b", "--db", str(db)).output
    assert re.search(r"\(gesperrt,\s+zählt nicht\)", out) and "bei Frage 3 von 4" in out


def test_practice_after_the_quiz_does_not_change_the_report(tmp_path):
    db = classroom_db(tmp_path)
    play(db, "Ben", "1", "A", "nein", "1", "ja", *RIGHT)  # misses all, then repeats them all right
    [ben] = report_of(db).learners
    assert (ben.points, ben.answered) == (0, 4)


def test_a_quiz_nobody_played_yet(tmp_path):
    db = classroom_db(tmp_path)
    out = run("report", "7b", "--db", str(db)).output
    assert "0 Lernende · 0 fertig · – der Antworten richtig" in out and "Noch hat niemand angefangen." in out
    assert "–" in out  # no share without answers


def test_learners_are_in_name_order_with_numbers_by_value(tmp_path):
    db = classroom_db(tmp_path)
    for name in ("Kind 10", "kind 2", "Anna²", "Kind 1"):
        play(db, name, RIGHT[0])
    assert [l.name for l in report_of(db).learners] == ["Anna²", "Kind 1", "kind 2", "Kind 10"]


def test_percent_rounds_halves_up_as_in_school():
    assert [percent(share) for share in (5 / 8, 1 / 8, 2 / 3, 0.0, 1.0, None)] == [
        "63 %", "13 %", "67 %", "0 %", "100 %", "–"]


def test_bars_and_durations():
    assert bar(0) == "░" * 10 and bar(1) == "█" * 10 and bar(0.25) == "██▌░░░░░░░" and bar(None) == "░" * 10
    assert (duration(0), duration(65), duration(3725)) == ("0:00", "1:05", "1:02:05")


# -- bad input -------------------------------------------------------------------------


def test_an_unknown_quiz_is_one_clear_line(db):
    result = run("report", "8c", "--db", str(db))
    assert (result.exit_code, result.output) == (
        1, "quizbot: Unbekanntes Quiz „8c“ – quizbot quiz list zeigt alle Quizze.\n")


def test_an_unwritable_output_path_is_one_clear_line_and_leaves_no_file(db, tmp_path):
    missing = tmp_path / "fehlt" / "bericht.html"
    result = run("report", "7b", "-f", "html", "-o", str(missing), "--db", str(db))
    assert (result.exit_code, result.output) == (1, f"quizbot: Ordner nicht gefunden: {missing.parent}\n")
    full = run("report", "7b", "-f", "csv", "-o", "/dev/full", "--db", str(db))
    assert full.exit_code == 1
    assert full.output == "quizbot: Kann nicht nach /dev/full schreiben: No space left on device\n"
    assert not list(tmp_path.glob("**/*.part"))


def test_an_existing_report_is_replaced_whole(db, tmp_path):
    path = tmp_path / "bericht.html"
    path.write_text("alt", encoding="utf-8")
    assert run("report", "7b", "-f", "html", "-o", str(path), "--db", str(db)).exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("question, shown", [
    ("Laut dem Artikel „Betont gute Stimmung in Wladiwostok“: Die Gemeinschaft müsse _____ geben.",
     "Die Gemeinschaft müsse _____ geben."),
    ("Wer ist laut dem Artikel vom 11. September 2023 Nordkoreas Machthaber?", "Wer ist Nordkoreas Machthaber?"),
    ("Laut dem taz-Artikel: Kim kam mit dem Zug.", "Kim kam mit dem Zug."),
    ("Wie viele Zuschauer sahen das Derby?", "Wie viele Zuschauer sahen das Derby?"),
])
def test_table_rows_show_what_a_question_asks_not_how_it_names_its_article(question, shown):
    assert without_source_naming(question) == shown
