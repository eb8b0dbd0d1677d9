"""Grading: quizbot's grader against the fuzz.ratio >= 80 baseline on labelled answers.

Accuracy, false accepts (a wrong answer counted right, the worst failure) and
false rejects on the shared development set, on tests/data/grading_cases.jsonl (the
cases the grader was built on), on tests/data/grading_heldout.jsonl (written before
the grader was run on it), on tests/data/grading_fresh.jsonl (written before the grader
or its docs were read), on tests/data/grading_fresh2.jsonl (aimed at false accepts, written
before the grader's rules were read) and on tests/data/grading_walkthrough.jsonl (what a user
walkthrough found), then the time to grade one answer. Latency is measured per answer with every
per-answer cache emptied first (the lexicons stay loaded, as in a running quiz).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from rapidfuzz import fuzz

from quizbot import grading, phonetics, variants

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SETS = ("grading_dev.jsonl", "grading_cases.jsonl", "grading_heldout.jsonl", "grading_fresh.jsonl",
        "grading_fresh2.jsonl", "grading_walkthrough.jsonl")
ROUNDS = 5


def _cases(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _quizbot(case: dict) -> bool:
    return grading.grade(case["expected"], case["given"], accepted=case.get("accepted", ()),
                         answer_type=case.get("answer_type"), choices=case.get("choices")).accepted


def _baseline(case: dict) -> bool:
    forms = [case["expected"], *case.get("accepted", ())]
    return any(fuzz.ratio(form, case["given"]) >= 80 for form in forms)


def _score(judge, cases: list[dict]) -> tuple[float, int, int]:
    false_accepts = false_rejects = 0
    for case in cases:
        said = judge(case)
        false_accepts += said and case["label"] == "reject"
        false_rejects += not said and case["label"] == "accept"
    return 1 - (false_accepts + false_rejects) / len(cases), false_accepts, false_rejects


def _empty_caches() -> None:
    for cached in (grading._quantities, grading._expected_quantity, grading.word_match, grading._measure_word, grading._tokens,
                   phonetics.cologne, variants.key):
        cached.cache_clear()


def _latencies(judge, cases: list[dict], *, cold: bool) -> list[float]:
    """Per answer: the best of ROUNDS timings (the others include other processes' noise)."""
    best = [float("inf")] * len(cases)
    for _ in range(ROUNDS):
        for index, case in enumerate(cases):
            if cold:
                _empty_caches()
            started = time.perf_counter()
            judge(case)
            best[index] = min(best[index], time.perf_counter() - started)
    return sorted(best)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f}"


def run() -> None:
    all_cases = []
    print(f"{'set':22} {'cases':>5}  {'grader':16} {'accuracy':>8} {'false acc.':>10} {'false rej.':>10}")
    for name in SETS:
        cases = _cases(name)
        all_cases += cases
        for label, judge in (("quizbot", _quizbot), ("fuzz.ratio >= 80", _baseline)):
            accuracy, false_accepts, false_rejects = _score(judge, cases)
            print(f"{name:22} {len(cases):5}  {label:16} {accuracy:8.1%} {false_accepts:10} {false_rejects:10}")
    print(f"\nlatency per answer over {len(all_cases)} answers (ms, best of {ROUNDS}):")
    print(f"{'grader':34} {'median':>8} {'p99':>8} {'max':>8}")
    for label, judge, cold in (("quizbot, per-answer caches empty", _quizbot, True),
                               ("quizbot, warm caches", _quizbot, False),
                               ("fuzz.ratio >= 80", _baseline, False)):
        times = _latencies(judge, all_cases, cold=cold)
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"{label:34} {_ms(statistics.median(times)):>8} {_ms(p99):>8} {_ms(times[-1]):>8}")
