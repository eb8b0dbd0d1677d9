"""Test material for the quiz chat: a small database of German news on other topics.

Built with the real Store from hand-written articles and questions, so the chat
tests do not depend on how the generator ranks questions. One article carries
markup and an ANSI escape in its text to prove they are shown literally.
"""

from __future__ import annotations

from pathlib import Path

from quizbot.models import Article, Question, Sentence
from quizbot.store import Store

ECONOMY = [
    "Siemens baut in Erlangen ein neues Forschungszentrum.",
    "Der Konzern investiert dafür 500 Millionen Euro.",
    "Bis 2027 sollen dort 1200 Menschen arbeiten.",
    "Vorstandschef Roland Busch sprach von einem Bekenntnis zum Standort Deutschland.",
]
SPORT = [
    "Der SC Freiburg hat das Derby gegen den VfB Stuttgart mit 3:1 gewonnen.",
    "Vor 34.700 Zuschauern traf Vincenzo Grifo zweimal.",
    "Trainer Christian Streich lobte die Geduld seiner Mannschaft.",
]
WEATHER = [
    "Der Deutsche Wetterdienst hat in Cottbus 38,2 Grad gemessen.",
    "Das ist der höchste Wert seit Beginn der Aufzeichnungen im Jahr 1893.",
    "In Brandenburg gilt die höchste Waldbrandwarnstufe.",
]
MARKUP = [
    "Der Befehl [bold]x[/] und ein [/] stehen wörtlich im Text \x1b[31m rot.",
]


def _article(folder: Path, name: str, title: str, source: str, date: str, sentences: list[str]) -> tuple:
    text = " ".join(sentences)
    article = Article(path=str(folder / name), file=name, title=title, text=text, hash=name,
                      date=date, source=source)
    return article, [Sentence(index=i, paragraph=0 if i < 2 else 1, text=s)
                     for i, s in enumerate(sentences)]


def _q(kind: str, question: str, answer: str, sentence: int, answer_type: str, key: str,
       score: float, **extra) -> Question:
    accepted = extra.pop("accepted", [answer])
    return Question(kind=kind, question=question, answer=answer, sentence_index=sentence,
                    answer_type=answer_type, accepted=accepted, score=score, key=key, **extra)


def economy_questions() -> list[Question]:
    return [
        _q("open", "Wie viel Geld investiert Siemens in das Forschungszentrum in Erlangen?",
           "500 Millionen Euro", 1, "amount", "eco-open-amount", 0.95, hint="Betrag mit Einheit"),
        _q("cloze", "Bis 2027 sollen dort ____ Menschen arbeiten.", "1200", 2, "count",
           "eco-cloze-count", 0.9),
        _q("choice", "Wer ist Vorstandschef von Siemens?", "Roland Busch", 3, "person",
           "eco-choice-person", 0.85,
           choices=["Joe Kaeser", "Roland Busch", "Oliver Blume", "Christian Sewing"]),
        _q("truefalse", "Siemens investiert 50 Millionen Euro in Erlangen.", "falsch", 1, "amount",
           "eco-tf-amount", 0.8, correct=False, accepted=["falsch", "nein"],
           correction="Richtig ist: 500 Millionen Euro. Im Artikel steht: „Der Konzern investiert "
                      "dafür 500 Millionen Euro.“"),
    ]


def sport_questions() -> list[Question]:
    return [
        _q("open", "Wie viele Zuschauer sahen das Derby?", "34.700", 1, "count",
           "sport-open-count", 0.9),
        _q("choice", "Wer traf zweimal für Freiburg?", "Vincenzo Grifo", 1, "person",
           "sport-choice-person", 0.8,
           choices=["Vincenzo Grifo", "Christian Günter", "Michael Gregoritsch", "Ritsu Doan"]),
        _q("truefalse", "Freiburg hat das Derby mit 3:1 gewonnen.", "richtig", 0, "count",
           "sport-tf-score", 0.7, correct=True, accepted=["richtig", "ja"]),
    ]


def weather_questions() -> list[Question]:
    return [
        _q("open", "Welche Temperatur hat der Wetterdienst in Cottbus gemessen?", "38,2 Grad", 0,
           "amount", "wx-open-temp", 0.9),
        _q("cloze", "Die Aufzeichnungen begannen im Jahr ____.", "1893", 1, "year", "wx-cloze-year",
           0.85),
        _q("open", "In welcher Stadt hat der Wetterdienst 38,2 Grad gemessen?", "Cottbus", 0, "place",
           "wx-open-place", 0.6),
    ]


def markup_questions() -> list[Question]:
    return [
        _q("open", "Was steht [bold]wörtlich[/] im Text?", "[bold]x[/]", 0, "quote", "markup-open",
           0.5),
    ]


def build_quiz_db(path: Path, *, with_markup: bool = False) -> Path:
    """A quiz database at ``path`` with three (or four) articles and their questions."""
    folder = path.parent
    with Store(path) as store:
        store.save_article(*_article(folder, "wirtschaft.txt", "Siemens investiert in Erlangen",
                                     "Süddeutsche Zeitung", "2024-03-12", ECONOMY),
                           [], economy_questions())
        store.save_article(*_article(folder, "sport.txt", "Freiburg gewinnt das Derby", "kicker",
                                     "2023-10-08", SPORT),
                           [], sport_questions())
        store.save_article(*_article(folder, "wetter.txt", "Hitzerekord in Cottbus", "rbb24",
                                     "2022-07-20", WEATHER),
                           [], weather_questions())
        if with_markup:
            store.save_article(*_article(folder, "markup.txt", "Titel [bold]fett[/] \x1b[31mrot",
                                         "Quelle [/]", "2024-01-02", MARKUP),
                               [], markup_questions())
    return path


ARTICLE_FILES = {
    "wirtschaft_siemens.txt": (
        "Siemens investiert 500 Millionen Euro in Erlangen\n"
        "12. März 2024, 10:15 Uhr\n\n"
        "Erlangen (dpa) - Siemens baut in Erlangen ein neues Forschungszentrum. "
        "Der Konzern investiert dafür 500 Millionen Euro. Bis 2027 sollen dort 1200 Menschen "
        "arbeiten. Vorstandschef Roland Busch sprach von einem Bekenntnis zum Standort Deutschland.\n\n"
        "Der Bau soll im Herbst beginnen und rund drei Jahre dauern. Die Stadt Erlangen rechnet "
        "mit zusätzlichen Steuereinnahmen von 20 Millionen Euro im Jahr.\n"
    ),
    "sport_derby.txt": (
        "Freiburg gewinnt das Derby gegen Stuttgart\n"
        "8. Oktober 2023, 19:30 Uhr\n\n"
        "Freiburg (sid) - Der SC Freiburg hat das Derby gegen den VfB Stuttgart mit 3:1 gewonnen. "
        "Vor 34.700 Zuschauern traf Vincenzo Grifo zweimal. Trainer Christian Streich lobte die "
        "Geduld seiner Mannschaft.\n\n"
        "Freiburg liegt nun mit 17 Punkten auf dem fünften Tabellenplatz. Stuttgart verlor zum "
        "ersten Mal seit sechs Spielen.\n"
    ),
    "wetter_hitze.txt": (
        "Hitzerekord in Cottbus\n"
        "20. Juli 2022, 17:05 Uhr\n\n"
        "Cottbus (dpa) - Der Deutsche Wetterdienst hat in Cottbus 38,2 Grad gemessen. Das ist der "
        "höchste Wert seit Beginn der Aufzeichnungen im Jahr 1893. In Brandenburg gilt die höchste "
        "Waldbrandwarnstufe.\n\n"
        "Am Wochenende sollen die Temperaturen auf 25 Grad sinken. Die Feuerwehr warnt dennoch vor "
        "Grillfeuern im Wald.\n"
    ),
}


def write_articles(folder: Path) -> Path:
    """The same news as plain text files, for the real ingest pipeline."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLE_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def built_db(path: Path) -> Path:
    """A database built from ``write_articles`` by quizbot's own pipeline (ingest to questions)."""
    from quizbot.build import build

    with Store(path) as store:
        build([write_articles(path.parent / "articles")], store)
    return path


def empty_db(path: Path) -> Path:
    Store(path).close()
    return path
