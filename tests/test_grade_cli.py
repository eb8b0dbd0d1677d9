"""`quizbot grade`: one answer, or a file of answers (JSON Lines or a CSV worksheet)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizbot.cli import cli
from quizbot.i18n import set_language

DEV = Path(__file__).parent / "data" / "grading_dev.jsonl"


@pytest.fixture(autouse=True)
def german_afterwards():
    yield
    set_language("de")  # --lang en switches the whole process


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_one_answer_in_words():
    result = run("grade", "34 Millionen Dollar", "43 Millionen Dollar")
    assert result.exit_code == 0
    assert result.stdout == "falsch · 0.00\nDie Zahl stimmt nicht: laut Artikel »34 Millionen Dollar«.\n"


def test_one_answer_as_json_with_an_alternative():
    result = run("grade", "Europäische Zentralbank", "EZB", "--accept", "EZB", "--accept", "ECB", "--json")
    assert result.exit_code == 0
    verdict = json.loads(result.stdout)
    assert verdict["accepted"] is True and verdict["verdict"] == "correct" and verdict["given"] == "EZB"


def test_one_answer_in_english():
    result = run("--lang", "en", "grade", "Säbel", "Gabel")
    assert result.stdout == "wrong · 0.00\nWrong – the correct answer is 'Säbel'.\n"


def test_choice_and_true_false_from_the_command_line():
    assert run("grade", "Seoul", "c", "--type", "choice", "--choice", "Hanoi", "--choice", "Singapur",
               "--choice", "Seoul").stdout.startswith("richtig")
    assert run("grade", "nein", "stimmt nicht", "--type", "truefalse").stdout.startswith("richtig")


@pytest.mark.parametrize(
    "args, message",
    [
        (("grade",), "Bitte EXPECTED und ANSWER angeben"),
        (("grade", "nur eins"), "Bitte EXPECTED und ANSWER angeben"),
        (("grade", "vielleicht", "ja", "--type", "truefalse"), "sagt weder wahr noch falsch"),
        (("grade", "--batch", "/does/not/exist.jsonl"), "Datei nicht gefunden"),
        (("grade", "a", "--batch", str(DEV)), "bitte ohne EXPECTED und ANSWER"),
    ],
)
def test_user_mistakes_get_one_line_and_no_traceback(args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_batch_of_the_development_set(tmp_path):
    out = tmp_path / "verdicts.jsonl"
    result = run("grade", "--batch", str(DEV), "--json", "-o", str(out))
    assert result.exit_code == 0
    cases = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    verdicts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(verdicts) == len(cases)
    assert all({"accepted", "verdict", "score", "note"} <= set(v) for v in verdicts)
    assert [v["accepted"] for v in verdicts] == [c["label"] == "accept" for c in cases]
    assert "52 Antworten bewertet" in result.stderr


def test_batch_keeps_order_and_marks_bad_lines(tmp_path):
    batch = tmp_path / "answers.jsonl"
    batch.write_text(
        '{"expected": "Kiew", "given": "Kyjiw"}\n'
        '{"expected": "Kiew", "given": \n'
        "\n"
        '["not", "an", "object"]\n'
        '{"expected": "1986", "given": "1968", "answer_type": "year"}\n'
        '{"expected": "x", "given": "y", "answer_type": "colour"}\n',
        encoding="utf-8",
    )
    result = run("grade", "--batch", str(batch))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("accepted") for line in lines] == [True, None, None, False, None]
    assert [line.get("line") for line in lines] == [None, 2, 4, None, 6]
    assert "kein gültiges JSON" in lines[1]["error"] and "unbekannter Antworttyp" in lines[4]["error"]
    assert "answers.jsonl, Zeile 2:" in result.stderr and "answers.jsonl, Zeile 6:" in result.stderr
    assert "2 Antworten bewertet: 1 akzeptiert, 1 nicht akzeptiert, 3 fehlerhafte Zeilen." in result.stderr


def test_batch_with_nothing_gradable_fails(tmp_path):
    batch = tmp_path / "broken.jsonl"
    batch.write_text("{oops\n", encoding="utf-8")
    result = run("grade", "--batch", str(batch))
    assert result.exit_code == 1
    assert "keine Antwort" in result.stderr


def test_csv_worksheet_with_german_headers_and_semicolons(tmp_path):
    sheet = tmp_path / "klasse-7b.csv"
    sheet.write_text(
        "Name;Lösung;Antwort;Varianten\n"
        "Anna;34 Millionen Dollar;34 Mio. $;\n"
        "Ben;Wladiwostok;Moskau;\n"
        "Cem;Europäische Zentralbank;EZB;EZB|ECB\n"
        "Dana;;irgendwas;\n",
        encoding="utf-8-sig",
    )
    out = tmp_path / "bewertet.csv"
    result = run("grade", "--batch", str(sheet), "-o", str(out))
    assert result.exit_code == 0
    assert out.read_bytes().startswith("\ufeff".encode("utf-8"))  # Excel reads the umlauts as UTF-8
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [r["Name"] for r in rows] == ["Anna", "Ben", "Cem", "Dana"]
    assert [r["accepted"] for r in rows] == ["ja", "nein", "ja", ""]
    assert rows[0]["score"] == "1,00" and rows[1]["verdict"] == "wrong"
    assert rows[3]["note"] == "»expected« fehlt"
    assert "klasse-7b.csv, Zeile 5" in result.stderr


def test_csv_from_excel_on_windows_and_json_out(tmp_path):
    sheet = tmp_path / "answers.txt"
    sheet.write_bytes("expected,given\nSäbel,Säbl\nSäbel,Gabel\n".encode("cp1252"))
    result = run("grade", "--batch", str(sheet), "--format", "csv", "--json")
    assert result.exit_code == 0
    assert [json.loads(line)["accepted"] for line in result.stdout.splitlines()] == [True, False]


def test_german_excel_csv_with_decimal_commas_in_the_answers(tmp_path):
    # Excel (German) saves ";"-separated cp1252 and quotes only fields that hold a ";".
    sheet = tmp_path / "Klasse 9a.csv"
    sheet.write_bytes(
        ("Schüler;Lösung;Antwort;Typ\r\n"
         "Jörg;3,5 Millionen Euro;3,5 Mio. €, glaube ich;amount\r\n"
         "Özlem;2,1 Milliarden Euro;2,1 oder 2,2;amount\r\n"
         "Ümit;Außenminister;\"Aussenminister; oder?\";word\r\n").encode("cp1252"))
    out = tmp_path / "Klasse 9a bewertet.csv"
    assert run("grade", "--batch", str(sheet), "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [(r["Schüler"], r["accepted"]) for r in rows] == [("Jörg", "ja"), ("Özlem", "nein"), ("Ümit", "ja")]
    assert rows[0]["score"] == "1,00" and rows[2]["Antwort"] == "Aussenminister; oder?"


def test_csv_without_the_needed_columns(tmp_path):
    sheet = tmp_path / "answers.csv"
    sheet.write_text("Name,Punkte\nAnna,3\n", encoding="utf-8")
    result = run("grade", "--batch", str(sheet))
    assert result.exit_code == 1
    assert "CSV-Spalten fehlen: expected, given" in result.stderr


def test_output_file_is_replaced_whole(tmp_path):
    out = tmp_path / "verdicts.jsonl"
    out.write_text("old content\n", encoding="utf-8")
    shutil.copy(DEV, tmp_path / "dev.jsonl")
    assert run("grade", "--batch", str(tmp_path / "dev.jsonl"), "-o", str(out)).exit_code == 0
    assert "old content" not in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("content, message", [
    (bytes(range(256)) * 4, "Binärdatei, kein Text"),
    (b"%PDF-1.7\n\x81\x8d binary", "kein Text, sondern eine PDF-Datei"),
])
def test_batch_of_a_binary_file_is_refused_in_one_line(tmp_path, content, message):
    batch = tmp_path / "answers.jsonl"
    batch.write_bytes(content)
    result = run("grade", "--batch", str(batch))
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_batch_from_utf16_excel_export(tmp_path):
    sheet = tmp_path / "answers.csv"
    sheet.write_bytes("expected\tgiven\r\nWladiwostok\tVladivostok\r\n".encode("utf-16"))
    result = run("grade", "--batch", str(sheet), "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["accepted"] is True


def test_a_csv_answer_that_a_spreadsheet_would_run_is_defused(tmp_path):
    sheet = tmp_path / "answers.csv"
    sheet.write_text("expected;given\n34 Millionen Dollar;=1+1\n34 Millionen Dollar;-34 Millionen\n", encoding="utf-8")
    out = tmp_path / "graded.csv"
    assert run("grade", "--batch", str(sheet), "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [r["given"] for r in rows] == ["'=1+1", "'-34 Millionen"]
