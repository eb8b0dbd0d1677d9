"""The quiz chat on stdin/stdout: for pipes, screen readers, ssh and dumb terminals.

The same ``QuizSession`` as the Textual app, printed as plain lines: no colour,
no cursor tricks, one blank line between turns. Choices are listed as
"A) …" lines; learners type the letter, "ja" or "nein". The end of input ends
the session cleanly (everything is committed as it is graded).
"""

from __future__ import annotations

import sys
from typing import Optional, TextIO

from quizbot.session import Message, QuizSession, printable


def format_message(message: Message) -> str:
    """One message as plain text lines."""
    lines = [message.title] if message.title else []
    lines.extend(message.text.splitlines() or [""])
    options = message.options if message.kind == "question" else ()  # prompts say "(ja/nein)"
    if options and all(option.label.casefold() == option.send.casefold() for option in options):
        lines.append(f"  ({'/'.join(option.send for option in options)})")  # ja/nein: one line
    else:
        lines.extend(f"  {option.label}" for option in options)
    return "\n".join(lines)


def run_plain(session: QuizSession, stdin: Optional[TextIO] = None, stdout: Optional[TextIO] = None) -> int:
    """Play until the session is done or the input ends; the exit code.

    0 when the session ran (whatever the score); 1 when it could not start
    (an empty database, nothing matches), with the reason on stderr; 130 on Ctrl+C.
    """
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    _forgiving(stdin, stdout)
    interactive = stdin.isatty()
    opening = session.start()
    if session.done and any(m.kind == "error" for m in opening):
        _show(opening, sys.stderr)
        return 1
    _show(opening, stdout)
    while not session.done:
        try:
            line = _read_line(stdin, stdout, interactive)
        except KeyboardInterrupt:
            _show(session.leave(), stdout)
            return 130
        if line is None:
            _show(session.leave(), stdout)
            break
        if not interactive:
            # echo piped answers so a transcript reads like the conversation
            stdout.write(f"> {printable(line)}\n")
        _show(session.handle(line), stdout)
    return 0


def _read_line(stdin: TextIO, stdout: TextIO, interactive: bool) -> Optional[str]:
    """The next line without its newline; None at the end of input."""
    if interactive and stdin is sys.stdin and stdout is sys.stdout:
        import readline  # noqa: F401 - line editing and history for input()

        try:
            return input("> ")
        except EOFError:
            return None
    line = stdin.readline()
    return line.rstrip("\r\n") if line else None


def _show(messages: list[Message], stdout: TextIO) -> None:
    if messages:
        stdout.write("\n\n".join(format_message(m) for m in messages) + "\n\n")
        stdout.flush()


def _forgiving(*streams: TextIO) -> None:
    """Undecodable input and unprintable output become replacement marks, not a crash."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
