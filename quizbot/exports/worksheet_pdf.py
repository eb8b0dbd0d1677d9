"""The worksheet as a PDF (A4), drawn with reportlab from the same ``Sheet`` as the HTML.

Text is set in Bitstream Vera, which reportlab ships and embeds: it covers German
(ä ö ü ß, „“, –, €) and the Latin Extended-A letters of names (Ł, ğ, ı); the
boxes to tick are drawn, not taken from a font. Letters beyond that (Cyrillic,
CJK) would print as empty boxes: the HTML worksheet has no such limit.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import BinaryIO, Optional

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle,
)

from quizbot.exports.common import option_letter
from quizbot.exports.worksheet import (
    ANSWER_LINES, Item, Sheet, build_sheet, quoted, sheet_labels, source_lines,
)
from quizbot.i18n import tr

TITLED = True  # write() takes the sheet's title (the quiz set's name)
BINARY = True
SUFFIX = ".pdf"
FONT = "QuizbotSans"
_MARGIN = 16 * mm


def write(questions: list[dict], out: BinaryIO, *, title: Optional[str] = None) -> None:
    """Write the worksheet as a PDF to ``out`` (a binary stream or a path)."""
    render(build_sheet(questions, title), source_lines(questions), out)


@lru_cache(maxsize=None)
def _register_fonts() -> None:
    """Vera from reportlab's own font folder, as one family (so <b> and <i> work)."""
    faces = {"": "Vera.ttf", "-Bold": "VeraBd.ttf", "-Italic": "VeraIt.ttf", "-BoldItalic": "VeraBI.ttf"}
    for suffix, file in faces.items():
        pdfmetrics.registerFont(TTFont(FONT + suffix, file))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT + "-Bold", italic=FONT + "-Italic",
                                  boldItalic=FONT + "-BoldItalic")


@lru_cache(maxsize=None)
def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=10.5, leading=14, alignment=TA_LEFT)
    return {
        "title": ParagraphStyle("title", base, fontName=FONT + "-Bold", fontSize=16, leading=20,
                                spaceAfter=4 * mm),
        "heading": ParagraphStyle("heading", base, fontName=FONT + "-Bold", fontSize=12, leading=15,
                                  spaceBefore=5 * mm, spaceAfter=1 * mm),
        "credit": ParagraphStyle("credit", base, fontSize=9, leading=12, textColor="#444444",
                                 spaceAfter=2 * mm),
        "instructions": ParagraphStyle("instructions", base, fontName=FONT + "-Italic", spaceAfter=2 * mm),
        "question": ParagraphStyle("question", base, leftIndent=7 * mm, firstLineIndent=-7 * mm,
                                   spaceBefore=3 * mm),
        "hint": ParagraphStyle("hint", base, fontSize=9, leading=12, leftIndent=7 * mm,
                               textColor="#555555"),
        "option": ParagraphStyle("option", base),
        "small": ParagraphStyle("small", base, fontSize=9, leading=12, leftIndent=7 * mm,
                                textColor="#444444"),
        "answer": ParagraphStyle("answer", base, leftIndent=7 * mm, firstLineIndent=-7 * mm,
                                 spaceBefore=2 * mm),
    }


def _x(text: str) -> str:
    """Text for reportlab's paragraph markup, which is XML."""
    return html.escape(text, quote=False)


class TickBox(Flowable):
    """An empty square to tick."""

    def __init__(self, size: float = 3.4 * mm) -> None:
        super().__init__()
        self.size = size

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size)


class AnswerLines(Flowable):
    """Ruled lines to write an answer on."""

    def __init__(self, count: int = ANSWER_LINES, spacing: float = 8 * mm, indent: float = 7 * mm) -> None:
        super().__init__()
        self.count, self.spacing, self.indent = count, spacing, indent
        self.width = 0

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.count * self.spacing + 1 * mm

    def draw(self) -> None:
        self.canv.setLineWidth(0.5)
        self.canv.setStrokeColorRGB(0.45, 0.45, 0.45)
        for line in range(self.count):
            y = line * self.spacing + 1 * mm
            self.canv.line(self.indent, y, self.width, y)


def _ticks(labels: list[str], styles: dict) -> Table:
    """☐ a) … rows for choice options, or one ☐ richtig ☐ falsch row."""
    table = Table([[TickBox(), Paragraph(_x(label), styles["option"])] for label in labels],
                  colWidths=[6 * mm, None], hAlign="LEFT")
    table.setStyle(_TICK_STYLE)
    return table


_TICK_STYLE = TableStyle([
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ("TOPPADDING", (0, 0), (-1, -1), 1),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
])


def _question(item: Item, labels: dict[str, str], styles: dict) -> KeepTogether:
    gap = item.gap_parts
    text = (_x(gap[0]) + "_" * 18 + _x(gap[1])) if gap else _x(item.question)
    parts: list[Flowable] = [Paragraph(f"{item.number}.&nbsp;&nbsp;{text}", styles["question"])]
    if item.hint:
        parts.append(Paragraph(f"{_x(labels['hint'])}: {_x(item.hint)}", styles["hint"]))
    if item.kind == "choice" and item.options:
        options = [f"{option_letter(i)}) {option}" for i, option in enumerate(item.options)]
        parts.append(_indented(_ticks(options, styles)))
    elif item.kind == "truefalse":
        row = Table([[TickBox(), Paragraph(_x(labels["true"]), styles["option"]),
                      TickBox(), Paragraph(_x(labels["false"]), styles["option"])]],
                    colWidths=[6 * mm, 30 * mm, 6 * mm, 30 * mm], hAlign="LEFT")
        row.setStyle(_TICK_STYLE)
        parts.append(_indented(row))
    elif not gap:
        parts.append(AnswerLines())
    return KeepTogether(parts)


def _indented(flowable: Flowable) -> Table:
    """A flowable moved in under the question text."""
    table = Table([["", flowable]], colWidths=[7 * mm, None], hAlign="LEFT")
    table.setStyle(_TICK_STYLE)
    return table


def _answer(item: Item, labels: dict[str, str], styles: dict) -> KeepTogether:
    parts: list[Flowable] = [Paragraph(f"{item.number}.&nbsp;&nbsp;<b>{_x(item.answer)}</b>", styles["answer"])]
    if item.also:
        parts.append(Paragraph(f"{_x(labels['also'])}: {_x(', '.join(item.also))}", styles["small"]))
    if item.evidence:
        parts.append(Paragraph(_x(quoted(item.evidence)), styles["small"]))
    return KeepTogether(parts)


def _fields_row(labels: dict[str, str], styles: dict) -> Table:
    """Name ____  Klasse ____  Datum ____ to fill in by hand."""
    cells = [Paragraph(_x(labels[key]), styles["credit"]) for key in ("label_name", "label_class", "label_date")]
    table = Table([cells], colWidths=[85 * mm, 45 * mm, 45 * mm], hAlign="LEFT", rowHeights=[10 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.8, "#000000"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
    ]))
    return table


def render(sheet: Sheet, sources: list[str], out: BinaryIO) -> None:
    labels, styles = sheet_labels(), _styles()
    story: list[Flowable] = [Paragraph(_x(sheet.title), styles["title"]), _fields_row(labels, styles),
                             Spacer(1, 4 * mm), Paragraph(_x(labels["instructions"]), styles["instructions"])]
    for section in sheet.sections:
        if section.heading:
            story.append(Paragraph(_x(section.heading), styles["heading"]))
        if section.credit:
            story.append(Paragraph(_x(section.credit), styles["credit"]))
        story.extend(_question(item, labels, styles) for item in section.items)
    story.append(Paragraph(_x(labels["sources_heading"]), styles["heading"]))
    story.extend(Paragraph(f"{n}.&nbsp;{_x(line)}", styles["credit"]) for n, line in enumerate(sources, 1))
    story += [PageBreak(), Paragraph(_x(labels["key_heading"]), styles["title"]),
              Paragraph(_x(sheet.title), styles["credit"])]
    story.extend(_answer(item, labels, styles) for item in sheet.items)
    document = SimpleDocTemplate(out, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN,
                                 topMargin=_MARGIN, bottomMargin=_MARGIN + 4 * mm,
                                 title=sheet.title, author="quizbot", creator="quizbot")
    footer = _footer(sheet.title)
    document.build(story, onFirstPage=footer, onLaterPages=footer)


def _footer(title: str):
    """Page footer: the sheet's title and 'Seite n'."""

    def draw(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColorRGB(0.4, 0.4, 0.4)
        canvas.drawString(_MARGIN, 10 * mm, title[:90])
        canvas.drawRightString(A4[0] - _MARGIN, 10 * mm, tr(f"Seite {document.page}", f"Page {document.page}"))
        canvas.restoreState()

    return draw
