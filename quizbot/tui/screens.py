"""The screens: the chat, the results at the end, the too-small-terminal notice.

Screens only lay things out and forward what the learner does to the app
(``QuizApp.submit``), which owns the session.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, HorizontalGroup, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from quizbot.i18n import tr
from quizbot.session import Message, Option, command_names
from quizbot.tui.widgets import ChatInput, ChatLog, OptionButton, QuizHeader, message_content, results_parts


class ChatScreen(Screen):
    """The conversation: header with progress, the log, the input line, the keys."""

    AUTO_FOCUS = "#answer"
    BINDINGS = [
        Binding("f1", "send('/hilfe')", tr("Hilfe", "Help")),
        Binding("f2", "send('/hinweis')", tr("Hinweis", "Hint")),
        Binding("f3", "send('/quelle')", tr("Quelle", "Source")),
        Binding("f4", "send('/punkte')", tr("Punkte", "Score")),
        Binding("pageup", "scroll_log(-1)", show=False),
        Binding("pagedown", "scroll_log(1)", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield QuizHeader("quizbot", id="header")
        with Vertical(id="chat"):
            yield ChatLog(id="log")
            yield ChatInput(command_names(), id="answer", disabled=True,
                            placeholder=tr("Einen Moment …", "One moment …"))
        yield Footer()

    def on_mount(self) -> None:
        self.app.chat_mounted()

    @property
    def chat_log(self) -> ChatLog:
        return self.query_one("#log", ChatLog)

    @property
    def answer_input(self) -> ChatInput:
        return self.query_one("#answer", ChatInput)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.value = ""
        self.app.submit(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        typing_a_reason = self.app.session is not None and self.app.session.state == "contest"
        if not typing_a_reason and isinstance(event.button, OptionButton) and not event.button.disabled:
            self.app.submit(event.button.send, shown=event.button.label.plain)
        self.answer_input.focus()  # typing goes on in the input line (a contest's reason must be typed)

    def action_send(self, text: str) -> None:
        self.app.submit(text)

    def action_scroll_log(self, direction: int) -> None:
        if direction < 0:
            self.chat_log.scroll_page_up()
        else:
            self.chat_log.scroll_page_down()


class ResultsScreen(Screen):
    """The score, by kind, every missed question with its source, and what comes next.

    ``followups`` are the session's messages after the results: the offer to
    repeat the missed questions (with its options) or a goodbye.
    """

    BINDINGS = [
        Binding("j,y", "choose(0)", tr("Ja", "Yes"), key_display="j"),
        Binding("n,escape", "choose(1)", tr("Nein", "No"), key_display="n"),
        Binding("pageup", "scroll_body('page_up')", show=False),
        Binding("pagedown", "scroll_body('page_down')", show=False),
        Binding("up", "scroll_body('up')", show=False),
        Binding("down", "scroll_body('down')", show=False),
    ]

    def __init__(self, results: Message, followups: list[Message]) -> None:
        super().__init__()
        self.results = results
        self.followups = followups
        self.options: tuple[Option, ...] = next((m.options for m in followups if m.options), ())

    def compose(self) -> ComposeResult:
        yield QuizHeader(id="header")
        yield VerticalScroll(*results_parts(self.results.results), id="results-body", can_focus=False)
        for message in self.followups:
            yield Static(message_content(message), classes="followup")
        with HorizontalGroup(id="results-actions"):
            if self.options:
                for number, option in enumerate(self.options):
                    yield Button(Content(option.label), id=f"option-{number}",
                                 variant="primary" if number == 0 else "default")
            else:
                yield Button(tr("Beenden", "Quit"), id="quit", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(QuizHeader).show(self.app.session.title, self.app.session.status)
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "quit":
            self.app.exit(self.app.parting_words())
        else:
            self.action_choose(int(event.button.id.removeprefix("option-")))

    def action_scroll_body(self, how: str) -> None:
        getattr(self.query_one("#results-body"), f"scroll_{how}")()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # j/n answer the repeat offer; without one (all right, or quit mid-quiz) they are not shown
        return bool(self.options) if action == "choose" else True

    def action_choose(self, number: int) -> None:
        if not self.options:
            self.app.exit(self.app.parting_words())
        elif number < len(self.options):
            self.app.answer_from_results(self.options[number].send)


class TooSmallScreen(Screen):
    """Shown instead of a broken layout until the terminal is big enough again."""

    def __init__(self, minimum: tuple[int, int]) -> None:
        super().__init__()
        self.minimum = minimum

    def compose(self) -> ComposeResult:
        with Center():
            yield Static(id="too-small-text")

    def on_mount(self) -> None:
        self.update_size()

    def on_resize(self, event: events.Resize) -> None:
        self.update_size(event.size)

    def update_size(self, size: Size | None = None) -> None:
        width, height = size or self.app.size
        min_width, min_height = self.minimum
        self.query_one("#too-small-text", Static).update(Content(tr(
            f"Das Terminal ist zu klein für quizbot: {width}×{height}, nötig sind "
            f"mindestens {min_width}×{min_height}.\nBitte das Fenster vergrößern – "
            "dein Quiz wartet. Strg+Q beendet.",
            f"The terminal is too small for quizbot: {width}×{height}, it needs at least "
            f"{min_width}×{min_height}.\nPlease enlarge the window - your quiz is waiting. "
            "Ctrl+Q quits.",
        )))
