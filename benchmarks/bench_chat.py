"""The quiz chat's speed: start to first question, and answer to verdict.

(a) floor: a minimal Textual app started headless until its text is laid out
    on the screen, then stopped, in a fresh process (imports included).
(b) quizbot: ``quizbot play`` on the bundled samples (built before timing),
    headless, until the first question is on screen, then stopped; same run.
(c) answer -> verdict on a database of 100,000 questions (built by bulk saves
    through the store, outside the timing): ``QuizSession.handle`` with the
    commit of the attempt, and the same through the app (Enter to verdict shown).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTS = 7
ANSWERS = 60
QUESTIONS = 100_000
QUESTIONS_PER_ARTICLE = 500

FLOOR_SCRIPT = """
import time; started = time.perf_counter()
import asyncio
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("Frage 1 von 10")

async def main():
    app = Minimal()
    async with app.run_test(size=(80, 24)):
        while not (app.query(Static) and app.query_one(Static).region):
            await asyncio.sleep(0.001)  # not pilot.pause(): its idle detection adds sleeps
        shown = time.perf_counter()
    print(shown - started, time.perf_counter() - started)

asyncio.run(main())
"""

QUIZBOT_SCRIPT = """
import time; started = time.perf_counter()
import asyncio, sys
import quizbot.cli
from quizbot.cli.play import open_session
from quizbot.session import QuizOptions
from quizbot.tui.app import QuizApp

async def main():
    app = QuizApp(lambda: open_session(sys.argv[1], QuizOptions(seed=1), "bench"))
    async with app.run_test(size=(80, 24)):
        while not (app.chat.query(".-question") and app.chat.query(".-question").first().region):
            await asyncio.sleep(0.001)  # laid out on the screen, same test as the floor's
        shown = time.perf_counter()
    print(shown - started, time.perf_counter() - started)

asyncio.run(main())
"""


def _timed_process(script: str, *args: str) -> tuple[float, float]:
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                            check=True, timeout=120)
    shown, stopped = map(float, result.stdout.split())
    return shown, stopped


def _sample_db(folder: Path) -> Path:
    from quizbot.build import build
    from quizbot.resources import seeds_dir
    from quizbot.store import Store

    path = folder / "samples.db"
    with Store(path) as store:
        build([seeds_dir()], store)
    return path


def _big_db(folder: Path, questions: int = QUESTIONS) -> Path:
    """Articles with generated sentences and open questions, saved in bulk through the store."""
    from quizbot.models import Article, Question, Sentence
    from quizbot.store import Store

    rng = random.Random(5)
    towns = ["Bremen", "Kassel", "Jena", "Ulm", "Trier", "Passau", "Rostock", "Aachen"]
    path = folder / "big.db"
    with Store(path) as store:
        for number in range(questions // QUESTIONS_PER_ARTICLE):
            town = towns[number % len(towns)]
            sentences, items = [], []
            for index in range(QUESTIONS_PER_ARTICLE):
                amount = rng.randint(2, 900)
                sentences.append(Sentence(index=index, paragraph=index // 5,
                                          text=f"In {town} kostet Projekt {index} genau {amount} Millionen Euro."))
                items.append(Question(kind="open", question=f"Was kostet Projekt {index} in {town}?",
                                      answer=f"{amount} Millionen Euro", sentence_index=index,
                                      answer_type="amount", accepted=[f"{amount} Millionen Euro"],
                                      score=rng.random(), key=f"a{number}-q{index}"))
            article = Article(path=f"/bench/{number}.txt", file=f"{number}.txt", title=f"Haushalt {town} {number}",
                              text=" ".join(s.text for s in sentences), hash=str(number),
                              date="2024-01-15", source="Bench-Zeitung")
            store.save_article(article, sentences, [], items)
    return path


def _session_latencies(db: Path) -> list[float]:
    from quizbot.session import QuizOptions, QuizSession
    from quizbot.store import Store

    session = QuizSession(Store(db), QuizOptions(count=ANSWERS, seed=3), "bench-core")
    session.start()
    timings = []
    for number in range(ANSWERS):
        answer = session.current["answer"] if number % 2 else "17 Millionen Euro"
        started = time.perf_counter()
        session.handle(answer)
        timings.append(time.perf_counter() - started)
    return timings


def _app_latencies(db: Path) -> list[float]:
    from quizbot.session import QuizOptions, QuizSession
    from quizbot.store import Store
    from quizbot.tui.app import QuizApp
    from quizbot.tui.widgets import ChatMessage

    async def main() -> list[float]:
        app = QuizApp(lambda: QuizSession(Store(db), QuizOptions(count=ANSWERS, seed=4), "bench-app"))
        timings = []
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            for number in range(ANSWERS - 1):
                answer = app.session.current["answer"] if number % 2 else "17 Mio. Euro"
                started = time.perf_counter()
                app.submit(answer)
                # shown = the verdict is laid out on the screen (yield to the event loop
                # without the pilot's idle sleeps, which would dominate the figure)
                verdict = app.chat.query(ChatMessage).filter(".-verdict").last()
                while not verdict.region:
                    await asyncio.sleep(0)
                timings.append(time.perf_counter() - started)
                await pilot.pause()
        return timings

    return asyncio.run(main())


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def run() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        samples = _sample_db(folder)
        floors, starts = [], []
        for _ in range(STARTS):  # interleaved, so both see the same machine load
            floors.append(_timed_process(FLOOR_SCRIPT))
            starts.append(_timed_process(QUIZBOT_SCRIPT, str(samples)))
        floor_shown = statistics.median(s for s, _ in floors)
        quiz_shown = statistics.median(s for s, _ in starts)
        print(f"start to first screen, headless, median of {STARTS} fresh processes")
        print(f"  (a) minimal Textual app (floor)         {_ms(floor_shown)}")
        print(f"  (b) quizbot: first question on screen   {_ms(quiz_shown)}")
        print(f"      over the floor                      {_ms(quiz_shown - floor_shown)}   target +150 ms")

        built = time.perf_counter()
        big = _big_db(folder)
        print(f"\nanswer to verdict, {QUESTIONS:,} questions (built in {time.perf_counter() - built:.1f} s)")
        core = _session_latencies(big)
        app = _app_latencies(big)
        for label, timings in (("session.handle + commit", core), ("in the app, Enter to verdict", app)):
            ordered = sorted(timings)
            p95 = ordered[int(0.95 * (len(ordered) - 1))]
            print(f"  {label:<32} median {_ms(statistics.median(timings))}   p95 {_ms(p95)}   target <= 50 ms")
