"""``quizbot check`` (claims against the articles) and ``quizbot conflicts`` (where sources differ)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Optional, TextIO

import click

from quizbot.cli import UserError, cli, db_option
from quizbot.cli.common import open_store
from quizbot.i18n import tr


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False)


# --------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------


@cli.command(help=tr(
    "Eine BEHAUPTUNG anhand der Artikel prüfen: belegt, widerlegt, nicht belegt oder umstritten.\n\n"
    "Beispiel: quizbot check \"Der Handel zwischen Russland und Nordkorea beträgt 34 Millionen Dollar\"",
    "Check a CLAIM against the articles: belegt, widerlegt, nicht belegt or umstritten.\n\n"
    "Example: quizbot check \"Der Handel zwischen Russland und Nordkorea beträgt 34 Millionen Dollar\""))
@click.argument("claim", required=False, metavar=tr("[BEHAUPTUNG]", "[CLAIM]"))
@click.option("--batch", "batch_path", type=click.Path(dir_okay=False, allow_dash=True), metavar=tr("DATEI", "FILE"),
              help=tr('JSON-Lines-Datei mit {"claim": …} je Zeile ("-" = stdin); '
                      "schreibt ein JSON-Ergebnis je Zeile, in derselben Reihenfolge.",
                      'JSON Lines file with {"claim": …} per line ("-" = stdin); '
                      "writes one JSON result per line, in order."))
@click.option("--json", "as_json", is_flag=True,
              help=tr("Das Ergebnis als JSON ausgeben.", "Print the result as JSON."))
@db_option
def check(claim: Optional[str], batch_path: Optional[str], as_json: bool, db_path: Optional[str]) -> None:
    from quizbot.factcheck import check_claim  # the pipeline loads only when needed

    if claim is not None and batch_path is not None:
        raise UserError(tr("Entweder eine Behauptung oder --batch DATEI, nicht beides.",
                           "Either a claim or --batch FILE, not both."))
    if batch_path is None:
        if claim is None or not claim.strip():
            raise UserError(tr('Bitte eine Behauptung eingeben: quizbot check "BEHAUPTUNG"',
                               'Please enter a claim: quizbot check "CLAIM"'))
        with open_store(db_path) as store:
            result = check_claim(store, claim)
        click.echo(_dump(result.to_json()) if as_json else _as_text(result))
        return
    with _open_batch(batch_path) as lines, open_store(db_path) as store:
        for number, line in lines:
            if not line.strip():
                continue
            claim_text, error = _batch_claim(line)
            if error:
                click.echo(tr(f"quizbot: Zeile {number}: {error}", f"quizbot: line {number}: {error}"), err=True)
                click.echo(_dump({"line": number, "error": error}))
                continue
            click.echo(_dump({"line": number, **check_claim(store, claim_text).to_json()}))


class _open_batch:
    """The batch file's lines with their numbers; a file that cannot be read is a user error."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stream: Optional[TextIO] = None

    def __enter__(self) -> Iterator[tuple[int, str]]:
        try:
            self.stream = click.open_file(self.path, "r", encoding="utf-8", errors="strict")
        except OSError as error:
            raise UserError(tr(f"Datei nicht lesbar: {self.path} ({error.strerror})",
                               f"cannot read file: {self.path} ({error.strerror})")) from error
        return self._lines()

    def _lines(self) -> Iterator[tuple[int, str]]:
        try:
            yield from enumerate(self.stream, start=1)
        except UnicodeDecodeError as error:
            raise UserError(tr(f"{self.path} ist kein UTF-8-Text ({error.reason})",
                               f"{self.path} is not UTF-8 text ({error.reason})")) from error

    def __exit__(self, *exc) -> None:
        if self.stream is not None:
            self.stream.close()


def _batch_claim(line: str) -> tuple[str, Optional[str]]:
    """The claim of one JSON line, or why there is none."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return "", tr(f"kein gültiges JSON ({error.msg})", f"not valid JSON ({error.msg})")
    if not isinstance(record, dict) or not isinstance(record.get("claim"), str):
        return "", tr('erwartet ein Objekt mit "claim" (Text)', 'expected an object with "claim" (text)')
    return record["claim"], None


def _as_text(result) -> str:
    """The verdict, the explanation and the evidence, for people."""
    lines = [f"{result.label}: {result.explanation}" if not result.problem else result.explanation]
    if result.note:
        lines.append(result.note)
    stance_words = {"supports": tr("dafür", "for"), "refutes": tr("dagegen", "against"),
                    "related": tr("dazu", "related")}
    disputed = result.verdict == "disputed"
    for item in result.evidence:
        prefix = f"{stance_words[item['stance']]}: " if disputed else ""
        lines.append(f"  {prefix}„{item['sentence']}“")
        lines.append(f"    – {_article_line(item['article'])}")
    return "\n".join(lines)


def _article_line(article: dict) -> str:
    from quizbot.i18n import local_date

    parts = [article.get("source") or article.get("title"), local_date(article.get("date")), article.get("file")]
    return ", ".join(part for part in parts if part)


# --------------------------------------------------------------------------
# conflicts
# --------------------------------------------------------------------------


@cli.command(help=tr("Zahlenangaben auflisten, bei denen sich die Artikel widersprechen, mit jeder Quelle.",
                     "List figures on which the articles disagree, with each source."))
@click.option("--json", "as_json", is_flag=True,
              help=tr("Ein JSON-Objekt je Widerspruch.", "One JSON object per disagreement."))
@db_option
def conflicts(as_json: bool, db_path: Optional[str]) -> None:
    from quizbot.conflicts import find_disagreements

    with open_store(db_path) as store:
        found = find_disagreements(store)
    if as_json:
        for disagreement in found:
            click.echo(_dump(disagreement.to_json()))
        return
    if not found:
        click.echo(tr("Die Artikel widersprechen sich bei keiner Zahlenangabe.",
                      "The articles do not disagree on any figure."))
        return
    for number, disagreement in enumerate(found, start=1):
        if number > 1:
            click.echo()
        click.echo(f"{number}. {disagreement.topic} – {disagreement.dimension}")
        for article, figures in disagreement.sources():
            values = "; ".join(disagreement.listed(figure) for figure in figures)
            click.echo(f"   {_article_line(article)}: {values}")
            for sentence in dict.fromkeys(figure.sentence for figure in figures):
                click.echo(f"      {sentence}")
