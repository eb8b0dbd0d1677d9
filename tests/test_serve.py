"""``quizbot serve``: the real command in a subprocess, answering on a free localhost port."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from chat_material import build_quiz_db, empty_db
from quizbot.cli.serve import reachable_from_elsewhere
from quizbot.quizzes import create_quiz
from quizbot.store import Store

START_TIMEOUT_S = 15.0
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[\]P^_][^\x1b\x07]*(\x07|\x1b\\)|\x1b.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def quizbot_serve(*args: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "QUIZBOT_LANG": "de"}
    env.pop("QUIZBOT_DB", None)
    return subprocess.Popen([sys.executable, "-m", "quizbot", *args], env=env,
                            stdout=(log / "out.txt").open("wb"), stderr=(log / "err.txt").open("wb"))


def quizbot(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QUIZBOT_LANG": "de"}
    env.pop("QUIZBOT_DB", None)
    return subprocess.run([sys.executable, "-m", "quizbot", *args], env=env, capture_output=True,
                          text=True, timeout=60)


async def page_when_up(server: subprocess.Popen, url: str) -> str:
    """Poll until the server answers HTTP (or has died, or the time is up)."""
    deadline = time.monotonic() + START_TIMEOUT_S
    async with aiohttp.ClientSession() as client:
        while True:
            assert server.poll() is None, "quizbot serve exited before answering"
            try:
                async with client.get(url) as response:
                    assert response.status == 200
                    return await response.text()
            except aiohttp.ClientConnectionError:
                assert time.monotonic() < deadline, f"no answer from {url}"
                await asyncio.sleep(0.05)  # poll interval, not a wait for an outcome


class Tab:
    """A browser tab's side of the websocket: the screen as text, keys typed."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.websocket = websocket
        self.screen = b""

    async def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S  # for all of it: the app also sends while idle
        while text not in self.text():
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} not on the screen: {self.text()[-2000:]!r}"
            try:
                message = await asyncio.wait_for(self.websocket.receive(), left)
            except asyncio.TimeoutError:
                raise AssertionError(f"{text!r} not on the screen: {self.text()[-2000:]!r}") from None
            assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
            if message.type == aiohttp.WSMsgType.BINARY:
                self.screen += message.data

    def text(self) -> str:
        return ANSI.sub(b"", self.screen).decode("utf-8", "replace")

    async def type(self, keys: str) -> None:
        await self.websocket.send_json(["stdin", keys])


def answer_for(question: str) -> str:
    """An answer the chat records for a question of any kind (the tab's quiz is not seeded)."""
    if "A, B, C or D" in question:  # the input's placeholder says what the question takes
        return "A"
    if "yes or no" in question:
        return "yes"
    return "1893"


def chat_processes(db: Path) -> list[int]:
    """Process ids of ``quizbot play`` on this database (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"play" in command and str(db).encode() in command:
            found.append(int(entry.name))
    return found


async def wait_until_gone(pids: list[int]) -> list[int]:
    deadline = time.monotonic() + START_TIMEOUT_S
    while (alive := [pid for pid in pids if Path(f"/proc/{pid}").exists()]) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return alive


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads processes from /proc")
async def test_serve_answers_on_localhost_and_each_tab_gets_the_full_screen_chat(tmp_path):
    db = build_quiz_db(tmp_path / "class.db")
    port = free_port()
    server = quizbot_serve("--lang", "en", "serve", "--port", str(port), "--db", str(db), log=tmp_path)
    try:
        page = await page_when_up(server, f"http://127.0.0.1:{port}/")
        assert "<title>quizbot</title>" in page
        assert "/static/js/textual.js" in page  # textual-serve's page ...
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
        assert "fonts.googleapis.com" not in page  # ... loading nothing from elsewhere
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30") as websocket:
                tab = Tab(websocket)
                # the full-screen chat (not line mode), in English, over --db
                await tab.wait_for("What is your name?")
                await tab.wait_for("Siemens investiert in Erlangen")
                assert chat_processes(db), "no quizbot play process for the tab"
                await tab.type("Lena\r")
                await tab.wait_for("Question 1 of 10")
                await tab.wait_for("– /help for commands")  # the input's placeholder for the question
                answer = answer_for(tab.text().split("Question 1 of 10", 1)[1])
                await tab.type(answer + "\r")
                await tab.wait_for("Question 2 of 10")
                conn = sqlite3.connect(db)
                assert conn.execute("select l.name, a.given from attempts a "
                                    "join learners l on l.id = a.learner_id").fetchall() == [("Lena", answer)]
                conn.close()
                tab_processes = chat_processes(db)
                server.send_signal(signal.SIGINT)  # Ctrl+C while a tab is open
                assert server.wait(timeout=START_TIMEOUT_S) == 0
        assert await wait_until_gone(tab_processes) == []
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    out, err = (tmp_path / "out.txt").read_text(), (tmp_path / "err.txt").read_text()
    assert out.startswith(f"quizbot in the browser: http://127.0.0.1:{port}\nDatabase: {db}\n")
    assert "quizbot serve stopped." in out
    assert "Warning" not in err and "Traceback" not in out + err


def test_a_port_in_use_is_one_clear_line(tmp_path):
    db = build_quiz_db(tmp_path / "class.db")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = quizbot("serve", "--port", str(port), "--db", str(db))
    assert result.returncode == 1
    assert result.stderr == f"quizbot: Port {port} ist schon belegt – einen anderen wählen, z. B. --port {port + 1}.\n"
    assert result.stdout == ""


def test_a_host_not_of_this_machine_is_one_clear_line(tmp_path):
    result = quizbot("serve", "--host", "203.0.113.7", "--port", str(free_port()),  # documentation range
                     "--db", str(build_quiz_db(tmp_path / "class.db")))
    assert result.returncode == 1
    assert result.stderr == "quizbot: Die Adresse 203.0.113.7 gehört nicht zu diesem Rechner.\n"


def test_a_missing_or_empty_database_is_said_before_serving(tmp_path):
    missing = quizbot("serve", "--port", str(free_port()), "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 1 and missing.stderr.startswith("quizbot: Datenbank nicht gefunden")
    empty = empty_db(tmp_path / "empty.db")
    no_questions = quizbot("serve", "--port", str(free_port()), "--db", str(empty))
    assert no_questions.returncode == 1
    assert "enthält noch keine Fragen" in no_questions.stderr and no_questions.stderr.count("\n") == 1


async def test_every_tab_plays_the_quiz_set_named(tmp_path):
    db = build_quiz_db(tmp_path / "class.db")
    with Store(db) as store:
        ids = store.question_ids_for_keys(["wx-cloze-year", "eco-open-amount"])
        create_quiz(store, "7b", question_ids=[ids["wx-cloze-year"], ids["eco-open-amount"]], fixed_order=True)
    port = free_port()
    server = quizbot_serve("serve", "--port", str(port), "--quiz", "7B", "--db", str(db), log=tmp_path)
    try:
        page = await page_when_up(server, f"http://127.0.0.1:{port}/")
        assert '<html lang="de">' in page  # textual-serve's own words, in German
        assert ">Starten</button>" in page and ">Neu starten</button>" in page and "Restart" not in page
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30") as websocket:
                tab = Tab(websocket)
                await tab.wait_for("Wie heißt du?")
                await tab.type("Lena\r")
                await tab.wait_for("Frage 1 von 2")
                await tab.type("1893\r")
                await tab.wait_for("Frage 2 von 2")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=START_TIMEOUT_S)
    assert (tmp_path / "out.txt").read_text().splitlines()[2] == "Quiz: 7b"
    conn = sqlite3.connect(db)
    assert conn.execute("select a.given, q.name from attempts a join quizzes q on q.id = a.quiz_id").fetchall() \
        == [("1893", "7b")]
    conn.close()


@pytest.mark.parametrize("disable, message", [
    (False, "quizbot: Unbekanntes Quiz „8c“ – quizbot quiz list zeigt alle Quizze.\n"),
    (True, "quizbot: Das Quiz „8c“ hat keine freigegebenen Fragen mehr"),
])
def test_an_unknown_or_empty_quiz_is_said_before_serving(tmp_path, disable, message):
    db = build_quiz_db(tmp_path / "class.db")
    if disable:
        with Store(db) as store:
            [qid] = store.question_ids_for_keys(["wx-cloze-year"]).values()
            create_quiz(store, "8c", question_ids=[qid])
            store.edit_question("wx-cloze-year", disabled=True)
    result = quizbot("serve", "--port", str(free_port()), "--quiz", "8c", "--db", str(db))
    assert result.returncode == 1 and result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_listening_on_every_interface_warns_that_other_machines_can_join(tmp_path):
    server = quizbot_serve("serve", "--host", "0.0.0.0", "--port", str(free_port()),
                           "--db", str(build_quiz_db(tmp_path / "class.db")), log=tmp_path)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while "Beenden mit Strg+C." not in (tmp_path / "out.txt").read_text():
            assert server.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)  # poll interval
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=START_TIMEOUT_S)
    warning = (tmp_path / "err.txt").read_text()
    assert warning.startswith("Achtung: quizbot ist jetzt von allen Rechnern im Netz erreichbar – ohne Anmeldung")


@pytest.mark.parametrize("addresses, elsewhere", [
    (["127.0.0.1"], False),
    (["::1", "127.0.0.1"], False),
    (["127.0.1.1"], False),
    (["0.0.0.0"], True),
    (["::"], True),
    (["192.168.1.20"], True),
    (["127.0.0.1", "10.0.0.5"], True),
    (["fe80::1%eth0"], True),
])
def test_which_addresses_other_machines_can_reach(addresses, elsewhere):
    assert reachable_from_elsewhere(addresses) is elsewhere


def test_the_command_line_does_not_load_textual_serve_until_serving():
    code = ("import sys, quizbot.cli\n"
            "print('serve' in quizbot.cli.cli.list_commands(None))  # every command module loaded\n"
            "print('textual_serve' in sys.modules, 'aiohttp' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines() == ["True", "False False"], result.stderr
