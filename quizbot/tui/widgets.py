"""The chat's widgets: the log, one message, answer buttons and the input line.

Every text is turned into a ``Content`` object, never parsed as markup, so
article text such as "[bold]" or "[/]" shows literally.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Static

from quizbot.session import Message, Option, Results, printable


def message_content(message: Message) -> Content:
    """A session message as styled text: bold title, first verdict line bold, quotes
    italic, the source sentence bold within its paragraph."""
    parts: list[str | tuple[str, str]] = []
    if message.title:
        parts += [(message.title, "bold"), "\n"]
    lines = message.text.splitlines()
    for number, line in enumerate(lines):
        if number:
            parts.append("\n")
        if message.kind == "verdict" and number == 0:
            parts.append((line, "bold"))
        elif line.startswith("— "):
            parts.append((line, "dim"))
        elif line.startswith(("„", "“")):
            parts.append((line, "italic"))
        elif message.highlight and message.highlight in line:
            before, _, after = line.partition(message.highlight)
            parts += [before, (message.highlight, "bold"), after]
        else:
            parts.append(line)
    return Content.assemble(*parts)


def results_parts(results: Results) -> list[Static]:
    """The end of a quiz as widgets: headline, score by kind, each missed question with
    its answer and source. The results screen shows them, and the log keeps a copy."""
    parts = [Static(Content.assemble((results.title, "bold"), "\n", results.headline()),
                    classes="results-headline")]
    if results.by_kind:
        parts.append(Static(Content("\n".join(results.kind_lines())), classes="results-kinds"))
    if results.missed:
        parts.append(Static(Content(results.missed_heading()), classes="missed-heading"))
        for item in results.missed:
            first, *rest = item.lines()
            parts.append(Static(Content.assemble((first, "bold"), "\n", message_content(
                Message("evidence", "\n".join(rest)))), classes="missed"))
    return parts


class ResultsCard(VerticalGroup):
    """The results in the log, laid out as on the results screen (readable after a repeat)."""

    def __init__(self, message: Message) -> None:
        super().__init__(*results_parts(message.results), classes="results")
        self.message = message


class QuizHeader(Static):
    """One line on top: the quiz and the progress ("Frage 3 von 10 · 2 Punkte").

    Textual's Header re-lays out the whole screen on every title change
    (measured: +30 ms per answer); this one repaints only itself.
    """

    SEPARATOR = "  —  "

    _shown = ("", "")

    def show(self, title: str, status: str) -> None:
        """The title, shortened with "…" when the line is narrow: the progress always shows."""
        self._shown = (title, status)
        room = self.content_size.width or self.app.size.width - 2
        if status:
            room -= len(self.SEPARATOR) + len(status)
        if len(title) > room:
            title = title[: max(room - 1, 0)].rstrip() + "…" if room > 1 else ""
        parts: list[str | tuple[str, str]] = [(title, "bold")]
        if status:
            parts += [self.SEPARATOR if title else "", status]
        self.update(Content.assemble(*parts), layout=False)

    def on_resize(self) -> None:
        self.show(*self._shown)


# Buttons go side by side when their labels, with padding and gaps, fit this many columns.
ACROSS_WIDTH = 60
ACROSS_GAP = 6


class ChatMessage(Static):
    """One message of the bot in the log, styled by kind and verdict (see app.tcss)."""

    def __init__(self, message: Message) -> None:
        classes = f"-{message.kind}"
        if message.verdict:
            classes += f" -{message.verdict}"
        super().__init__(message_content(message), classes=classes)
        self.message = message


class LearnerMessage(Static):
    """What the learner typed (or the button they pressed)."""

    def __init__(self, text: str) -> None:
        super().__init__(Content(printable(text)), classes="-learner")


class StatusMessage(Static):
    """Slow work in progress ("the database is being opened …")."""

    def __init__(self, text: str) -> None:
        super().__init__(Content(text), classes="-status")


class OptionButton(Button):
    """A button that answers with the text a learner could have typed."""

    def __init__(self, option: Option) -> None:
        super().__init__(Content(option.label), compact=True, classes="option")
        self.send = option.send


class Options(VerticalGroup):
    """The answer buttons under a question; retired once the question is answered."""

    def __init__(self, options: tuple[Option, ...], *, across: bool) -> None:
        super().__init__(classes="-across" if across else "")
        self.options = options

    def compose(self):
        buttons = [OptionButton(option) for option in self.options]
        if self.has_class("-across"):
            yield HorizontalGroup(*buttons)
        else:
            yield from buttons

    def label_for(self, text: str) -> str | None:
        """The label of the option a typed line is ("b" -> "B) Roland Busch")."""
        return next((o.label for o in self.options if o.send.casefold() == text.strip().casefold()), None)

    def strike(self, sends: tuple[str, ...]) -> None:
        for button in self.query(OptionButton):
            if button.send in sends:
                button.disabled = True
                button.add_class("-struck")

    def retire(self) -> None:
        self.add_class("-retired")
        for button in self.query(OptionButton):
            button.disabled = True


class ChatLog(VerticalScroll, can_focus=False):
    """The scrolling conversation; anchored, so new messages keep the view at the bottom.

    It never takes focus: typing always goes to the input line.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.active_options: Options | None = None  # the buttons of the open question

    def on_mount(self) -> None:
        self.anchor()

    def add(self, messages: list[Message], learner_line: str = "") -> None:
        """Show what the learner sent and the session's answer, in one mount (one layout pass)."""
        widgets: list[Static | Options] = [LearnerMessage(learner_line)] if learner_line.strip() else []
        for message in messages:
            widgets.append(ResultsCard(message) if message.results else ChatMessage(message))
            new_buttons = bool(message.options) and message.kind in ("question", "prompt")
            if new_buttons or message.kind == "verdict":
                self.retire_options()  # the question they answered is gone
            if new_buttons:
                # side by side when they fit on one line of the narrowest chat (80 columns)
                across = sum(len(option.label) + ACROSS_GAP for option in message.options) <= ACROSS_WIDTH
                self.active_options = Options(message.options, across=across)
                widgets.append(self.active_options)
            if message.struck and self.active_options is not None:
                self.active_options.strike(message.struck)
        if widgets:
            self.mount_all(widgets)
        if learner_line.strip():
            self.anchor()  # back to the bottom, even if the learner had scrolled up to reread

    def retire_options(self) -> None:
        if self.active_options is not None:
            self.active_options.retire()
            self.active_options = None


class ChatInput(Input):
    """The input line, with completion of /commands (Tab or → takes the suggestion)."""

    BINDINGS = [Binding("tab", "complete", show=False, priority=True)]

    def __init__(self, commands: list[str], **kwargs) -> None:
        super().__init__(suggester=SuggestFromList(commands, case_sensitive=False), **kwargs)

    def action_complete(self) -> None:
        # Input keeps its current suggestion private; → (cursor_right) is its public way to take it
        if self.value.startswith("/") and self._suggestion and self.cursor_at_end:
            self.action_cursor_right()
        elif not self.value:
            self.screen.focus_next()  # to the answer buttons
        # with text typed and nothing to complete, Tab stays here: what is typed next must not
        # land on a button (Enter there would answer the question)
