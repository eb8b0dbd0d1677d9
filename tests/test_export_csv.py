"""``quizbot export --format csv``: opens right in a German Excel (BOM, ';', CRLF)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest
from export_material import ESC, build_store, german_afterwards, run_export, stored_questions  # noqa: F401

from quizbot.exports.csv_export import COLUMNS


def read_rows(path) -> list[dict]:
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode("utf-8")), "Excel needs the BOM to read UTF-8"
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";")
    assert tuple(reader.fieldnames) == COLUMNS
    return list(reader)


def test_one_row_per_question_with_lists_joined(tmp_path):
    rows = read_rows(run_export(tmp_path, "csv", "fragen.csv"))
    questions = stored_questions(tmp_path)
    assert [row["key"] for row in rows] == [q["key"] for q in questions]
    by_key = {row["key"]: row for row in rows}
    amount = by_key["eco-amount"]
    assert amount["answer"] == "3,5 Milliarden Euro"
    assert amount["accepted"] == "3,5 Milliarden Euro | 3,5 Mrd. Euro"
    assert amount["title"] == "Chip-Werk: {Milliarden} & <Subventionen> für Magdeburg"
    assert (amount["source"], amount["date"]) == ("Der Tagesspiegel", "14.03.2024")
    assert amount["sentence"] == "Der Halbleiterkonzern investiert 3,5 Milliarden Euro in das neue Werk."
    assert by_key["eco-choice"]["choices"] == "Ömer Yıldız | Anna Berger | Jean-Luc Dubois | Eva Kühn ~ Groß"
    assert (by_key["eco-tf"]["correct"], by_key["eco-tf"]["answer"]) == ("nein", "falsch")
    assert by_key["sport-tf"]["correct"] == "ja"
    assert by_key["weather-temp"]["date"] == "" and by_key["weather-temp"]["source"] == ""


def test_text_that_excel_would_run_as_a_formula_is_defused(tmp_path):
    rows = {row["key"]: row for row in read_rows(run_export(tmp_path, "csv", "fragen.csv"))}
    assert rows["weather-frost"]["answer"] == "'-12 Grad"
    assert rows["sport-count"]["answer"] == "34.700"  # a plain number stays a number


def test_escape_codes_are_gone_and_quotes_survive(tmp_path):
    path = run_export(tmp_path, "csv", "fragen.csv")
    assert ESC not in path.read_text(encoding="utf-8-sig")
    rows = {row["key"]: row for row in read_rows(path)}
    assert rows["sci-choice"]["choices"].endswith("| Jens Jensen")
    assert "„alarmierend“ <b>und</b> [bold]beispiellos[/]" in rows["sci-quote"]["sentence"]
    assert rows["sport-person"]["sentence"].endswith("„Das war ein Sieg des Willens – 100 % Einsatz!“")


def test_english_header_values(tmp_path):
    rows = {row["key"]: row for row in read_rows(run_export(tmp_path, "csv", "q.csv", lang="en"))}
    assert rows["eco-tf"]["correct"] == "no" and rows["eco-amount"]["date"] == "2024-03-14"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_standard_output_that_cannot_be_written_is_one_line(tmp_path):
    db = build_store(tmp_path)
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "quizbot", "export", "--format", "csv", "--db", str(db)],
                                stdout=full, stderr=subprocess.PIPE, timeout=60,
                                env={**os.environ, "QUIZBOT_LANG": "de"})
    assert result.returncode == 1
    assert result.stderr.decode().strip() == "quizbot: Ausgabe nicht schreibbar: No space left on device"
