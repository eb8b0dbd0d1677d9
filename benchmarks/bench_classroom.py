"""A class answering at once: 30 learner processes × 20 answers into one database file.

Each learner is a real ``quizbot play --plain`` process (its own Python, its
own SQLite connection), driven line by line through its stdin/stdout pipes by
one thread of this benchmark. All processes are launched together; each thread
waits until its learner sees question 1, then all start answering at the same
moment (a barrier) and answer with no thinking time: far more write pressure
than a real class, where answers come seconds apart.

Latency is measured per answer from outside, as the learner experiences it:
from writing the answer line into the pipe to reading the whole reply up to
the next question (or, after the last answer, the score). That includes
grading, both commits (the attempt and its Leitner box), waiting for other
writers' locks, the output, and the scheduling of 30 processes on this
machine's cores.

Three runs, same database content, same learners' seeds:
(a) one learner alone: no waiting for anyone (baseline);
(b) 30 learners, each on their own copy of the database: the cost of 30
    processes sharing the CPU, but no shared file;
(c) 30 learners on one shared file: (c) minus (b) is what sharing costs.
    Writers queue for one lock: while they wait (asleep in SQLite's busy
    handler) fewer processes compete for the CPU, so the median can come out
    lower than in (b) while the tail is longer; compare the p95.
After each run the database is read back: attempts recorded (must be
learners × answers), lost, and "database is locked" seen in any output.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

LEARNERS = 30
ANSWERS = 20
REPLY_TIMEOUT_S = 120.0
LOCK_ERROR = "database is locked"
# What the chat says when a save failed (the answer has to be sent again).
SAVE_FAILED = ("konnte nicht gespeichert werden", "ist gerade nicht erreichbar")


def learner_command(db: Path, name: str, seed: int, count: int) -> list[str]:
    return [sys.executable, "-m", "quizbot", "--lang", "de", "play", "--plain",
            "--learner", name, "--count", str(count), "--seed", str(seed), "--db", str(db)]


def learner_env() -> dict[str, str]:
    env = {**os.environ, "QUIZBOT_LANG": "de"}
    env.pop("QUIZBOT_DB", None)
    return env


def answer_for(question_block: str, number: int) -> str:
    """A plausible answer for the kind of question on screen (some right, most wrong)."""
    if "(ja/nein)" in question_block:
        return "ja" if number % 2 else "nein"
    if "\n  A) " in question_block:
        return "ABCD"[number % 4]
    return ("1991", "500 Millionen Euro", "Wladiwostok", "zwei")[number % 4]


@dataclass
class Learner:
    """One ``quizbot play --plain`` process, driven answer by answer."""

    db: Path
    name: str
    seed: int
    count: int
    log_dir: Path
    latencies: list[float] = field(default_factory=list)
    output: bytearray = field(default_factory=bytearray)
    failure: Optional[str] = None

    def launch(self) -> None:
        self.stderr_path = self.log_dir / f"{self.name}.err"
        self.process = subprocess.Popen(
            learner_command(self.db, self.name, self.seed, self.count), stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=self.stderr_path.open("wb"), env=learner_env(), bufsize=0,
        )

    def wait_for(self, marker: str) -> None:
        """Read the process's output until ``marker`` appears in what was not read before."""
        wanted = marker.encode()
        start = len(self.output)
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while wanted not in self.output[max(0, start - len(wanted)):]:
            chunk = os.read(self.process.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError(f"{self.name}: output ended before {marker!r}")
            self.output += chunk
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name}: no {marker!r} within {REPLY_TIMEOUT_S:.0f} s")

    def answer(self, number: int) -> None:
        """Send answer ``number`` (1-based) and time it until the next question or the score."""
        block = self.output.decode(errors="replace").rsplit("\nFrage ", 1)[-1]
        line = answer_for(block, number)
        marker = f"Frage {number + 1} von {self.count}" if number < self.count else "\nErgebnis\n"
        started = time.perf_counter()
        self.process.stdin.write(f"{line}\n".encode())
        self.wait_for(marker)
        self.latencies.append(time.perf_counter() - started)

    def play(self, together: threading.Barrier) -> None:
        try:
            self.wait_for(f"Frage 1 von {self.count}")
            together.wait()
            for number in range(1, self.count + 1):
                self.answer(number)
        except (RuntimeError, threading.BrokenBarrierError, OSError) as error:
            self.failure = str(error)
            together.abort()
        finally:
            self.process.stdin.close()  # end of input: the session ends cleanly
            self.output += self.process.stdout.read()
            self.process.wait(timeout=REPLY_TIMEOUT_S)

    def everything_printed(self) -> str:
        return self.output.decode(errors="replace") + self.stderr_path.read_text(errors="replace")


@dataclass
class RunResult:
    learners: list[Learner]
    wall: float
    answering: float
    recorded: int

    @property
    def latencies(self) -> list[float]:
        return [t for learner in self.learners for t in learner.latencies]

    def count_in_output(self, *phrases: str) -> int:
        return sum(learner.everything_printed().count(p) for learner in self.learners for p in phrases)


def play_together(dbs: list[Path], count: int, log_dir: Path) -> RunResult:
    """Launch one learner per database path (paths may repeat: a shared file) and let them answer."""
    learners = [Learner(db, f"lerner-{i + 1:02d}", seed=i + 1, count=count, log_dir=log_dir)
                for i, db in enumerate(dbs)]
    started = time.perf_counter()
    answering_from = []
    together = threading.Barrier(len(learners), action=lambda: answering_from.append(time.perf_counter()))
    for learner in learners:
        learner.launch()
    threads = [threading.Thread(target=learner.play, args=(together,)) for learner in learners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    finished = time.perf_counter()
    failures = [learner.failure for learner in learners if learner.failure]
    if failures:
        raise RuntimeError(f"{len(failures)} learner(s) failed, first: {failures[0]}")
    return RunResult(learners, wall=finished - started, answering=finished - answering_from[0],
                     recorded=sum(_attempts_in(db) for db in dict.fromkeys(dbs)))


def _attempts_in(db: Path) -> int:
    from quizbot.store import Store

    with Store(db, create=False) as store:
        return len(store.attempts())


def sample_db(folder: Path) -> Path:
    """The bundled samples, built once; the runs play on copies of this file."""
    from quizbot.build import build
    from quizbot.resources import seeds_dir
    from quizbot.store import Store

    path = folder / "samples.db"
    with Store(path) as store:
        build([seeds_dir()], store)
    return path  # closed: the WAL is checkpointed into the file, a plain copy is complete


def copies(original: Path, folder: Path, how_many: int) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"class-{i + 1:02d}.db" for i in range(how_many)]
    for path in paths:
        shutil.copyfile(original, path)
    return paths


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:6.0f} ms"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[round(0.95 * (len(ordered) - 1))]


def report(label: str, result: RunResult, expected: int) -> None:
    timings = result.latencies
    print(f"  {label:<34} p50 {_ms(statistics.median(timings))}   p95 {_ms(_p95(timings))}"
          f"   max {_ms(max(timings))}   wall {result.wall:5.1f} s (answering {result.answering:4.1f} s)")
    print(f"  {'':<34} attempts recorded {result.recorded}/{expected}, lost {expected - result.recorded}, "
          f"\"{LOCK_ERROR}\" {result.count_in_output(LOCK_ERROR)}, "
          f"save failed {result.count_in_output(*SAVE_FAILED)}, tracebacks {result.count_in_output('Traceback')}")


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        original = sample_db(folder)
        print(f"{LEARNERS} learner processes × {ANSWERS} answers, `quizbot play --plain` driven through pipes, "
              "all answering at once with no thinking time; answer written -> reply up to the next question read")
        alone = play_together(copies(original, folder / "alone", 1), ANSWERS, folder)
        report("(a) 1 learner alone (baseline)", alone, ANSWERS)
        apart = play_together(copies(original, folder / "apart", LEARNERS), ANSWERS, folder)
        report(f"(b) {LEARNERS} learners, own database each", apart, LEARNERS * ANSWERS)
        shared = copies(original, folder / "shared", 1) * LEARNERS
        together = play_together(shared, ANSWERS, folder)
        report(f"(c) {LEARNERS} learners, ONE shared file", together, LEARNERS * ANSWERS)
        p50 = statistics.median(together.latencies) - statistics.median(apart.latencies)
        p95 = _p95(together.latencies) - _p95(apart.latencies)
        print(f"  sharing one file, (c) - (b): p50 {p50 * 1000:+.0f} ms, p95 {p95 * 1000:+.0f} ms")


if __name__ == "__main__":
    run()
