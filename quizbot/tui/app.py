"""The quiz chat in the terminal: a thin Textual face over ``QuizSession``.

The session is opened in a worker thread (a big database, or building the
sample database on first start, must not freeze the screen); after that each
line the learner sends goes to ``QuizSession.handle`` and the messages it
returns are added to the log. Answer buttons send the same text a learner
could type.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.geometry import Size

from quizbot.i18n import tr
from quizbot.session import Message, QuizSession, SessionError, locked_text, warm_up
from quizbot.store import StoreBusyError, StoreError
from quizbot.tui.screens import ChatScreen, ResultsScreen, TooSmallScreen
from quizbot.tui.widgets import QuizHeader, StatusMessage

MIN_SIZE = (60, 16)


class QuizApp(App[list[str]]):
    """The chat. ``open_session`` may be slow; it runs in a worker.

    The app's return value is the session's parting words (printed by the CLI
    once the screen is gone), e.g. "everything is saved, resume with …".
    """

    CSS_PATH = "app.tcss"
    TITLE = "quizbot"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", tr("Beenden", "Quit"), priority=True),
        Binding("ctrl+t", "toggle_theme", tr("Hell/Dunkel", "Light/dark")),
    ]

    def __init__(self, open_session: Callable[[], QuizSession], *, light: bool = False,
                 first_start: bool = False) -> None:
        super().__init__()
        self._open_session = open_session
        self._first_start = first_start  # the sample database is built before the quiz can begin
        self.session: QuizSession | None = None
        self.failure: str | None = None  # why the quiz could not start (printed again on exit)
        self._results_waiting: ResultsScreen | None = None  # shown at the next Enter
        self.chat = ChatScreen()
        self.theme = "textual-light" if light else "textual-dark"

    def get_default_screen(self) -> ChatScreen:
        return self.chat

    def chat_mounted(self) -> None:
        """The chat is on screen: show a status and open the session in a worker."""
        self.chat.chat_log.mount(StatusMessage(tr(
            "Erster Start: die Beispielartikel werden eingelesen und Fragen daraus gebaut …",
            "First start: reading the sample articles and building questions from them …",
        ) if self._first_start else tr("Die Quiz-Datenbank wird geöffnet …", "Opening the quiz database …")))
        self._check_size()
        self._load()

    # -- opening the session (slow, in a thread) -----------------------------

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        try:
            session = self._open_session()
            messages = session.start()
        except StoreBusyError:
            self.call_from_thread(self._show_failure, locked_text())
            return
        except (StoreError, SessionError, OSError, sqlite3.Error) as error:
            self.call_from_thread(self._show_failure, str(error))
            return
        self.call_from_thread(self._session_ready, session, messages)

    def _session_ready(self, session: QuizSession, messages: list[Message]) -> None:
        self.session = session
        self.chat.chat_log.query(StatusMessage).remove()
        self.chat.answer_input.disabled = False
        self.chat.answer_input.focus()
        self._show(messages)
        self.call_after_refresh(self._warm_up)

    @work(thread=True, group="load")
    def _warm_up(self) -> None:
        warm_up()  # the grader loads while the learner reads the first question

    def _show_failure(self, error: str) -> None:
        self.failure = error
        self.chat.chat_log.query(StatusMessage).remove()
        self.chat.chat_log.add([Message("error", tr(
            f"quizbot kann nicht starten: {error}\n"
            "Enter oder Strg+Q beendet. Eine andere Datenbank wählen: quizbot play --db DATEI",
            f"quizbot cannot start: {error}\n"
            "Enter or Ctrl+Q quits. Choose another database: quizbot play --db FILE",
        ))])
        self.chat.answer_input.disabled = False
        self.chat.answer_input.placeholder = tr("Enter beendet quizbot", "Enter quits quizbot")
        self.chat.answer_input.focus()

    # -- the conversation ----------------------------------------------------

    def submit(self, text: str, *, shown: str | None = None) -> None:
        """Send one line to the session, as if the learner had typed it.

        ``shown`` is what the log shows for it (a button's label instead of its letter).
        """
        if self._results_waiting is not None:
            screen, self._results_waiting = self._results_waiting, None
            self.chat.chat_log.add([screen.results])  # the log keeps the results, behind their screen
            self.push_screen(screen)
            return
        if self.session is None or self.session.done:
            if self.session is not None or self.failure:
                self.exit(self.parting_words())
            return
        options = self.chat.chat_log.active_options
        if shown is None and options is not None:
            shown = options.label_for(text)
        messages = self.session.handle(text)
        if any(m.retry for m in messages) and not self.chat.answer_input.value:
            self.chat.answer_input.value = text  # not taken: give it back to edit and resend
        self._show(messages, learner_line=shown or text)

    def answer_from_results(self, text: str) -> None:
        """A choice on the results screen (repeat the missed questions or not)."""
        self.pop_screen()
        self.submit(text)
        if self.session is not None and self.session.done:
            self.exit(self.parting_words())

    def _show(self, messages: list[Message], learner_line: str = "") -> None:
        """Add the messages to the log; from the results on, they go to the results screen."""
        log = self.chat.chat_log
        results = next((n for n, m in enumerate(messages) if m.kind == "results"), None)
        waits = results is not None and any(m.kind == "verdict" for m in messages[:results])
        log.add(messages if results is None else messages[: results + (0 if waits else 1)], learner_line)
        if results is not None:
            log.retire_options()
            screen = ResultsScreen(messages[results], messages[results + 1:])
            if waits:  # the last answer's verdict and source are read first; Enter brings the results
                self._results_waiting = screen
                log.add([Message("info", tr("Das war die letzte Frage. Enter zeigt das Ergebnis.",
                                            "That was the last question. Press Enter for the results."))])
            else:
                self.push_screen(screen)
        session = self.session
        if session is None:
            return
        if session.done:
            log.retire_options()
        # after the log's layout pass, so the verdict is not held back a frame by the header
        self.call_after_refresh(self.chat.query_one(QuizHeader).show, session.title, session.status)
        placeholder = tr("Enter beendet quizbot", "Enter quits quizbot") if session.done else session.placeholder
        if self._results_waiting is not None:
            placeholder = tr("Enter zeigt das Ergebnis", "Enter shows the results")
        if self.chat.answer_input.placeholder != placeholder:
            self.chat.answer_input.placeholder = placeholder

    def parting_words(self) -> list[str]:
        """What to print once the screen is gone ("everything is saved …")."""
        if self.session is None:
            return []
        return [m.text for m in self.session.leave()]

    async def action_quit(self) -> None:
        self.exit(self.parting_words())

    def action_help_quit(self) -> None:
        """Ctrl+C: Textual says how to quit, in English; say it in the learner's language."""
        self.notify(tr("Zum Beenden Strg+Q drücken (oder /ende). Alles ist gespeichert.",
                       "Press Ctrl+Q (or type /quit) to quit. Everything is saved."), title=tr("Beenden?", "Quit?"))

    # -- looks and size ------------------------------------------------------

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size)  # self.size is updated only after this handler

    def _check_size(self, size: Size | None = None) -> None:
        width, height = size or self.size
        too_small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen(MIN_SIZE))
        elif showing and not too_small:
            self.pop_screen()
