"""Ingest speed: the full pipeline against its floor (reading and splitting sentences).

A corpus of 1,000 articles is made by varying the bundled samples and the
test fixtures (numbers, names, paragraph order), so every file is new to the
database. Each phase runs in a fresh process pinned to one core; peak memory
is that process's maximum resident set size.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from quizbot.resources import seeds_dir

CORPUS_SIZE = 1000
SMALL_SIZE = 100
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
NAMES = [("Putin", "Scholz"), ("Kim", "Macron"), ("Wladiwostok", "Hamburg"), ("Moskau", "Paris"),
         ("Pjöngjang", "Madrid"), ("Trump", "Meloni"), ("Nordkorea", "Portugal")]

# The code each phase runs in its own process; prints one JSON line.
_PHASE = r"""
import hashlib, json, os, resource, sys, time
from pathlib import Path
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
phase, folder, db, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
files = sorted(folder.glob("*"))[:count]

def peak_mb():
    # VmHWM is this process's own high-water mark; ru_maxrss would keep the parent's across exec
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

started = time.perf_counter()
if phase == "floor":
    from quizbot.ingest import parse_article
    from quizbot.text import split_sentences
    sentences = 0
    for path in files:
        raw = path.read_bytes()
        sentences += len(split_sentences(parse_article(raw, path, file_hash=hashlib.sha256(raw).hexdigest()).text))
    result = {"sentences": sentences}
else:
    from quizbot.build import build
    from quizbot.store import Store
    stamps = [started]
    def progress(done, total, path):
        if done % 100 == 0:
            stamps.append(time.perf_counter())
    with Store(db) as store:
        report = build(files, store, progress=progress)
    result = {"new": report.new, "unchanged": report.unchanged, "skipped": len(report.skipped),
              "questions": report.questions,
              "block_ms": [(b - a) * 10 for a, b in zip(stamps, stamps[1:])]}
result.update(seconds=time.perf_counter() - started,
              megabytes=sum(p.stat().st_size for p in files) / 2**20,
              peak_mb=peak_mb())
print(json.dumps(result))
"""


def _templates() -> list[str]:
    paths = sorted(seeds_dir().glob("*.txt")) + sorted(FIXTURES.glob("*.txt")) + sorted(FIXTURES.glob("*.htm*"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _vary(text: str, number: int, rng: random.Random) -> str:
    """Another article in the same style: numbers shifted, names swapped, middle paragraphs shuffled."""
    text = re.sub(r"(?<![\d.,])(\d{2,4})(?![\d.,])", lambda m: str(int(m.group(1)) + number % 17 + 1), text)
    old, new = NAMES[number % len(NAMES)]
    text = text.replace(old, new)
    if text.lstrip().startswith("<"):
        return text  # HTML: keep the page structure
    separator = "\n\n" if "\n\n" in text else "\n"  # paragraphs: blank-line blocks, else lines
    paragraphs = text.split(separator)
    head, body, tail = paragraphs[:2], paragraphs[2:-2], paragraphs[-2:]  # title and footer stay put
    rng.shuffle(body)
    return separator.join(head + body + [f"Die Meldung trägt die Nummer {number}."] + tail)


def make_corpus(folder: Path, size: int = CORPUS_SIZE) -> None:
    rng = random.Random(7)
    templates = _templates()
    for number in range(size):
        template = templates[number % len(templates)]
        suffix = ".html" if template.lstrip().startswith("<") else ".txt"
        (folder / f"{number:04d}{suffix}").write_text(_vary(template, number, rng), encoding="utf-8")


def _phase(name: str, folder: Path, db: Path, count: int) -> dict:
    output = subprocess.run(
        [sys.executable, "-c", _PHASE, name, str(folder), str(db), str(count)],
        check=True, stdout=subprocess.PIPE, text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="quizbot-bench-") as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        make_corpus(folder)
        rows = [
            ("read + split sentences (floor)", CORPUS_SIZE, _phase("floor", folder, Path(tmp, "unused.db"), CORPUS_SIZE)),
            ("full pipeline, 100 articles", SMALL_SIZE, _phase("build", folder, Path(tmp, "small.db"), SMALL_SIZE)),
            ("full pipeline, 1,000 articles", CORPUS_SIZE, _phase("build", folder, Path(tmp, "big.db"), CORPUS_SIZE)),
            ("unchanged re-ingest, 1,000", CORPUS_SIZE, _phase("build", folder, Path(tmp, "big.db"), CORPUS_SIZE)),
        ]
    html = sum(1 for n in range(CORPUS_SIZE) if _templates()[n % len(_templates())].lstrip().startswith("<"))
    print(f"corpus: {CORPUS_SIZE} articles ({html} HTML), {rows[0][2]['megabytes']:.1f} MB, "
          f"varied from {len(_templates())} samples and fixtures; one core each phase")
    print(f"{'phase':34} {'seconds':>8} {'articles/s':>11} {'MB/s':>7} {'peak MB':>8}")
    for label, count, result in rows:
        print(f"{label:34} {result['seconds']:8.2f} {count / result['seconds']:11.0f} "
              f"{result['megabytes'] / result['seconds']:7.2f} {result['peak_mb']:8.0f}")
    small, big, again = rows[1][2], rows[2][2], rows[3][2]
    blocks = big["block_ms"]
    print("ms per article in each block of 100 (flat = linear): " + " ".join(f"{ms:.0f}" for ms in blocks))
    print(f"later blocks vs first: {sum(blocks[1:]) / len(blocks[1:]) / blocks[0]:.2f} "
          f"(the first block also loads the lexicons); peak memory {small['peak_mb']:.0f} MB at 100 articles, "
          f"{big['peak_mb']:.0f} MB at 1,000")
    print(f"floor {rows[0][2]['seconds'] / CORPUS_SIZE * 1000:.1f} ms per article; "
          f"{big['questions']} questions from {big['new']} new articles; "
          f"re-ingest: {again['unchanged']} unchanged, {big['skipped']} skipped")
