"""``quizbot grade``: grade one answer, or a whole class's answers from a file.

One answer:  quizbot grade "34 Millionen Dollar" "34 Mio. $" [--accept ALT …] [--type amount] [--json]
A file:      quizbot grade --batch answers.jsonl|answers.csv [--json] [-o FILE]

JSON Lines in: one object a line with ``expected``, ``given``, optional
``accepted`` (list), ``answer_type`` and ``choices``; out: one verdict object a
line, in order. CSV in (a worksheet: comma, semicolon or tab separated,
German or English headers, see ``_COLUMNS``): the same rows out with the
columns accepted, verdict, score, note added. A bad line gets an error in its
place and a message on stderr; grading goes on.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Iterator, Optional

import click

from quizbot.cli import UserError, cli
from quizbot.cli.common import write_atomically
from quizbot.exports.csv_export import spreadsheet_safe
from quizbot.grading import ANSWER_TYPES, Grade, GradingError, grade
from quizbot.i18n import tr
from quizbot.ingest import IngestError, decode

# CSV header names (folded to lowercase) for each field; the first is written in new files.
_COLUMNS = {
    "expected": ("expected", "erwartet", "lösung", "loesung", "richtige antwort", "musterlösung", "answer key"),
    "given": ("given", "antwort", "gegeben", "answer", "eingabe", "schülerantwort"),
    "accepted": ("accepted_answers", "akzeptiert", "varianten", "alternativen"),
    "answer_type": ("answer_type", "typ", "type", "antworttyp"),
    "choices": ("choices", "auswahl", "optionen", "options"),
}
_OUTPUT_COLUMNS = ("accepted", "verdict", "score", "note")
_LIST_SEPARATOR = "|"


def _verdict_label(verdict: str) -> str:
    return {
        "correct": tr("richtig", "correct"),
        "close": tr("fast richtig (zählt als richtig)", "almost right (counts as right)"),
        "partial": tr("teilweise richtig (zählt nicht)", "partly right (does not count)"),
        "wrong": tr("falsch", "wrong"),
    }[verdict]


@cli.command("grade", help=tr(
    "Eine Antwort (ANSWER) mit der erwarteten (EXPECTED) vergleichen und bewerten, "
    "wie es eine faire Lehrkraft täte.\n\n"
    "Zahlen müssen stimmen („34 Mio. $“ ist 34 Millionen Dollar, „43 Millionen“ nicht), "
    "Tippfehler werden in Grenzen verziehen, ein anderes echtes Wort nie.",
    "Grade a learner's ANSWER against the EXPECTED one, as a fair teacher would.\n\n"
    "Numbers must match (\"34 Mio. $\" is 34 Millionen Dollar, \"43 Millionen\" is not), "
    "spelling is forgiven within limits, a different real word never is."))
@click.argument("expected", required=False)
@click.argument("answer", required=False)
@click.option("--accept", "accepted", multiple=True, metavar=tr("ANTWORT", "ALT"),
              help=tr("Eine weitere richtige Antwort (mehrfach möglich).", "Another accepted answer (repeatable)."))
@click.option("--type", "answer_type", type=click.Choice(sorted(ANSWER_TYPES)),
              help=tr("Welche Art von Antwort es ist.", "What kind of answer it is."))
@click.option("--choice", "choices", multiple=True, metavar="OPTION",
              help=tr("Eine Option einer Auswahlfrage, in ihrer Reihenfolge (mehrfach möglich; mit --type choice).",
                      "An option of a multiple-choice question, in order (repeatable; use with --type choice)."))
@click.option("--batch", "batch", type=click.Path(dir_okay=False, path_type=Path), metavar=tr("DATEI", "FILE"),
              help=tr("Jede Zeile einer JSON-Lines- oder CSV-Datei bewerten.",
                      "Grade every line of a JSON Lines or CSV file."))
@click.option("--format", "file_format", type=click.Choice(["jsonl", "csv"]),
              help=tr("Format der --batch-Datei (Standard: nach ihrer Endung).",
                      "Format of the --batch file (default: from its extension)."))
@click.option("--json", "as_json", is_flag=True,
              help=tr("JSON ausgeben (JSON Lines bei --batch).", "Print JSON (JSON Lines for --batch)."))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar=tr("DATEI", "FILE"),
              help=tr("In DATEI schreiben statt auf die Standardausgabe.", "Write to FILE instead of stdout."))
def grade_command(expected: Optional[str], answer: Optional[str], accepted: tuple[str, ...], answer_type: Optional[str],
                  choices: tuple[str, ...], batch: Optional[Path], file_format: Optional[str], as_json: bool,
                  output: Optional[Path]) -> None:
    if batch is not None:
        if expected is not None:
            raise UserError(tr("--batch liest die Antworten aus der Datei: bitte ohne EXPECTED und ANSWER.",
                               "--batch reads the answers from the file: leave out EXPECTED and ANSWER."))
        _grade_file(batch, file_format, as_json, output)
        return
    if expected is None or answer is None:
        raise UserError(tr("Bitte EXPECTED und ANSWER angeben (oder --batch DATEI).",
                           "Please give EXPECTED and ANSWER (or --batch FILE)."))
    try:
        result = grade(expected, answer, accepted=accepted, answer_type=answer_type, choices=choices or None)
    except GradingError as error:
        raise UserError(str(error)) from error
    if as_json:
        text = json.dumps({"expected": expected, "given": answer, **_verdict(result)}, ensure_ascii=False) + "\n"
    else:
        text = f"{_verdict_label(result.verdict)} · {result.score:.2f}\n" + (f"{result.note}\n" if result.note else "")
    _write(output, text)


def _verdict(result: Grade) -> dict:
    return {"accepted": result.accepted, "verdict": result.verdict, "score": result.score, "note": result.note}


# --------------------------------------------------------------------------
# Batch
# --------------------------------------------------------------------------


class _BadLine(ValueError):
    """One input line that cannot be graded; the message says why."""


def _grade_row(row: dict) -> Grade:
    expected, given = row.get("expected"), row.get("given")
    if not isinstance(expected, str) or not expected.strip():
        raise _BadLine(tr("»expected« fehlt", "'expected' is missing"))
    if not isinstance(given, str):
        raise _BadLine(tr("»given« fehlt", "'given' is missing"))
    accepted = row.get("accepted") or []
    choices = row.get("choices") or None
    if isinstance(accepted, str) or isinstance(choices, str) or not isinstance(accepted, list):
        raise _BadLine(tr("»accepted« und »choices« müssen Listen sein", "'accepted' and 'choices' must be lists"))
    try:
        return grade(expected, given, accepted=[str(a) for a in accepted], answer_type=row.get("answer_type") or None,
                     choices=choices)
    except GradingError as error:
        raise _BadLine(str(error)) from error


def _read_text(path: Path) -> str:
    try:
        data = path.expanduser().read_bytes()
    except FileNotFoundError:
        raise UserError(tr(f"Datei nicht gefunden: {path}", f"file not found: {path}")) from None
    except OSError as error:
        raise UserError(tr(f"Datei nicht lesbar: {path}: {error.strerror}", f"cannot read {path}: {error.strerror}")) from None
    try:
        return decode(data)  # the article decoder: a worksheet saved by Excel on Windows is CP1252 or UTF-16
    except IngestError as error:
        raise UserError(f"{path}: {error}") from None


def _jsonl_rows(text: str) -> Iterator[tuple[int, dict | _BadLine]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, _BadLine(tr(f"kein gültiges JSON ({error.msg})", f"not valid JSON ({error.msg})"))
            continue
        yield number, row if isinstance(row, dict) else _BadLine(tr("kein JSON-Objekt", "not a JSON object"))


def _csv_field_names(header: list[str]) -> dict[str, str]:
    """Which CSV column holds which field: {"expected": "Lösung", "given": "Antwort", ...}."""
    found = {}
    for field, names in _COLUMNS.items():
        for column in header:
            if column.strip().lower() in names:
                found.setdefault(field, column)
    missing = [field for field in ("expected", "given") if field not in found]
    if missing:
        raise UserError(tr(
            f"CSV-Spalten fehlen: {', '.join(missing)} (erwartet z. B. »expected;given« oder »Lösung;Antwort«)",
            f"CSV columns missing: {', '.join(missing)} (e.g. 'expected,given' or 'Lösung;Antwort')"))
    return found


def _csv_rows(text: str) -> tuple[csv.Dialect, list[str], Iterator[tuple[int, dict, dict | _BadLine]]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = reader.fieldnames or []
    fields = _csv_field_names(header)

    def rows():
        for record in reader:
            number = reader.line_num
            if not any((value or "").strip() for value in record.values()):
                continue
            if None in record:
                yield number, record, _BadLine(tr("mehr Felder als Spalten", "more fields than columns"))
                continue
            row = {field: record.get(column) or "" for field, column in fields.items()}
            for list_field in ("accepted", "choices"):
                row[list_field] = [v.strip() for v in row.get(list_field, "").split(_LIST_SEPARATOR) if v.strip()]
            yield number, record, row

    return dialect, list(header), rows()


def _outcome(row: dict | _BadLine) -> tuple[Optional[Grade], Optional[str]]:
    """(verdict, None) or (None, why the line cannot be graded)."""
    if isinstance(row, _BadLine):
        return None, str(row)
    try:
        return _grade_row(row), None
    except _BadLine as error:
        return None, str(error)


def _csv_verdict(result: Grade, dialect: csv.Dialect) -> dict:
    """The verdict columns as a teacher's spreadsheet shows them (decimal comma for ";" files)."""
    score = f"{result.score:.2f}"
    return {"accepted": tr("ja", "yes") if result.accepted else tr("nein", "no"), "verdict": result.verdict,
            "score": score.replace(".", ",") if dialect.delimiter == ";" else score, "note": result.note}


def _grade_file(path: Path, file_format: Optional[str], as_json: bool, output: Optional[Path]) -> None:
    text = _read_text(path)
    file_format = file_format or ("csv" if path.suffix.lower() in (".csv", ".tsv") else "jsonl")
    out = io.StringIO()
    tally = {"accepted": 0, "rejected": 0, "errors": 0}

    def outcome(number: int, row: dict | _BadLine) -> tuple[Optional[Grade], Optional[str]]:
        result, error = _outcome(row)
        if result is None:
            click.echo(tr(f"quizbot: {path.name}, Zeile {number}: {error}", f"quizbot: {path.name}, line {number}: {error}"),
                       err=True)
            tally["errors"] += 1
        else:
            tally["accepted" if result.accepted else "rejected"] += 1
        return result, error

    if file_format == "jsonl":
        for number, row in _jsonl_rows(text):
            result, error = outcome(number, row)
            out.write(json.dumps(_verdict(result) if result else {"line": number, "error": error}, ensure_ascii=False) + "\n")
    else:
        dialect, header, rows = _csv_rows(text)
        columns = header + [c for c in _OUTPUT_COLUMNS if c not in header]
        writer = None if as_json else csv.DictWriter(out, fieldnames=columns, dialect=dialect, extrasaction="ignore")
        if writer:
            writer.writeheader()
        for number, record, row in rows:
            result, error = outcome(number, row)
            if writer:
                written = {**record, **(_csv_verdict(result, dialect) if result else {"note": error})}
                # a learner's "=1+1" must not run as a formula when the teacher opens the file
                writer.writerow({column: spreadsheet_safe(value) if isinstance(value, str) else value
                                 for column, value in written.items()})
            else:
                out.write(json.dumps(_verdict(result) if result else {"line": number, "error": error},
                                     ensure_ascii=False) + "\n")
    # A CSV file goes back to a spreadsheet: with a BOM, so that Excel reads the umlauts as UTF-8.
    _write(output, out.getvalue(), bom=file_format == "csv" and not as_json)
    total = tally["accepted"] + tally["rejected"]
    errors = tally["errors"]
    bad = (tr(f", {errors} fehlerhafte Zeile" + ("n" if errors != 1 else ""), f", {errors} bad line" + ("s" if errors != 1 else ""))
           if errors else "")
    click.echo(tr(f"{total} Antwort{'en' if total != 1 else ''} bewertet: {tally['accepted']} akzeptiert, "
                  f"{tally['rejected']} nicht akzeptiert{bad}.",
                  f"{total} answer{'s' if total != 1 else ''} graded: {tally['accepted']} accepted, "
                  f"{tally['rejected']} not accepted{bad}."), err=True)
    if total == 0:
        raise UserError(tr(f"keine Antwort in {path} bewertet", f"no answer in {path} could be graded"))


def _write(output: Optional[Path], text: str, *, bom: bool = False) -> None:
    """To stdout, or atomically to ``output`` (``bom``: UTF-8 with BOM, for German Excel)."""
    if output is None:
        sys.stdout.write(text)
        return
    encoded = text.encode("utf-8-sig" if bom else "utf-8")
    write_atomically(output, lambda stream: stream.write(encoded), binary=True)
