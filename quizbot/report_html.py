"""The teacher's report as one HTML page: tables with inline SVG bars, no script, no network.

Everything learners typed (names, answers, contest reasons) and every article
text is escaped; the page opens offline and prints cleanly.
"""

from __future__ import annotations

import html
from typing import Optional, TextIO

from quizbot.i18n import language, tr
from quizbot.report import (
    QuizReport, contest_status, duration, percent, status, wrong_text,
)
from quizbot.session import format_date, kind_label

BAR_PX = 120
STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; color: #1f2328; margin: 2rem auto; max-width: 62rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
.summary { color: #57606a; margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #eaeef2; }
th { font-weight: 600; background: #f6f8fa; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.bar { white-space: nowrap; }
td.bar svg { vertical-align: middle; margin-right: .4rem; }
tr.off td { color: #8c959f; }
.tag { font-size: .8rem; color: #57606a; }
code { background: #f6f8fa; padding: .1rem .3rem; border-radius: 3px; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def _svg_bar(share: Optional[float], colour: str) -> str:
    """A bar as inline SVG: a grey track, a coloured part for the share."""
    width = round(BAR_PX * min(max(share or 0.0, 0.0), 1.0))
    return (f'<svg width="{BAR_PX}" height="12" role="img" aria-label="{_h(percent(share))}">'
            f'<rect width="{BAR_PX}" height="12" rx="2" fill="#eaeef2"/>'
            f'<rect width="{width}" height="12" rx="2" fill="{colour}"/></svg>')


def share_colour(share: Optional[float]) -> str:
    """Green for most right, amber for half, red for a question most got wrong."""
    if share is None:
        return "#8c959f"
    return "#1a7f37" if share >= 0.7 else "#bf8700" if share >= 0.4 else "#cf222e"


def write_html(report: QuizReport, out: TextIO) -> None:
    out.write(render(report))


def render(report: QuizReport) -> str:
    name = report.quiz.name
    title = tr(f"Auswertung: Quiz „{name}“", f"Report: quiz '{name}'")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_h(title)}</h1>",
        f'<p class="summary">{_h(summary(report))}</p>',
        *_learners(report), *_questions(report), *_contests(report),
        f'<p class="summary">{_h(tr(f"Quiz angelegt am {format_date(report.quiz.created_at)}; Bericht von quizbot.", f"Quiz created {format_date(report.quiz.created_at)}; report by quizbot."))}</p>',
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def summary(report: QuizReport) -> str:
    """'3 Lernende · 2 fertig · 61 % der Antworten richtig · 10 Fragen'."""
    learners, questions = len(report.learners), sum(not q.disabled for q in report.questions)
    parts = [
        tr(f"{learners} Lernende", f"{learners} {'learner' if learners == 1 else 'learners'}"),
        tr(f"{report.finished} fertig", f"{report.finished} finished"),
        tr(f"{percent(report.average_share())} der Antworten richtig",
           f"{percent(report.average_share())} of answers right"),
        tr(f"{questions} {'Frage' if questions == 1 else 'Fragen'}",
           f"{questions} {'question' if questions == 1 else 'questions'}"),
    ]
    return " · ".join(parts)


def _learners(report: QuizReport) -> list[str]:
    rows = [f"<h2>{_h(tr('Lernende', 'Learners'))}</h2>"]
    if not report.learners:
        return rows + [f"<p>{_h(tr('Noch hat niemand angefangen.', 'Nobody has started yet.'))}</p>"]
    rows.append("<table><tr>" + "".join(f"<th>{_h(h)}</th>" for h in (
        tr("Name", "Name"), tr("Punkte", "Points"), tr("Anteil", "Share"), tr("Zeit", "Time"),
        tr("Stand", "Progress"))) + "</tr>")
    for learner in report.learners:
        share = learner.points / learner.total if learner.total else None
        rows.append(
            f"<tr><td>{_h(learner.name)}</td><td class=\"n\">{learner.points} / {learner.total}</td>"
            f"<td class=\"bar\">{_svg_bar(share, '#0969da')}{_h(percent(share))}</td>"
            f"<td class=\"n\">{_h(duration(learner.seconds))}</td><td>{_h(status(learner))}</td></tr>")
    return rows + ["</table>"]


def _questions(report: QuizReport) -> list[str]:
    rows = [f"<h2>{_h(tr('Fragen', 'Questions'))}</h2>", "<table><tr>" + "".join(
        f"<th>{_h(h)}</th>" for h in ("#", tr("Frage", "Question"), tr("Antwort", "Answer"),
                                      tr("Richtig", "Right"), tr("Häufigste falsche Antworten",
                                                                 "Most common wrong answers"))) + "</tr>"]
    for q in report.questions:
        tag = kind_label(q.kind) + (tr(" · gesperrt, zählt nicht", " · disabled, not counted") if q.disabled else "")
        wrong = "<br>".join(_h(wrong_text(w)) for w in q.wrong) or "–"
        row_class = ' class="off"' if q.disabled else ""
        rows.append(
            f"<tr{row_class}><td class=\"n\">{q.number}</td>"
            f"<td>{_h(q.question)}<br><span class=\"tag\">{_h(tag)} · Id {q.id}</span></td>"
            f"<td>{_h(q.answer)}</td>"
            f"<td class=\"bar\">{_svg_bar(q.share, share_colour(q.share))}"
            f"{_h(percent(q.share))} ({q.right}/{q.answered})</td><td>{wrong}</td></tr>")
    return rows + ["</table>"]


def _contests(report: QuizReport) -> list[str]:
    opened = len(report.open_contests)
    rows = [f"<h2>{_h(tr(f'Einsprüche ({opened} offen)', f'Contests ({opened} open)'))}</h2>"]
    if not report.contests:
        return rows + [f"<p>{_h(tr('Keine Einsprüche.', 'No contests.'))}</p>"]
    rows.append("<table><tr>" + "".join(f"<th>{_h(h)}</th>" for h in (
        "Id", tr("Name", "Name"), tr("Frage", "Question"), tr("Antwort", "Answer"),
        tr("Erwartet", "Expected"), tr("Begründung", "Reason"), tr("Status", "Status"))) + "</tr>")
    for c in report.contests:
        rows.append(
            f"<tr><td class=\"n\">{c.attempt_id}</td><td>{_h(c.learner)}</td><td>{_h(c.question)}</td>"
            f"<td>{_h(c.given)}</td><td>{_h(c.expected)}</td><td>{_h(c.reason)}</td>"
            f"<td>{_h(contest_status(c.status))}</td></tr>")
    rows.append("</table>")
    rows.append(f"<p>{_h(tr('Entscheiden:', 'Decide:'))} <code>quizbot attempts accept ID</code> "
                f"{_h(tr('(zählt als richtig) oder', '(counts as right) or'))} <code>quizbot attempts reject ID</code> "
                f"{_h(tr('(die Bewertung bleibt).', '(the grading stands).'))}</p>")
    return rows
