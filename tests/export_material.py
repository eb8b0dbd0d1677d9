"""Test material for the school exports: German news on economy, sport, weather and science.

Saved with the real Store into a SQLite file, so the export tests read questions
exactly as ``quizbot export`` does. The texts carry what breaks careless writers:
GIFT control characters (``~ = # { } :``), HTML (``<b>``, ``&``), a Moodle
wildcard (``*``), a backslash, terminal escape codes, typographic quotes, ß and
letters beyond Latin-1 (Ł, ı).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quizbot.cli import cli
from quizbot.i18n import set_language
from quizbot.models import Article, Question, Sentence
from quizbot.store import Store

ESC = "\x1b"

ARTICLES = {
    "wirtschaft.txt": dict(
        title="Chip-Werk: {Milliarden} & <Subventionen> für Magdeburg",
        source="Der Tagesspiegel",
        date="2024-03-14",
        sentences=[
            "Der Halbleiterkonzern investiert 3,5 Milliarden Euro in das neue Werk.",
            "Bis 2028 sollen in Magdeburg rund 3.000 Arbeitsplätze entstehen.",
            "Wirtschaftsministerin Anna Berger sprach von einem „Meilenstein für den Osten“.",
        ],
    ),
    "sport.txt": dict(
        title="Freiburg gewinnt das Derby",
        source="kicker",
        date="2023-10-08",
        sentences=[
            "Der SC Freiburg hat das Derby gegen den VfB Stuttgart mit 3:1 gewonnen.",
            "Vor 34.700 Zuschauern traf Vincenzo Grifo zweimal.",
            "Trainer Christian Streich sagte: „Das war ein Sieg des Willens – 100 % Einsatz!“",
        ],
    ),
    "wetter.txt": dict(
        title="Hitzerekord in Cottbus",
        source=None,
        date=None,
        sentences=[
            "Der Deutsche Wetterdienst hat in Cottbus 38,2 Grad gemessen.",
            "Das ist der höchste Wert seit Beginn der Aufzeichnungen im Jahr 1893.",
            "Im Januar hatte das Thermometer dort noch -12 Grad angezeigt.",
        ],
    ),
    "wissenschaft.txt": dict(
        title="Gletscher \\ Alpen: Forscher messen den Eisverlust",
        source="Spektrum",
        date="2022-11-30",
        sentences=[
            "Die Forscher der ETH Zürich rechnen mit Δ = m/t {in Tonnen} # pro Jahr.",
            "Der Aletschgletscher verlor 2022 rund 6 Prozent seines Volumens.",
            f"Projektleiterin Maria Łukasiewicz nennt das {ESC}[31m„alarmierend“{ESC}[0m "
            "<b>und</b> [bold]beispiellos[/] – Stern*chen inklusive.",
        ],
    ),
}


def _q(kind: str, question: str, answer: str, sentence: int, answer_type: str, key: str,
       score: float, **extra) -> Question:
    accepted = extra.pop("accepted", [answer])
    return Question(kind=kind, question=question, answer=answer, sentence_index=sentence,
                    answer_type=answer_type, accepted=accepted, score=score, key=key, **extra)


QUESTIONS = {
    "wirtschaft.txt": [
        _q("open", "Wie viel investiert der Halbleiterkonzern in das neue Werk?",
           "3,5 Milliarden Euro", 0, "amount", "eco-amount", 0.95,
           accepted=["3,5 Milliarden Euro", "3,5 Mrd. Euro"], hint="Betrag mit Einheit"),
        _q("cloze", "Bis 2028 sollen in Magdeburg rund ____ Arbeitsplätze entstehen.", "3.000", 1,
           "count", "eco-cloze", 0.9),
        _q("choice", "Wer sprach von einem „Meilenstein für den Osten“?", "Anna Berger", 2,
           "person", "eco-choice", 0.85,
           choices=["Ömer Yıldız", "Anna Berger", "Jean-Luc Dubois", "Eva Kühn ~ Groß"]),
        _q("truefalse", "Der Halbleiterkonzern investiert 35 Milliarden Euro in das Werk.", "nein", 0,
           "amount", "eco-tf", 0.8, correct=False,
           correction="Der Halbleiterkonzern investiert 3,5 Milliarden Euro in das neue Werk."),
    ],
    "sport.txt": [
        _q("open", "Wie viele Zuschauer sahen das Derby?", "34.700", 1, "count", "sport-count", 0.9),
        _q("open", "Mit welchem Ergebnis gewann Freiburg das Derby?", "3:1", 0, "count",
           "sport-score", 0.85),
        _q("truefalse", "Vincenzo Grifo traf im Derby zweimal.", "ja", 1, "count", "sport-tf", 0.8,
           correct=True),
        _q("open", "Wer ist Trainer des SC Freiburg?", "Christian Streich", 2, "person",
           "sport-person", 0.7, accepted=["Christian Streich", "Streich"], hint="Vor- und Nachname"),
    ],
    "wetter.txt": [
        _q("open", "Welche Temperatur hat der Wetterdienst in Cottbus gemessen?", "38,2 Grad", 0,
           "amount", "weather-temp", 0.9),
        _q("open", "Seit welchem Jahr gibt es Aufzeichnungen?", "1893", 1, "year", "weather-year", 0.8),
        _q("open", "Welche Temperatur zeigte das Thermometer im Januar?", "-12 Grad", 2, "amount",
           "weather-frost", 0.7),
    ],
    "wissenschaft.txt": [
        _q("open", "Mit welcher Formel rechnen die Forscher?", "Δ = m/t {in Tonnen} # pro Jahr", 0,
           "quote", "sci-formula", 0.9, accepted=["Δ = m/t {in Tonnen} # pro Jahr", "Δ=m/t"]),
        _q("cloze", "Der Aletschgletscher verlor 2022 rund ____ seines Volumens.", "6 Prozent", 1,
           "percent", "sci-cloze", 0.88),
        _q("choice", "Wer leitet das Projekt?", "Maria Łukasiewicz", 2, "person", "sci-choice", 0.86,
           choices=["Maria Łukasiewicz", "Prof. A = B", "<script>alert(1)</script>",
                    f"Jens {ESC}[1mJensen{ESC}[0m"]),
        _q("open", "Wie nennt die Projektleiterin den Eisverlust?", "alarmierend*", 2, "quote",
           "sci-quote", 0.6, accepted=["alarmierend*", "[bold]alarmierend"]),
        _q("truefalse", "Die Forscher arbeiten an der ETH Zürich.", "ja", 0, "organisation",
           "sci-tf", 0.5, correct=True),
    ],
}


def build_store(folder: Path) -> Path:
    """A quiz database with the four articles and their questions; returns its path."""
    db_path = folder / "exports.db"
    with Store(db_path) as store:
        for name, spec in ARTICLES.items():
            sentences = [Sentence(index=i, paragraph=i // 2, text=s)
                         for i, s in enumerate(spec["sentences"])]
            article = Article(path=str(folder / name), file=name, title=spec["title"],
                              text=" ".join(spec["sentences"]), hash=name, date=spec["date"],
                              source=spec["source"])
            store.save_article(article, sentences, [], QUESTIONS[name])
    return db_path


def stored_questions(folder: Path) -> list[dict]:
    """The questions as the store hands them to an export."""
    with Store(build_store(folder)) as store:
        return store.questions()


def run_export(folder: Path, format_name: str, file_name: str, *options: str, lang: str = "de") -> Path:
    """``quizbot --lang LANG export --format FORMAT -o FILE [OPTIONS]`` on the material,
    through the real CLI."""
    out = folder / file_name
    arguments = ["--lang", lang, "export", "--format", format_name, "--db", str(build_store(folder)),
                 "-o", str(out), *options]
    result = CliRunner().invoke(cli, arguments, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(autouse=True)
def german_afterwards():
    """``--lang en`` switches the whole process: every export test ends in German."""
    yield
    set_language("de")
