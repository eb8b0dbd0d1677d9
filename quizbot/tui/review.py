"""The teacher's review of the generated questions, with the keyboard only.

A table of the questions (best first within each article) and, under it, the
highlighted question in full. Keys: ``e`` edits the question's text, ``a`` its
answer, ``v`` adds an accepted spelling, ``d`` disables or enables it. Every
edit goes through ``Store.edit_question``, keyed by the question's stable key,
so it survives a re-ingest of the article and holds for learners at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Input, Static

from quizbot.editing import EditError, checked_edit
from quizbot.i18n import tr
from quizbot.session import LETTERS, kind_label, printable, source_line, without_source_naming
from quizbot.store import Store, StoreError

# Column widths; the question column takes the rest of the width (the full text is
# shown under the table). CELL_PADDING: DataTable's space around each cell.
KIND_COLUMN = 7
ANSWER_COLUMN = 16
STATUS_COLUMN = 8
MIN_QUESTION_COLUMN = 20
CELL_PADDING = 2
ROWS_PER_BATCH = 1000  # measured: about 0.1 s of table work per batch


@dataclass(frozen=True)
class Field:
    """What an edit changes: its prompt and the current value to start from."""

    name: str
    prompt: str
    start: Callable[[dict], str]


def fields() -> dict[str, Field]:
    """The editable fields (a function: the prompts follow the language chosen at start)."""
    return {
        "question": Field("question", tr("Fragetext", "Question text"), lambda q: q["question"]),
        "answer": Field("answer", tr("Antwort", "Answer"), lambda q: q["answer"]),
        "variant": Field("variant", tr("Weitere richtige Schreibweise", "Another accepted spelling"), lambda q: ""),
    }


def checked_change(question: dict, field: str, text: str) -> dict:
    """The edit of one field as ``Store.edit_question`` takes it; ``EditError`` when it cannot be saved."""
    if field == "variant":
        return checked_edit(question, accepted=[text])
    return checked_edit(question, **{"text" if field == "question" else "answer": text})


def short_kind(kind: str) -> str:
    """A kind in a narrow table column ("Lücke" for a cloze)."""
    return {"open": tr("offen", "open"), "cloze": tr("Lücke", "cloze"), "choice": tr("Auswahl", "choice"),
            "truefalse": tr("ja/nein", "yes/no")}.get(kind, kind)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell(text: str, *, dim: bool = False) -> Text:
    """A table cell shown literally (DataTable would read a plain string as markup)."""
    return Text(printable(text), style="dim" if dim else "")


class ReviewApp(App[None]):
    """The review table over one store. ``open_store`` may be slow; it runs in a worker."""

    CSS_PATH = "app.tcss"
    TITLE = "quizbot"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("e", "edit('question')", tr("Frage", "Question")),
        Binding("a", "edit('answer')", tr("Antwort", "Answer")),
        Binding("v", "edit('variant')", tr("Variante", "Spelling")),
        Binding("d", "set_disabled(True)", tr("Sperren", "Disable")),
        Binding("d", "set_disabled(False)", tr("Freigeben", "Enable")),
        Binding("escape", "cancel_edit", tr("Abbrechen", "Cancel")),
        Binding("ctrl+t", "toggle_theme", tr("Hell/Dunkel", "Light/dark")),
        Binding("q,ctrl+q", "quit", tr("Beenden", "Quit"), key_display="q"),
    ]

    def __init__(self, open_store: Callable[[], Store], *, article: str | None = None,
                 kinds: tuple[str, ...] = (), light: bool = False) -> None:
        super().__init__()
        self._open_store = open_store
        self._width: int | None = None  # the width of the last resize (self.size lags behind it)
        self._article = article
        self._kinds = kinds
        self.store: Store | None = None
        self.questions: dict[str, dict] = {}  # by key, in table order
        self.editing: Field | None = None
        self.failure: str | None = None
        self.theme = "textual-light" if light else "textual-dark"

    def compose(self) -> ComposeResult:
        yield Static(id="review-header")
        with Vertical(id="review"):
            yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="review-detail")
            yield Static(id="review-notice")
            yield Input(id="review-input", classes="-hidden")
        yield Footer()

    def on_mount(self) -> None:
        self._say(tr("Die Fragen werden geladen …", "Loading the questions …"))
        table = self.table
        table.add_column(tr("Art", "Kind"), key="kind", width=KIND_COLUMN)
        table.add_column(tr("Frage", "Question"), key="question", width=self._question_width())
        table.add_column(tr("Antwort", "Answer"), key="answer", width=ANSWER_COLUMN)
        table.add_column(tr("Status", "Status"), key="status", width=STATUS_COLUMN)
        self._load()

    def _question_width(self) -> int:
        """What the other columns, the padding and the scrollbar leave of the width."""
        others = KIND_COLUMN + ANSWER_COLUMN + STATUS_COLUMN + 4 * CELL_PADDING + 1
        return max(MIN_QUESTION_COLUMN, (self._width or self.size.width) - others)

    def on_resize(self, event: events.Resize) -> None:
        self._width = event.size.width  # self.size is updated only after this handler
        if self.table.columns:
            self.table.columns["question"].width = self._question_width()
            for question in self.questions.values():  # the cut texts follow the new width
                self.table.update_cell(question["key"], "question", self._cells(question)[1])
            self.table.refresh()

    @property
    def table(self) -> DataTable:
        return self.query_one("#review-table", DataTable)

    @property
    def current(self) -> dict | None:
        if not self.questions or self.table.row_count == 0:
            return None
        row_key, _ = self.table.coordinate_to_cell_key((self.table.cursor_row, 0))
        return self.questions.get(row_key.value)

    # -- loading (in a thread: a big database must not freeze the screen) -----

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        try:
            store = self._open_store()
            found = store.questions(article=self._article, kind=list(self._kinds) or None,
                                    include_disabled=True)
        except StoreError as error:
            self.call_from_thread(self._show_failure, str(error))
            return
        self.call_from_thread(self._loaded, store, found)

    async def _loaded(self, store: Store, found: list[dict]) -> None:
        self.store = store
        self.questions = {q["key"]: q for q in found}
        for start in range(0, len(found), ROWS_PER_BATCH):
            # in batches, so that a big database fills the table without freezing the screen
            for question in found[start:start + ROWS_PER_BATCH]:
                self.table.add_row(*self._cells(question), key=question["key"])
            if len(found) > ROWS_PER_BATCH:
                self._say(tr(f"Die Fragen werden geladen … {self.table.row_count} von {len(found)}",
                             f"Loading the questions … {self.table.row_count} of {len(found)}"))
                await asyncio.sleep(0)
        self._update_header()
        if not found:
            self._say(tr("Keine Fragen gefunden. Artikel einlesen mit: quizbot ingest ARTIKEL… --db DATEI",
                         "No questions found. Read articles in with: quizbot ingest ARTICLE… --db FILE"))
            return
        self._say(tr("↑/↓ wählt eine Frage; e, a, v und d ändern sie.",
                     "↑/↓ picks a question; e, a, v and d change it."))
        self.table.focus()
        self._show_detail()

    def _show_failure(self, error: str) -> None:
        self.failure = error
        self._say(tr(f"Die Fragen können nicht geladen werden: {error}\nq beendet.",
                     f"The questions cannot be loaded: {error}\nq quits."), error=True)

    # -- what is shown ---------------------------------------------------------

    def _cells(self, question: dict) -> tuple[Text, Text, Text, Text]:
        disabled = question["disabled"]
        status = tr("gesperrt", "disabled") if disabled else tr("aktiv", "active")
        return (_cell(short_kind(question["kind"]), dim=disabled),
                _cell(_cut(without_source_naming(question["question"]), self._question_width()), dim=disabled),
                _cell(_cut(self._answer(question), ANSWER_COLUMN), dim=disabled),
                _cell(status, dim=disabled))

    @staticmethod
    def _answer(question: dict) -> str:
        if question["kind"] == "truefalse":
            return tr("ja", "yes") if question["correct"] else tr("nein", "no")
        return question["answer"]

    def _update_header(self) -> None:
        active = sum(not q["disabled"] for q in self.questions.values())
        path = self.store.path.name if self.store else ""  # the folder would not fit
        self.query_one("#review-header", Static).update(Content.assemble(
            (tr("quizbot · Fragen prüfen", "quizbot · review questions"), "bold"),
            tr(f"  —  {len(self.questions)} Fragen, {active} aktiv · {path}",
               f"  —  {len(self.questions)} questions, {active} active · {path}")))

    def _show_detail(self) -> None:
        question = self.current
        detail = self.query_one("#review-detail", Static)
        if question is None:
            detail.update("")
            return
        lines: list[str | tuple[str, str]] = [
            # the number "quizbot questions edit ID" takes
            (kind_label(question["kind"]), "bold"), (f"  · {tr('Nr.', 'ID')} {question['id']}", "dim"), "\n",
            printable(question["question"]), "\n",
            (tr("Antwort: ", "Answer: "), "bold"), printable(self._answer(question)),
        ]
        variants = [a for a in question["accepted"] if a != question["answer"]]
        if variants and question["kind"] != "truefalse":
            lines += ["\n", (tr("Auch richtig: ", "Also right: "), "bold"), printable(" · ".join(variants))]
        if question["choices"]:
            choices = "   ".join(f"{letter}) {choice}" for letter, choice in zip(LETTERS, question["choices"]))
            lines += ["\n", (tr("Auswahl: ", "Choices: "), "bold"), printable(choices)]
        if question.get("sentence"):
            lines += ["\n", (printable(f"„{question['sentence']}“"), "italic")]
        lines += ["\n", (printable(source_line(question["article"])), "dim")]
        if question["disabled"]:
            lines += ["\n", (tr("Gesperrt: wird nicht gefragt und nicht exportiert.",
                                "Disabled: not asked and not exported."), "bold")]
        detail.update(Content.assemble(*lines))

    def _say(self, text: str, *, error: bool = False) -> None:
        notice = self.query_one("#review-notice", Static)
        notice.set_class(error, "-error")
        notice.update(Content(text))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()
        self.refresh_bindings()  # d: disable or enable, as the question is

    # -- editing -----------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("edit", "set_disabled"):
            if self.editing is not None or self.current is None:
                return False
            # one d key: "Sperren" on an active question, "Freigeben" on a disabled one
            return action == "edit" or parameters[0] != self.current["disabled"]
        if action == "cancel_edit":
            return self.editing is not None
        if action == "quit" and self.editing is not None:
            return False  # q is a letter of the text being typed
        return True

    def action_help_quit(self) -> None:
        """Ctrl+C: Textual says how to quit, in English; say it in the teacher's language."""
        self.notify(tr("Zum Beenden q drücken. Jede Änderung ist schon gespeichert.",
                       "Press q to quit. Every change is already saved."), title=tr("Beenden?", "Quit?"))

    def action_edit(self, field: str) -> None:
        question = self.current
        self.editing = fields()[field]
        entry = self.query_one("#review-input", Input)
        entry.remove_class("-hidden")
        entry.value = self.editing.start(question)
        entry.placeholder = self.editing.prompt
        entry.focus()
        self._say(tr(f"{self.editing.prompt} ändern: Enter speichert, Esc bricht ab.",
                     f"Editing the {self.editing.prompt.lower()}: Enter saves, Esc cancels."))
        self.refresh_bindings()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        field, question = self.editing, self.current
        text = " ".join(event.value.split())
        if field is None or question is None:
            return
        if text == field.start(question) and field.name != "variant":
            self._close_editor(tr("Unverändert.", "Unchanged."))
            return
        try:
            change = checked_change(question, field.name, text)
        except EditError as problem:
            self._say(str(problem), error=True)
            return
        if not change:
            self._say(tr(f"„{text}“ gilt schon als richtig.", f"'{text}' is accepted already."), error=True)
            return
        self._write(lambda: self.store.edit_question(question["key"], **change), question,
                    tr(f"Gespeichert: {field.prompt}.", f"Saved: {field.prompt.lower()}."))

    def action_cancel_edit(self) -> None:
        if self.editing is not None:
            self._close_editor(tr("Abgebrochen – nichts geändert.", "Cancelled – nothing changed."))

    def action_set_disabled(self, disable: bool) -> None:
        question = self.current
        self._write(lambda: self.store.edit_question(question["key"], disabled=disable), question,
                    tr("Gesperrt: die Frage wird nicht mehr gefragt." if disable else
                       "Freigegeben: die Frage wird wieder gefragt.",
                       "Disabled: the question is no longer asked." if disable else
                       "Enabled: the question is asked again."))

    def _write(self, edit: Callable[[], None], question: dict, done: str) -> None:
        """Save one edit and show the question as it is stored now."""
        try:
            edit()
        except StoreError as error:  # locked by a class at work: nothing was written
            self._say(tr(f"Nicht gespeichert ({error}). Bitte noch einmal versuchen.",
                         f"Not saved ({error}). Please try again."), error=True)
            return
        fresh = self.store.question(question["id"])
        self.questions[question["key"]] = fresh
        for column, cell in zip(("kind", "question", "answer", "status"), self._cells(fresh)):
            self.table.update_cell(question["key"], column, cell)
        self._update_header()
        self._close_editor(done)

    def _close_editor(self, notice: str) -> None:
        self.editing = None
        entry = self.query_one("#review-input", Input)
        entry.add_class("-hidden")
        entry.value = ""
        self.table.focus()
        self._show_detail()
        self._say(notice)
        self.refresh_bindings()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"
