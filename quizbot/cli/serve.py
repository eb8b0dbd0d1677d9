"""``quizbot serve``: the quiz chat in the browser, for classrooms without terminals.

textual-serve starts one ``quizbot play`` process per browser tab, drawn by
Textual's web driver; there is no login. So it listens on this machine only
unless a host is given, and says so loudly when other machines can reach it.
textual-serve is imported only here, when the command runs.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

import click

from quizbot.cli import UserError, cli, db_option
from quizbot.i18n import language, tr

LOCAL_ONLY = "127.0.0.1"
# The page textual-serve ships loads its font from Google's servers; schools
# should not send their learners' browsers there (and quizbot uses no network
# at run time): the same font is in textual-serve's own static folder.
EXTERNAL_FONT = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*/>")
LOCAL_FONT = """<style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf");
      }
    </style>"""


@cli.command("serve", help=tr("Den Quiz-Chat im Browser anbieten: ein Chat je Browser-Tab.",
                               "Serve the quiz chat in the browser: one chat per browser tab."))
@db_option
@click.option("--host", default=LOCAL_ONLY, show_default=True, metavar=tr("ADRESSE", "ADDRESS"),
              help=tr("Adresse, auf der quizbot lauscht; 0.0.0.0 oder eine Adresse im lokalen Netz lässt "
                      "andere Rechner herein (ohne Anmeldung!).",
                      "Address to listen on; 0.0.0.0 or a LAN address lets other machines in (no login!)."))
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, metavar="PORT",
              help=tr("Port, auf dem quizbot lauscht.", "Port to listen on."))
@click.option("--quiz", "quiz_name", metavar="NAME", default=None,
              help=tr("Jeder Tab spielt das Quiz NAME (quizbot quiz list).",
                      "Every tab plays the quiz set NAME (quizbot quiz list)."))
def serve(db_path: Optional[str], host: str, port: int, quiz_name: Optional[str]) -> None:
    db, quiz = _class_database(db_path, quiz_name)
    addresses = _check_can_listen(host, port)
    url = f"http://{_url_host(host)}:{port}"
    click.echo(tr(f"quizbot im Browser: {url}", f"quizbot in the browser: {url}"))
    click.echo(tr(f"Datenbank: {db}", f"Database: {db}"))
    if quiz:
        click.echo(tr(f"Quiz: {quiz}", f"Quiz: {quiz}"))
    if reachable_from_elsewhere(addresses):
        click.echo(_warning(addresses, host), err=True)
    click.echo(tr("Beenden mit Strg+C.", "Stop with Ctrl+C."))
    _run(play_command(db, language(), quiz), host, port)


def play_command(db: Path, lang: str, quiz: Optional[str] = None) -> str:
    """The shell command textual-serve runs for each browser tab (the full-screen chat)."""
    words = [sys.executable, "-m", "quizbot", "--lang", lang, "play", "--db", str(db)]
    if quiz:
        words += ["--quiz", quiz]
    if os.name != "posix":
        return subprocess.list2cmdline(words)  # cmd.exe
    return "exec " + shlex.join(words)  # the shell becomes the chat: one process per tab, not two


def _class_database(db_path: Optional[str], quiz_name: Optional[str]) -> tuple[Path, Optional[str]]:
    """The database every tab will use and the quiz set's name as stored, checked (or the
    samples built) once, up front: not by 30 tabs at once, and a mistake shows here, not in
    each browser."""
    from quizbot.cli.common import open_store

    with open_store(db_path) as store:
        if quiz_name is not None:
            return store.path.resolve(), _playable_quiz(store, quiz_name)
        if not store.question_candidates(limit=1):
            raise UserError(tr(
                f"Die Datenbank {store.path} enthält noch keine Fragen – zuerst Artikel einlesen: "
                f"quizbot ingest ARTIKEL… --db {store.path}",
                f"The database {store.path} holds no questions yet – ingest articles first: "
                f"quizbot ingest ARTICLE… --db {store.path}",
            ))
        return store.path.resolve(), None


def _playable_quiz(store, name: str) -> str:
    from quizbot.quizzes import QuizSetError, load_quiz
    from quizbot.session import empty_quiz_text

    try:
        quiz = load_quiz(store, name)
    except QuizSetError as error:
        raise UserError(str(error)) from error
    if not quiz.enabled:
        raise UserError(empty_quiz_text(quiz.name))
    return quiz.name


def _check_can_listen(host: str, port: int) -> list[str]:
    """The addresses ``host`` stands for, after trying to listen on each (one clear line if not)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        raise UserError(tr(f"Unbekannte Adresse „{host}“ für --host.",
                           f"Unknown address '{host}' for --host.")) from None
    for family, kind, proto, _, sockaddr in found:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
            try:
                probe.bind(sockaddr)
            except OSError as error:
                raise UserError(_cannot_listen(host, port, error)) from None
    return [sockaddr[0] for *_, sockaddr in found]


def _cannot_listen(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return tr(f"Port {port} ist schon belegt – einen anderen wählen, z. B. --port {port + 1}.",
                  f"Port {port} is already in use – choose another, e.g. --port {port + 1}.")
    if error.errno == errno.EADDRNOTAVAIL:
        return tr(f"Die Adresse {host} gehört nicht zu diesem Rechner.",
                  f"The address {host} does not belong to this machine.")
    if error.errno == errno.EACCES:
        return tr(f"Port {port} darf nur der Administrator öffnen – einen ab 1024 wählen.",
                  f"Only the administrator may open port {port} – choose one from 1024 up.")
    return tr(f"Kann nicht auf {host}:{port} lauschen: {error.strerror}.",
              f"Cannot listen on {host}:{port}: {error.strerror}.")


def reachable_from_elsewhere(addresses: list[str]) -> bool:
    """True unless every address is this machine's loopback (127.x, ::1)."""
    return not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)


def _warning(addresses: list[str], host: str) -> str:
    everywhere = any(ipaddress.ip_address(a.split("%")[0]).is_unspecified for a in addresses)
    reach = tr("von allen Rechnern im Netz", "from every machine on the network") if everywhere \
        else tr(f"von anderen Rechnern unter {host}", f"from other machines at {host}")
    return tr(
        f"Achtung: quizbot ist jetzt {reach} erreichbar – ohne Anmeldung: wer die Adresse kennt, "
        "kann mitspielen und unter jedem Namen antworten. Nur im Schulnetz verwenden.",
        f"Warning: quizbot can now be reached {reach} – with no login: anyone who knows the address "
        "can play and answer under any name. Use it on the school network only.",
    )


def _this_machine() -> Optional[str]:
    """This machine's address on the network (a UDP connect picks the route; nothing is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere for real
            return probe.getsockname()[0]
        except OSError:
            return None


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        return _this_machine() or "localhost"
    return f"[{host}]" if ":" in host else host


def _run(command: str, host: str, port: int) -> None:
    import asyncio

    import textual_serve.server as served  # slow import, only when serving

    class Tab(served.AppService):
        """One browser tab's chat process; remembered, so that stopping the server
        can end each chat the normal way ("quit") while the event loop still runs."""

        open_tabs: set = set()

        async def start(self, width: int, height: int) -> None:
            self.open_tabs.add(self)
            await super().start(width, height)

        async def stop(self) -> None:
            try:
                await super().stop()
                if self._process is not None:
                    await self._process.wait()
            finally:
                self.open_tabs.discard(self)

    served.AppService = Tab  # textual-serve makes one per websocket through this name

    class QuizServer(served.Server):
        async def on_startup(self, app) -> None:  # noqa: ANN001 - aiohttp's signature
            pass  # quizbot printed its own lines (textual-serve's banner shows the raw command)

        async def on_shutdown(self, app) -> None:  # noqa: ANN001
            await asyncio.gather(*(tab.stop() for tab in list(Tab.open_tabs)), return_exceptions=True)

        async def handle_index(self, request):  # noqa: ANN001, ANN201
            # Links in the page (websocket, static files) use the address the browser
            # used: "0.0.0.0" or "localhost" mean nothing on a learner's machine.
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

    with tempfile.TemporaryDirectory(prefix="quizbot-serve-") as templates:
        _page_for_the_class(Path(templates))
        server = QuizServer(command, host=host, port=port, title="quizbot", templates_path=templates)
        try:
            server.serve()
        except OSError as error:  # lost a race for the port since the check
            raise UserError(_cannot_listen(host, port, error)) from None
    click.echo(tr("quizbot serve beendet.", "quizbot serve stopped."))


def _page_for_the_class(folder: Path) -> None:
    """textual-serve's page with the font from this machine, a title, and its three words
    (Start, Session ended., Restart) in the class's language."""
    import textual_serve

    page = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    html = EXTERNAL_FONT.sub(LOCAL_FONT, page.read_text(encoding="utf-8"))
    html = html.replace("<head>", "<head>\n    <title>quizbot</title>", 1)
    html = html.replace("<html>", f'<html lang="{language()}">', 1)
    for english, german in ((">Start</button>", ">Starten</button>"),
                            (">Session ended.<", ">Sitzung beendet – alles ist gespeichert.<"),
                            (">Restart</button>", ">Neu starten</button>")):
        html = html.replace(english, tr(german, english))
    (folder / "app_index.html").write_text(html, encoding="utf-8")
