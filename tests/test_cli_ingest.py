"""``quizbot ingest``, ``quizbot questions`` and ``quizbot export`` through the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizbot.cli import cli
from quizbot.i18n import set_language
from quizbot.models import Article, Question, Sentence
from quizbot.resources import seeds_dir
from quizbot.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT_FIELDS = {"id", "kind", "question", "answer", "accepted", "answer_type", "article", "sentence", "score"}


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """No test touches the real per-user database or leaves English switched on."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "benutzerdaten"))
    monkeypatch.delenv("QUIZBOT_DB", raising=False)
    monkeypatch.delenv("QUIZBOT_LANG", raising=False)
    yield
    set_language("de")


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """The five samples and the fixtures, ingested once for the read-only tests."""
    db = tmp_path_factory.mktemp("db") / "quiz.db"
    result = CliRunner().invoke(cli, ["ingest", str(seeds_dir()), str(FIXTURES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


# --------------------------------------------------------------------------
# ingest
# --------------------------------------------------------------------------


def test_ingest_prints_a_german_summary(tmp_path):
    db = tmp_path / "quiz.db"
    result = run("ingest", str(seeds_dir()), "--db", str(db))
    assert result.exit_code == 0
    assert "5 Artikel: 5 neu, 0 geändert, 0 unverändert." in result.stdout
    with Store(db) as store:
        counts = store.counts()
    assert (
        f"In der Datenbank: 5 Artikel, {counts['sentences']} Sätze, {counts['facts']} Fakten, "
        f"{counts['questions']} Fragen." in result.stdout
    )
    again = run("ingest", str(seeds_dir()), "--db", str(db))
    assert "5 Artikel: 0 neu, 0 geändert, 5 unverändert." in again.stdout


def test_ingest_speaks_english_on_request(tmp_path):
    result = run("--lang", "en", "ingest", str(seeds_dir()), "--db", str(tmp_path / "q.db"))
    assert "5 articles: 5 new, 0 changed, 0 unchanged." in result.stdout


def test_bad_files_get_one_line_each_and_the_rest_is_ingested(tmp_path):
    folder = tmp_path / "artikel"
    shutil.copytree(seeds_dir(), folder)
    (folder / "leer.txt").write_bytes(b"")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    result = run("ingest", str(folder), str(folder / "scan.pdf"), str(tmp_path / "fehlt.txt"),
                 "--db", str(tmp_path / "q.db"))
    assert result.exit_code == 0
    problems = result.stderr.splitlines()
    assert problems == [
        f"übersprungen: {tmp_path / 'fehlt.txt'}: nicht gefunden",
        f"übersprungen: {folder / 'leer.txt'}: leere Datei",
        f"übersprungen: {folder / 'scan.pdf'}: kein Text, sondern eine PDF-Datei (bitte den Text als .txt speichern)",
    ]
    assert "5 Artikel: 5 neu" in result.stdout and "3 übersprungen (Gründe oben)." in result.stdout
    assert "Nicht beachtet: 1 Datei in Ordnern, die keine Artikel sind (nur .txt, .html, .htm)." in result.stdout


def test_nothing_ingested_is_an_error_without_traceback(tmp_path):
    (tmp_path / "leer.txt").write_bytes(b"")
    result = run("ingest", str(tmp_path / "leer.txt"), str(tmp_path / "fehlt.txt"), "--db", str(tmp_path / "q.db"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "quizbot: keine Artikel eingelesen"
    assert "Traceback" not in result.output


def test_only_missing_paths_or_a_missing_folder_make_no_database(tmp_path):
    db = tmp_path / "q.db"
    result = run("ingest", str(tmp_path / "fehlt.txt"), "--db", str(db))
    assert result.exit_code == 1 and result.stderr.strip() == f"quizbot: nicht gefunden: {tmp_path / 'fehlt.txt'}"
    assert not db.exists()
    typo = tmp_path / "Klase" / "q.db"
    result = run("ingest", str(FIXTURES / "sz_exoplanet.txt"), "--db", str(typo))
    assert result.exit_code == 1 and result.stderr.startswith(f"quizbot: Ordner nicht gefunden: {typo.parent}")
    assert not typo.parent.exists()


def test_a_folder_without_articles_says_so(tmp_path):
    (tmp_path / "leer").mkdir()
    (tmp_path / "leer" / "bild.png").write_bytes(b"\x89PNG")
    result = run("ingest", str(tmp_path / "leer"), "--db", str(tmp_path / "q.db"))
    assert result.exit_code == 1
    assert result.stderr.strip() == "quizbot: keine Artikel-Dateien (.txt, .html, .htm) gefunden"


def test_ingest_without_db_fills_the_per_user_database(tmp_path):
    result = run("ingest", str(FIXTURES / "dpa_landtagswahl.txt"))
    assert result.exit_code == 0
    db = tmp_path / "benutzerdaten" / "quizbot" / "quizbot.db"
    with Store(db) as store:
        assert store.counts()["articles"] == 6  # the samples, built on first use, and the new one


def test_quizbot_db_variable_names_the_database(tmp_path):
    db = tmp_path / "aus-variable.db"
    result = run("ingest", str(FIXTURES / "sz_exoplanet.txt"), env={"QUIZBOT_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


def test_a_database_that_is_no_database_is_a_clear_error(tmp_path):
    bogus = tmp_path / "kaputt.db"
    bogus.write_text("keine Datenbank", encoding="utf-8")
    result = run("ingest", str(FIXTURES / "sz_exoplanet.txt"), "--db", str(bogus))
    assert result.exit_code == 1
    assert result.stderr.startswith("quizbot: Datenbank nicht nutzbar:") and "Traceback" not in result.output


# --------------------------------------------------------------------------
# questions
# --------------------------------------------------------------------------


def test_questions_are_listed_as_a_table(sample_db):
    result = run("questions", "--db", str(sample_db), env={"COLUMNS": "250"})
    assert result.exit_code == 0
    with Store(sample_db) as store:
        stored = store.questions()
        article_titles = [a["title"] for a in store.articles()]
    assert stored
    for header in ("ID", "Art", "Frage", "Antwort", "Score"):
        assert header in result.stdout
    for title in article_titles:
        if any(q["article"]["title"] == title for q in stored):
            assert title in result.stdout


def test_questions_filter_by_kind_article_and_limit(sample_db):
    as_json = json.loads(run("questions", "--db", str(sample_db), "--json").stdout)
    kinds = {q["kind"] for q in as_json}
    for kind in kinds:
        only = json.loads(run("questions", "--db", str(sample_db), "--kind", kind, "--json").stdout)
        assert only and {q["kind"] for q in only} == {kind}
    taz = json.loads(run("questions", "--db", str(sample_db), "--article", "Symbolpolitik", "--json").stdout)
    assert taz and {q["article"]["file"] for q in taz} == {"001_dfaa0a7c0cdfdb49.txt"}
    two = json.loads(run("questions", "--db", str(sample_db), "--limit", "2", "--json").stdout)
    assert two == as_json[:2]


def test_choice_and_truefalse_are_shown_readably(tmp_path):
    db = tmp_path / "hand.db"
    sentence = "Der Hamburger SV gewann das Pokalfinale vor 74.000 Zuschauern."
    article = Article(path=str(tmp_path / "pokal.txt"), file="pokal.txt", title="Pokalfinale in Berlin",
                      text=sentence, hash="h", date="2024-05-25", source="Sportecho")
    questions = [
        Question(kind="choice", question="Wie viele Zuschauer sahen das Finale?", answer="74.000",
                 choices=["47.000", "74.000", "60.000", "84.000"], sentence_index=0, answer_type="count",
                 score=0.9, key="c"),
        Question(kind="truefalse", question="Das Finale sahen 47.000 Zuschauer.", answer="falsch",
                 correct=False, correction="74.000 Zuschauer", sentence_index=0, answer_type="count",
                 score=0.5, key="t"),
    ]
    with Store(db) as store:
        store.save_article(article, [Sentence(index=0, paragraph=0, text=sentence, end=len(sentence))], [], questions)
    result = run("questions", "--db", str(db), env={"COLUMNS": "160"})
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "Pokalfinale in Berlin (pokal.txt · Sportecho · 25.05.2024) – 2 Fragen" in lines
    for option in ("a) 47.000", "b) 74.000", "c) 60.000", "d) 84.000"):
        assert any(line.startswith(option) or f" {option}" in line for line in lines), option
    assert "nein (stimmt nicht) – 74.000 Zuschauer" in result.stdout
    assert "Auswahl" in result.stdout and "ja/nein" in result.stdout


def test_questions_for_an_unknown_article_is_a_clear_error(sample_db):
    result = run("questions", "--db", str(sample_db), "--article", "Mondlandung")
    assert result.exit_code == 1
    assert "kein Artikel passt zu »Mondlandung«" in result.stderr


def test_questions_without_a_database_file_hint_at_ingest(tmp_path):
    missing = tmp_path / "fehlt.db"
    result = run("questions", "--db", str(missing))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"quizbot: Datenbank nicht gefunden: {missing} – zuerst Artikel einlesen: quizbot ingest ARTIKEL… --db {missing}"
    )
    assert not missing.exists()


def test_questions_without_db_use_the_samples(tmp_path):
    result = run("questions", "--json")
    assert result.exit_code == 0
    files = {q["article"]["file"] for q in json.loads(result.stdout)}
    assert files and all(f.split("_")[0] in {"000", "001", "002", "003", "004"} for f in files)


# --------------------------------------------------------------------------
# export
# --------------------------------------------------------------------------


def test_export_jsonl_has_the_promised_shape(sample_db, tmp_path):
    out = tmp_path / "fragen.jsonl"
    result = run("export", "--format", "jsonl", "--db", str(sample_db), "-o", str(out))
    assert result.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    with Store(sample_db) as store:
        assert len(records) == len(store.questions())
        texts = {a["file"]: store.article(a["id"])["text"] for a in store.articles()}
    assert f"{len(records)} Fragen nach {out} exportiert." in result.stderr
    for record in records:
        assert EXPORT_FIELDS <= record.keys()
        assert record["kind"] in {"open", "cloze", "choice", "truefalse"}
        assert ("choices" in record) == (record["kind"] == "choice")
        assert ("correct" in record) == (record["kind"] == "truefalse")
        if record["kind"] == "choice":
            assert record["answer"] in record["choices"]
        assert record["answer"] in record["accepted"]
        assert set(record["article"]) == {"file", "title", "date", "source"}
        assert record["sentence"] in texts[record["article"]["file"]]
        for boilerplate in ("Foto:", "APA/", "Bild nicht mehr", "Fotostrecke", "Videoquelle", "taz lesen"):
            assert boilerplate not in record["sentence"]


def test_export_to_stdout_is_one_question_per_line(sample_db):
    result = run("export", "--db", str(sample_db), "--kind", "cloze")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and {r["kind"] for r in records} == {"cloze"}
    assert all("ä" in line or "\\u" not in line for line in result.stdout.splitlines())


def test_an_exported_file_can_be_read_by_others_like_any_new_file(sample_db, tmp_path):
    out, kept = tmp_path / "fragen.gift", tmp_path / "alt.jsonl"
    kept.write_text("alt")
    kept.chmod(0o640)
    old_umask = os.umask(0o022)
    try:
        assert run("export", "-f", "gift", "--db", str(sample_db), "-o", str(out)).exit_code == 0
        assert run("export", "--db", str(sample_db), "-o", str(kept)).exit_code == 0
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644  # not mkstemp's private 0600
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640  # a replaced file keeps its mode


def test_export_into_a_missing_folder_is_a_clear_error(sample_db, tmp_path):
    result = run("export", "--db", str(sample_db), "-o", str(tmp_path / "nirgends" / "f.jsonl"))
    assert result.exit_code == 1
    assert result.stderr.startswith("quizbot: Ordner nicht gefunden:")


def test_export_offers_only_known_formats(sample_db):
    result = CliRunner().invoke(cli, ["export", "--format", "docx", "--db", str(sample_db)])
    assert result.exit_code == 2 and "docx" in result.output
