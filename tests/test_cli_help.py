"""Every ``--help`` page in the user's language: German by default, English with ``--lang en``
or QUIZBOT_LANG=en - quizbot's texts and click's own words around them (Usage:, Options, …).

Through a real ``python -m quizbot`` process: the help texts are written when the command
modules are imported, and that must happen after the language is chosen."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

COMMANDS = {"attempts", "check", "conflicts", "export", "grade", "ingest", "play", "questions", "quiz",
            "report", "review", "serve"}


def quizbot(*args: str, lang: str | None = None) -> str:
    """The help page ``quizbot ARGS`` prints, with QUIZBOT_LANG=lang (unset: None) and no QUIZBOT_DB."""
    env = {key: value for key, value in os.environ.items() if key not in ("QUIZBOT_DB", "QUIZBOT_LANG")}
    env.update(PYTHONIOENCODING="utf-8", COLUMNS="80", **({"QUIZBOT_LANG": lang} if lang else {}))
    result = subprocess.run([sys.executable, "-m", "quizbot", *args], capture_output=True, env=env,
                            encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def flat(page: str) -> str:
    """The page with its line breaks undone, so that a text can be found wherever click wrapped it."""
    return re.sub(r"\s+", " ", page)


def command_rows(page: str) -> dict[str, str]:
    """The command list at the end of a group's help: {name: short help} (the default without its *)."""
    rows = page.split("\n\n")[-1].splitlines()[1:]
    return dict(re.match(r"\s+(\S+?)\*?\s+(.*)", row).groups() for row in rows)


def test_the_group_speaks_german_by_default():
    page = quizbot("--help")
    assert page.startswith("Aufruf: quizbot [OPTIONEN] BEFEHL [ARGUMENTE]...\n")
    for line in ("ein Quiz-Chatbot mit Faktencheck zu Nachrichtenartikeln.", "\nOptionen:\n", "\nBefehle:\n",
                 "Sprache von allem, was quizbot sagt.  [Standard: de]", "Die Version zeigen und beenden.",
                 "Diese Hilfe zeigen und beenden."):
        assert line in page
    assert not re.search(r"Usage|Options|Commands|default|Show ", page)


def test_the_command_list_has_every_command_with_german_short_help():
    german, english = command_rows(quizbot("--help")), command_rows(quizbot("--lang", "en", "--help"))
    assert set(german) == set(english) == COMMANDS
    assert [name for name in COMMANDS if german[name] == english[name]] == []
    assert german["play"] == "Den Quiz-Chat spielen (der Standardbefehl)."
    assert german["export"] == "Die Fragen exportieren (JSON Lines: eine Frage je Zeile)."
    assert english["play"] == "Play the quiz chat (the default command)."


@pytest.mark.parametrize("args, lang", [
    (("--lang", "en", "--help"), None),
    (("--help", "--lang", "en"), None),
    (("--help",), "en"),
])
def test_the_group_in_english(args, lang):
    page = quizbot(*args, lang=lang)
    assert page.startswith("Usage: quizbot [OPTIONS] COMMAND [ARGS]...\n")
    for line in ("a fact-checking quiz chatbot for news articles.", "\nOptions:\n", "\nCommands:\n",
                 "Language of everything quizbot says.  [default: de]", "Show this message and exit.",
                 "play*      Play the quiz chat (the default command)."):
        assert line in page
    assert "Aufruf" not in page and "Sprache" not in page


def test_play_in_german():
    page = quizbot("play", "--help")
    assert page.startswith("Aufruf: quizbot play [OPTIONEN]\n\n  Den Quiz-Chat spielen (der Standardbefehl).\n")
    text = flat(page)
    for words in ("--db DATEI Datenbankdatei (Standard: QUIZBOT_DB, sonst eine eigene Datenbank mit den "
                  "Beispielartikeln).",
                  "--count ZAHL Anzahl der Fragen. [Standard: 10; mindestens 1]",
                  "--learner NAME Dein Name", "--light Helle Farben (Strg+T wechselt im Chat).",
                  "--help Diese Hilfe zeigen und beenden."):
        assert words in text
    assert not re.search(r"Usage|Options|default|INTEGER|FILE|Number|questions", page)


@pytest.mark.parametrize("args, lang", [
    (("--lang", "en", "play", "--help"), None),
    (("play", "--help", "--lang", "en"), None),
    (("play", "--help", "--lang=en"), None),
    (("play", "--help"), "en"),
])
def test_play_in_english_wherever_lang_is_given(args, lang):
    page = quizbot(*args, lang=lang)
    assert page.startswith("Usage: quizbot play [OPTIONS]\n\n  Play the quiz chat (the default command).\n")
    text = flat(page)
    assert "--count INTEGER Number of questions. [default: 10; x>=1]" in text
    assert "--db FILE Quiz database file (default: QUIZBOT_DB" in text
    assert "Anzahl" not in page and "Datenbank" not in page


def test_the_option_beats_the_environment():
    assert quizbot("--lang", "de", "play", "--help", lang="en").startswith("Aufruf: quizbot play [OPTIONEN]")
    assert quizbot("--lang", "en", "play", "--help", lang="de").startswith("Usage: quizbot play [OPTIONS]")


def test_grade_in_both_languages():
    german = flat(quizbot("grade", "--help"))
    assert german.startswith("Aufruf: quizbot grade [OPTIONEN] [EXPECTED] [ANSWER] Eine Antwort (ANSWER) mit der "
                             "erwarteten (EXPECTED) vergleichen und bewerten, wie es eine faire Lehrkraft täte.")
    for words in ("Zahlen müssen stimmen („34 Mio. $“ ist 34 Millionen Dollar",
                  "--accept ANTWORT Eine weitere richtige Antwort (mehrfach möglich).",
                  "-o, --output DATEI In DATEI schreiben statt auf die Standardausgabe."):
        assert words in german
    english = flat(quizbot("grade", "--help", lang="en"))
    assert english.startswith("Usage: quizbot grade [OPTIONS] [EXPECTED] [ANSWER] Grade a learner's ANSWER")
    assert "-o, --output FILE Write to FILE instead of stdout." in english


def test_quiz_create_in_both_languages():
    german = flat(quizbot("quiz", "create", "--help"))
    assert german.startswith("Aufruf: quizbot quiz create [OPTIONEN] NAME Das Quiz NAME aus den besten Fragen "
                             "einer Auswahl anlegen. Beispiel: quizbot quiz create \"7b Gipfel\"")
    for words in ("--article ARTIKEL Fragen aus diesem Artikel: Id, Dateiname oder Teil des Titels "
                  "(mehrfach möglich).",
                  "-n, --count ZAHL Anzahl der Fragen. [Standard: 10; mindestens 1]",
                  "--fixed-order Alle bekommen die Fragen in derselben Reihenfolge (Standard: für jede:n gemischt)."):
        assert words in german
    english = flat(quizbot("--lang", "en", "quiz", "create", "--help"))
    assert english.startswith("Usage: quizbot quiz create [OPTIONS] NAME Make the quiz set NAME")
    assert "--article REF Questions from this article" in english


def test_the_quiz_group_lists_its_commands_in_german():
    rows = command_rows(quizbot("quiz", "--help"))
    assert rows["create"] == "Das Quiz NAME aus den besten Fragen einer Auswahl anlegen."
    assert command_rows(quizbot("quiz", "--help", "--lang", "en"))["create"] == \
        "Make the quiz set NAME from the best questions of a selection."


def test_export_in_both_languages():
    german = flat(quizbot("export", "--help"))
    assert german.startswith("Aufruf: quizbot export [OPTIONEN] Die Fragen exportieren (JSON Lines: eine Frage "
                             "je Zeile). Gesperrte Fragen bleiben draußen.")
    for words in ("Exportformat. [Standard: jsonl]", "-o, --output DATEI Ausgabedatei (Standard: die Standardausgabe).",
                  "-k, --kind [open|cloze|choice|truefalse] Nur diese Fragearten.",
                  "--quiz NAME Die Fragen dieses Quiz, in seiner Reihenfolge (quizbot quiz list)."):
        assert words in german
    english = flat(quizbot("export", "--help", lang="en"))
    assert english.startswith("Usage: quizbot export [OPTIONS] Export the questions")
    assert "Export format. [default: jsonl]" in english


def test_the_commands_load_after_the_language_is_chosen():
    """The chat is not loaded with the group (its help would be in the language of the import):
    `quizbot play --help` loads it alone, in the language asked for."""
    code = (
        "import sys\n"
        "import quizbot.cli\n"
        "print(sorted(m for m in sys.modules if m.startswith('quizbot.cli.')))\n"
        "try:\n"
        "    quizbot.cli.cli.main(['play', '--help', '--lang', 'en'], prog_name='quizbot')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('quizbot.cli.')))\n"
    )
    env = {key: value for key, value in os.environ.items() if key not in ("QUIZBOT_DB", "QUIZBOT_LANG")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8", env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "[]"
    assert lines[1].startswith("Usage: quizbot play [OPTIONS]")
    assert lines[-1] == "['quizbot.cli.play']"
