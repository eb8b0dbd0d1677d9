"""Mistakes on the command line itself: one line, in the user's language, with where help is."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from quizbot.cli import cli
from quizbot.i18n import set_language


@pytest.fixture(autouse=True)
def german_afterwards():
    yield
    set_language("de")


@pytest.mark.parametrize("args, line", [
    (["play", "--foo"], "quizbot: Unbekannte Option „--foo“. (Hilfe: quizbot play --help)"),
    (["play", "--pla"], "quizbot: Unbekannte Option „--pla“. Gemeint ist wohl „--plain“? (Hilfe: quizbot play --help)"),
    (["nosuch"], "quizbot: Unbekannter Befehl „nosuch“. (Hilfe: quizbot --help)"),
    (["quiz", "nosuch"], "quizbot: Unbekannter Befehl „nosuch“. (Hilfe: quizbot quiz --help)"),
    (["play", "--count", "x"], "quizbot: Ungültiger Wert für „--count“: „x“ ist keine ganze Zahl. (Hilfe: quizbot play --help)"),
    (["play", "--count", "0"],
     "quizbot: Ungültiger Wert für „--count“: 0 ist zu klein (mindestens 1). (Hilfe: quizbot play --help)"),
    (["quiz", "create"], "quizbot: Das Argument „NAME“ fehlt. (Hilfe: quizbot quiz create --help)"),
    (["export", "--format", "x"], "quizbot: Ungültiger Wert für „--format“: „x“ geht nicht; möglich sind 'anki', "
     "'csv', 'gift', 'jsonl', 'moodle-xml', 'worksheet', 'worksheet-pdf'. (Hilfe: quizbot export --help)"),
    (["grade", "a", "b", "c"], "quizbot: Unerwartetes Argument: c (Hilfe: quizbot grade --help)"),
    (["--lang", "en", "play", "--foo"], "quizbot: No such option '--foo'. (help: quizbot play --help)"),
])
def test_usage_mistakes_are_one_line_in_the_language(args, line):
    result = CliRunner().invoke(cli, args, prog_name="quizbot")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [line]


def test_grade_batch_of_a_folder(tmp_path):
    result = CliRunner().invoke(cli, ["grade", "--batch", str(tmp_path)], prog_name="quizbot")
    assert result.exit_code == 2 and "ist ein Ordner, keine Datei" in result.stderr
