"""The build pipeline: files and folders into a real SQLite store (quizbot.build)."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from quizbot import build as build_module
from quizbot import facts
from quizbot.build import BuildReport, _DistractorPool, build, collect_files, default_db_path, ensure_default_db
from quizbot.ingest import MAX_FILE_BYTES
from quizbot.models import Fact
from quizbot.resources import seeds_dir
from quizbot.store import Store

FIXTURES = Path(__file__).parent / "fixtures"

ECONOMY = """Autobauer steigert Gewinn deutlich

Der Autobauer Nordwerk hat im vergangenen Jahr 34 Millionen Euro Gewinn gemacht. Das teilte Vorstandschefin Petra Lang am Dienstag in Stuttgart mit. Der Umsatz stieg um 12 Prozent auf 2,1 Milliarden Euro.

Im Jahr 2019 hatte das Unternehmen noch einen Verlust von 8 Millionen Euro verbucht. Nordwerk beschäftigt weltweit rund 9500 Mitarbeiter, davon 4200 in Deutschland.
"""

SPORT = """Hamburg gewinnt das Pokalfinale

Der Hamburger SV hat das Pokalfinale in Berlin mit 2:1 gewonnen. Vor 74.000 Zuschauern im Olympiastadion traf Stürmer Robert Glatzel in der 88. Minute zum Sieg. Trainer Steffen Baumgart sprach von einem historischen Abend.
"""

NO_FACTS = """Ein ruhiger Abend

Es war ein ruhiger Abend. Niemand hatte etwas zu sagen, und alle gingen bald nach Hause.
"""


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "quiz.db") as store:
        yield store


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "artikel"
    folder.mkdir()
    write(folder, "wirtschaft.txt", ECONOMY)
    write(folder, "sport.txt", SPORT)
    return folder


def assert_consistent(store: Store, report: BuildReport) -> None:
    """Every article saved whole: the store's counts add up to what the run saw."""
    counts = store.counts()
    assert counts["articles"] == report.articles
    for article in store.articles():
        assert store.sentences(article["id"]), article["file"]


# --------------------------------------------------------------------------
# A normal run
# --------------------------------------------------------------------------


def test_samples_are_built_into_the_store(store):
    report = build([seeds_dir()], store)
    assert (report.new, report.updated, report.unchanged, report.skipped) == (5, 0, 0, [])
    counts = store.counts()
    assert counts == {
        "articles": 5, "sentences": report.sentences, "facts": report.facts,
        "questions": report.questions + report.comparisons,
    }
    assert report.questions > 0 and report.facts > 0
    # the sources differ on the length of the 2019 meeting: "Quellenvergleich" questions
    assert report.comparisons > 0
    compared = [q for q in store.questions() if q["question"].startswith("Quellenvergleich")]
    assert len(compared) == report.comparisons


def test_an_unchanged_run_leaves_the_comparisons_alone(store):
    build([seeds_dir()], store)
    before = {q["id"]: q["question"] for q in store.questions()}
    again = build([seeds_dir()], store)
    assert (again.unchanged, again.comparisons) == (5, 0)
    assert {q["id"]: q["question"] for q in store.questions()} == before
    titles = {a["title"] for a in store.articles()}
    assert "Betont gute Stimmung in Wladiwostok" in titles


def test_a_stored_sentence_is_verbatim_from_the_cleaned_article(store, articles):
    build([articles], store)
    for article in store.articles():
        text = store.article(article["id"])["text"]
        for sentence in store.sentences(article["id"]):
            assert text[sentence["start"]:sentence["end"]] == sentence["text"]


def test_unchanged_articles_are_skipped_before_decoding(store, articles, monkeypatch):
    first = build([articles], store)
    before = store.questions()

    def must_not_parse(*args, **kwargs):
        raise AssertionError("an unchanged article was parsed again")

    monkeypatch.setattr(build_module, "parse_article", must_not_parse)
    again = build([articles], store)
    assert (again.new, again.updated, again.unchanged, again.skipped) == (0, 0, 2, [])
    assert store.questions() == before
    assert first.articles == again.articles


def test_a_changed_article_replaces_its_questions(store, articles):
    build([articles], store)
    sport_before = store.questions(article="sport.txt")
    write(articles, "wirtschaft.txt", ECONOMY.replace("34 Millionen", "43 Millionen"))
    report = build([articles], store)
    assert (report.new, report.updated, report.unchanged) == (0, 1, 1)
    (article,) = store.find_articles("wirtschaft.txt")
    sentences = {s["text"] for s in store.sentences(article["id"])}
    assert any("43 Millionen" in s for s in sentences) and not any("34 Millionen" in s for s in sentences)
    economy = store.questions(article="wirtschaft.txt")
    assert economy and all(q["sentence"] in sentences for q in economy)
    assert not any("34 Millionen" in q["question"] + q["answer"] for q in economy)
    assert store.questions(article="sport.txt") == sport_before
    assert store.counts()["articles"] == 2


def test_the_same_file_named_twice_or_through_a_link_is_read_once(store, articles, tmp_path):
    link = tmp_path / "verweis.txt"
    link.symlink_to(articles / "sport.txt")
    report = build([articles, articles / "sport.txt", link], store)
    assert report.new == 2 and store.counts()["articles"] == 2


def test_files_of_other_kinds_in_folders_are_counted_not_read(store, articles):
    (articles / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (articles / ".versteckt.txt").write_text(ECONOMY, encoding="utf-8")
    report = build([articles], store)
    assert (report.new, report.ignored, report.skipped) == (2, 1, [])


def test_progress_is_reported_per_file(store, articles):
    calls = []
    build([articles], store, progress=lambda done, total, path: calls.append((done, total, path.name)))
    assert calls == [(1, 2, "sport.txt"), (2, 2, "wirtschaft.txt")]


def test_html_pages_are_built(store, tmp_path):
    folder = tmp_path / "seiten"
    shutil.copytree(FIXTURES, folder)
    report = build([folder], store)
    assert report.skipped == [] and report.new == len(list(FIXTURES.iterdir()))
    sources = {a["source"] for a in store.articles()}
    assert {"DER SPIEGEL", "DIE ZEIT", "tagesschau"} <= sources


def test_a_failing_article_does_not_stop_the_others(store, articles, monkeypatch):
    real_extract = facts.extract_facts

    def failing_for_sport(article, sentences):
        if article.file == "sport.txt":
            raise RuntimeError("kaputt")
        return real_extract(article, sentences)

    monkeypatch.setattr(facts, "extract_facts", failing_for_sport)
    report = build([articles], store)
    assert report.new == 1
    ((path, reason),) = report.skipped
    assert path.endswith("sport.txt") and "RuntimeError: kaputt" in reason
    assert [a["file"] for a in store.articles()] == ["wirtschaft.txt"]


# --------------------------------------------------------------------------
# Bad input: one clear reason each, the other files still ingested
# --------------------------------------------------------------------------


def build_with(store: Store, articles: Path, bad: Path) -> tuple[BuildReport, str]:
    report = build([articles, bad] if not bad.is_relative_to(articles) else [articles], store)
    assert report.new == 2, report.skipped
    assert_consistent(store, report)
    reasons = [reason for path, reason in report.skipped if Path(path).name == bad.name]
    assert len(reasons) == 1, report.skipped
    return report, reasons[0]


def test_empty_file(store, articles):
    _, reason = build_with(store, articles, write(articles, "leer.txt", ""))
    assert reason == "leere Datei"


def test_whitespace_only_file(store, articles):
    _, reason = build_with(store, articles, write(articles, "leerzeichen.txt", " \n\t\n\u00a0 \n"))
    assert reason == "enthält nur Leerzeichen"


def test_binary_file(store, articles):
    bad = articles / "daten.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    _, reason = build_with(store, articles, bad)
    assert reason == "Binärdatei, kein Text"


def test_pdf_file(store, articles, tmp_path):
    bad = tmp_path / "artikel.pdf"
    bad.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    _, reason = build_with(store, articles, bad)
    assert "PDF" in reason


def test_latin1_file_is_ingested_with_its_umlauts(store, articles):
    write(articles, "latin1.txt", ECONOMY.replace("Nordwerk", "Südwerk Görlitz"), encoding="latin-1")
    report = build([articles], store)
    assert report.new == 3 and report.skipped == []
    (article,) = store.find_articles("latin1.txt")
    assert "Südwerk Görlitz" in article["text"] and "\ufffd" not in article["text"]


def test_utf16_file_is_ingested(store, articles):
    write(articles, "utf16.txt", SPORT.replace("Hamburg", "Nürnberg"), encoding="utf-16")
    report = build([articles], store)
    assert report.new == 3 and report.skipped == []
    (article,) = store.find_articles("utf16.txt")
    assert article["title"] == "Nürnberg gewinnt das Pokalfinale"


def test_a_50_mb_file_is_skipped_unread(store, articles):
    bad = articles / "riesig.txt"
    with bad.open("wb") as out:
        line = ("Der Umsatz stieg um 3 Prozent. " * 32 + "\n").encode()
        out.write(line * (50 * 2**20 // len(line) + 1))
    assert bad.stat().st_size > 50 * 2**20 > MAX_FILE_BYTES
    _, reason = build_with(store, articles, bad)
    assert reason == "zu groß für einen Artikel (50 MB, höchstens 16 MB)"


def test_an_article_without_facts_is_ingested_and_reported(store, articles):
    write(articles, "ruhig.txt", NO_FACTS)
    report = build([articles], store)
    assert report.new == 3 and report.skipped == []
    assert [Path(p).name for p in report.without_questions] == ["ruhig.txt"]
    (article,) = store.find_articles("ruhig.txt")
    assert store.sentences(article["id"])


def test_a_missing_path(store, articles, tmp_path):
    report = build([articles, tmp_path / "gibt-es-nicht.txt"], store)
    assert report.new == 2
    assert report.skipped == [(str(tmp_path / "gibt-es-nicht.txt"), "nicht gefunden")]


def _build_as_other_user(folder: str) -> tuple[int, list]:
    """Run a build where root's right to read everything does not hide an unreadable file."""
    if os.geteuid() == 0:
        os.setgid(65534)
        os.setuid(65534)
    with Store(Path(folder) / "quiz.db") as store:
        report = build([Path(folder) / "artikel"], store)
        return report.new, report.skipped


def test_an_unreadable_file(tmp_path):
    folder = Path(tempfile.mkdtemp(prefix="quizbot-test-"))
    try:
        folder.chmod(0o777)
        articles = folder / "artikel"
        articles.mkdir()
        articles.chmod(0o777)
        write(articles, "wirtschaft.txt", ECONOMY).chmod(0o644)
        write(articles, "sport.txt", SPORT).chmod(0o644)
        write(articles, "geheim.txt", ECONOMY).chmod(0o000)
        context = multiprocessing.get_context("fork")
        with context.Pool(1) as pool:
            new, skipped = pool.apply(_build_as_other_user, (str(folder),))
        assert new == 2
        assert [(Path(p).name, reason) for p, reason in skipped] == [("geheim.txt", "keine Leseberechtigung")]
    finally:
        shutil.rmtree(folder)


def test_a_folder_with_a_symlink_loop(store, articles):
    (articles / "schleife").symlink_to(articles, target_is_directory=True)
    (articles / "unter").mkdir()
    (articles / "unter" / "zurück").symlink_to(articles, target_is_directory=True)
    report = build([articles], store)
    assert report.new == 2
    assert len(report.skipped) == 2
    assert all("Schleife" in reason for _, reason in report.skipped)
    assert_consistent(store, report)


# --------------------------------------------------------------------------
# Distractor pool and the per-user database
# --------------------------------------------------------------------------


def test_the_distractor_pool_stays_flat(store):
    pool = _DistractorPool(store, per_kind=50)
    for n in range(1000):
        pool.add([Fact(kind="amount", text=f"{n} Euro", sentence_index=0, start=0, end=5),
                  Fact(kind="year", text=str(1900 + n % 100), sentence_index=0, start=0, end=4)])
    facts = pool.for_article("/irgendwo.txt", replacing=False)
    assert len(facts) == 100
    assert facts[-1].text == "1999"  # the newest are kept


def test_the_pool_offers_facts_of_other_articles_only(store, articles):
    build([articles], store)
    pool = _DistractorPool(store)
    economy = str((articles / "wirtschaft.txt").resolve())
    offered = {f.text for f in pool.for_article(economy, replacing=True)}
    assert offered and not any("Millionen Euro" in text for text in offered)


def test_the_per_user_database_is_built_from_the_samples_once(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "daten"))
    path = ensure_default_db()
    assert path == default_db_path() and path.is_relative_to(tmp_path)
    with Store(path) as store:
        assert store.counts()["articles"] == 5
        stamps = [a["ingested_at"] for a in store.db["articles"].rows]
    assert ensure_default_db() == path
    with Store(path) as store:
        assert [a["ingested_at"] for a in store.db["articles"].rows] == stamps


def test_a_newer_quizbot_reads_unchanged_articles_again_once(store, articles, tmp_path, monkeypatch):
    build([articles], store)
    monkeypatch.setattr(build_module, "GENERATOR_VERSION", "a newer one")
    again = build([articles], store)
    assert (again.updated, again.unchanged) == (2, 0)  # what an older quizbot made is replaced
    assert build([articles], store).unchanged == 2  # and then the files count as unchanged again
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "daten"))
    path = ensure_default_db()
    monkeypatch.setattr(build_module, "GENERATOR_VERSION", "newer still")
    ensure_default_db()  # the per-user database follows the upgrade at its next start
    with Store(path) as samples:
        hashes = {a["path"]: a["hash"] for a in samples.db["articles"].rows}
    assert len(hashes) == 5
    assert all(hashes[str(p)] == build_module.fingerprint(p.read_bytes()) for p in seeds_dir().resolve().iterdir())


def test_a_class_starting_at_once_for_the_first_time_gets_one_whole_database(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "daten")}
    code = "from quizbot.build import ensure_default_db; print(ensure_default_db())"
    starts = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [start.communicate(timeout=120) for start in starts]
    assert [start.returncode for start in starts] == [0] * 4, [err for _, err in results]
    [path] = {out.strip() for out, _ in results}
    with Store(path) as store:
        assert store.counts()["articles"] == 5
        assert len({a["path"] for a in store.articles()}) == 5
    assert sorted(p.name for p in Path(path).parent.iterdir() if p.name.startswith(".")) == []


def test_collect_files_reports_a_broken_link(tmp_path):
    (tmp_path / "weg.txt").symlink_to(tmp_path / "nirgends.txt")
    report = BuildReport()
    assert collect_files([tmp_path / "weg.txt"], report) == []
    assert report.skipped == [(str(tmp_path / "weg.txt"), "Verknüpfung ins Leere")]
