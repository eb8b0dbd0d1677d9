"""`quizbot check` and `quizbot conflicts` through the real command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from quizbot import i18n
from quizbot.cli import cli

from tests.factcheck_material import build_database


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build_database(tmp_path_factory.mktemp("check_cli")))


@pytest.fixture(autouse=True)
def german_again():
    yield
    i18n.set_language("de")  # --lang en switches the process-wide language


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, env={"QUIZBOT_LANG": None})


def test_check_prints_verdict_explanation_and_evidence(db):
    result = run("check", "Der Handel zwischen Russland und Nordkorea beträgt 43 Millionen Dollar", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("widerlegt: Laut DER STANDARD vom 25.04.2019: 34 Millionen Dollar, nicht 43")
    assert lines[1].startswith("  „Der Handel soll von seinem derzeit bescheidenen Volumen")
    assert lines[2] == "    – DER STANDARD, 25.04.2019, 002_2a559c43b46f36a7.txt"


def test_check_json_is_one_object_with_the_contract_fields(db):
    result = run("check", "Stimmt es, dass Putin 2005 Pjöngjang besuchte?", "--json", "--db", db)
    data = json.loads(result.stdout)
    assert data["verdict"] == "refuted" and data["label"] == "widerlegt"
    assert data["claim"] == "Stimmt es, dass Putin 2005 Pjöngjang besuchte?"
    assert data["checked"] == "Putin 2005 Pjöngjang besuchte"
    assert data["evidence"][0]["article"]["file"] == "000_7c3ef7c70f8cffd4.txt"
    assert "Pjöngjang" in result.stdout  # ensure_ascii=False


def test_disputed_claims_show_both_sides(db):
    result = run("check", "Auf dem Brocken wurden Böen von 152 Kilometern pro Stunde gemessen", "--db", db)
    assert result.stdout.startswith("umstritten: Die Quellen widersprechen sich:")
    assert "  dafür: „Auf dem Brocken im Harz" in result.stdout
    assert "  dagegen: „Die stärksten Böen wurden mit 140 Kilometern" in result.stdout


def test_english_labels_with_lang_en(db):
    result = run("--lang", "en", "check", "Putin besuchte Pjöngjang 2005", "--db", db)
    assert result.stdout.startswith("refuted: According to")


def test_batch_answers_every_line_in_order_and_reports_broken_ones(db, tmp_path):
    batch = tmp_path / "claims.jsonl"
    batch.write_text("\n".join([
        json.dumps({"claim": "Die Wahlbeteiligung lag bei 48,2 Prozent.", "id": "a"}),
        "{kein json",
        json.dumps({"text": "ohne claim"}),
        "",
        json.dumps({"claim": "Wer ist Putin?"}),
        json.dumps({"claim": "Der Planet umkreist seinen Stern in 21 Tagen."}, ensure_ascii=False),
    ]), encoding="utf-8")
    result = run("check", "--batch", str(batch), "--db", db)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 5, 6]
    assert [o.get("verdict") for o in out] == ["supported", None, None, "not_found", "refuted"]
    assert out[1]["error"].startswith("kein gültiges JSON") and out[2]["error"] == 'erwartet ein Objekt mit "claim" (Text)'
    assert out[3]["problem"] == "question"
    assert result.stderr.splitlines() == [
        "quizbot: Zeile 2: kein gültiges JSON (Expecting property name enclosed in double quotes)",
        'quizbot: Zeile 3: erwartet ein Objekt mit "claim" (Text)',
    ]


def test_batch_from_stdin(db):
    result = run("check", "--batch", "-", "--json", "--db", db,
                 input=json.dumps({"claim": "Die Wahlbeteiligung lag bei 38,2 Prozent."}) + "\n")
    assert json.loads(result.stdout)["verdict"] == "refuted"


@pytest.mark.parametrize("args, message", [
    (["check", ""], 'quizbot: Bitte eine Behauptung eingeben: quizbot check "BEHAUPTUNG"'),
    (["check"], 'quizbot: Bitte eine Behauptung eingeben: quizbot check "BEHAUPTUNG"'),
    (["check", "Putin", "--batch", "x.jsonl"], "quizbot: Entweder eine Behauptung oder --batch DATEI, nicht beides."),
])
def test_user_mistakes_get_one_line_and_no_traceback(db, args, message):
    result = run(*args, "--db", db)
    assert result.exit_code == 1 and result.stderr.strip() == message
    assert "Traceback" not in result.output


def test_unreadable_batch_files_are_user_errors(db, tmp_path):
    missing = run("check", "--batch", str(tmp_path / "fehlt.jsonl"), "--db", db)
    assert missing.exit_code == 1 and missing.stderr.startswith("quizbot: Datei nicht lesbar:")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00claim")
    broken = run("check", "--batch", str(binary), "--db", db)
    assert broken.exit_code == 1 and "kein UTF-8-Text" in broken.stderr and "Traceback" not in broken.output


def test_questions_and_bad_input_get_an_answer_not_an_error(db):
    question = run("check", "Wer ist Putin?", "--db", db)
    assert question.exit_code == 0 and question.stdout.startswith("Das ist eine Frage, keine Behauptung.")
    english = run("check", "Putin visited Pyongyang in 2000", "--db", db)
    assert english.exit_code == 0 and "nur Behauptungen auf Deutsch" in english.stdout
    markup = run("check", "[bold red]<script>alert(1)</script>", "--db", db)
    assert markup.exit_code == 0 and "Traceback" not in markup.output


def test_conflicts_lists_each_disagreement_with_its_sources(db):
    result = run("conflicts", "--db", db)
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("1. Treffen – Dauer\n   taz, 001_dfaa0a7c0cdfdb49.txt: „dreieinhalbstündigen“ (Treffen)\n")
    # each figure says what it measures, and whether it was only planned
    assert ("   DER STANDARD, 25.04.2019, 002_2a559c43b46f36a7.txt: „50 Minuten“ (Tête-à-Tête, geplant); "
            "„fast zwei Stunden“ (Tête-à-Tête)") in text
    assert "   ORF, 004_c404f1aca8c507ec.txt: „mehr als einstündigen“ (Gespräch); „rund fünfstündigen“ (Gespräche)" in text
    assert "Handel – Steigerung" in text and "„das Zehnfache“ (geplant)" in text


def test_conflicts_json(db):
    result = run("conflicts", "--json", "--db", db)
    groups = [json.loads(line) for line in result.stdout.splitlines()]
    assert groups[0]["topic"] == "Treffen" and len(groups[0]["sources"]) == 3
    assert {g["topic"] for g in groups} >= {"Treffen", "Handel", "Zuschauer", "Fernverkehr"}


def test_missing_database_is_a_user_error(tmp_path):
    result = run("check", "Putin besuchte Pjöngjang 2005", "--db", str(tmp_path / "fehlt.db"))
    assert result.exit_code == 1 and result.stderr.startswith("quizbot: Datenbank nicht gefunden")
