"""JSON Lines: one question a line, for other tools and for review.

Fields: id, key, kind, question, answer, accepted, choices (choice only),
correct and correction (truefalse only), answer_type, hint,
article {file, title, date, source}, sentence (verbatim from the cleaned
article), score.
"""

from __future__ import annotations

import json
from typing import TextIO

BINARY = False
SUFFIX = ".jsonl"


def record(question: dict) -> dict:
    """The exported shape of one question as ``Store.questions`` returns it."""
    kind = question["kind"]
    exported = {
        "id": question["id"],
        "key": question.get("key"),
        "kind": kind,
        "question": question["question"],
        "answer": question["answer"],
        "accepted": list(question.get("accepted") or [question["answer"]]),
    }
    if kind == "choice":
        exported["choices"] = list(question.get("choices") or [])
    if kind == "truefalse":
        exported["correct"] = bool(question.get("correct"))
        exported["correction"] = question.get("correction")
    exported.update(
        answer_type=question.get("answer_type"),
        hint=question.get("hint"),
        article={key: question["article"].get(key) for key in ("file", "title", "date", "source")},
        sentence=question.get("sentence"),
        score=question.get("score"),
    )
    return exported


def write(questions: list[dict], out: TextIO) -> None:
    for question in questions:
        out.write(json.dumps(record(question), ensure_ascii=False) + "\n")
