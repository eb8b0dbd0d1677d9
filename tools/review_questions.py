#!/usr/bin/env python3
"""Print a random sample of generated questions for a human review.

    python tools/review_questions.py                  # 30 questions from the bundled samples
    python tools/review_questions.py tests/articles -n 20 --kind open
    python tools/review_questions.py artikel/ --seed 7 --lang en

Articles are read and processed as `quizbot ingest` does (facts of the other
articles serve as the distractor pool), but nothing is stored. Each question is
shown with its answer, its options or correction, and the sentence it was made
from, so that a reviewer can judge: well-formed German? answerable from the
question plus the named article? answer correct?
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizbot.facts import extract_facts  # noqa: E402
from quizbot.i18n import set_language, tr  # noqa: E402
from quizbot.ingest import ARTICLE_SUFFIXES, IngestError, parse_article  # noqa: E402
from quizbot.models import Question  # noqa: E402
from quizbot.questions import generate  # noqa: E402
from quizbot.resources import seeds_dir  # noqa: E402
from quizbot.text import split_sentences  # noqa: E402

KINDS = ("open", "cloze", "choice", "truefalse")


def article_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for given in paths or [str(seeds_dir())]:
        path = Path(given)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise SystemExit(tr(f"review_questions: {given}: nicht gefunden", f"review_questions: {given}: not found"))
    return files


def questions_of(files: list[Path]) -> list[tuple[str, dict[int, str], Question]]:
    """(file name, sentence texts by index, question) for every kept question of every article."""
    read = []
    for path in files:
        raw = path.read_bytes()
        try:
            article = parse_article(raw, path, file_hash=hashlib.sha256(raw).hexdigest())
        except IngestError as error:
            print(f"{path.name}: {error}", file=sys.stderr)
            continue
        sentences = split_sentences(article.text)
        read.append((article, sentences, extract_facts(article, sentences)))
    found = []
    for article, sentences, facts in read:
        pool = [fact for other, _, other_facts in read if other is not article for fact in other_facts]
        texts = {s.index: s.text for s in sentences}
        found.extend((article.file, texts, q) for q in generate(article, sentences, facts, pool))
    return found


def show(number: int, total: int, file: str, sentences: dict[int, str], q: Question) -> str:
    lines = [f"[{number}/{total}] {q.kind} · {q.answer_type} · score {q.score:.2f} · {file} #{q.sentence_index}"]
    lines.append(f"  {tr('Frage', 'Question')}:   {q.question}")
    if q.kind == "truefalse":
        verdict = tr("richtig", "true") if q.correct else tr("falsch", "false")
        lines.append(f"  {tr('Lösung', 'Answer')}:  {verdict}" + (f" — {q.correction}" if q.correction else ""))
    else:
        lines.append(f"  {tr('Antwort', 'Answer')}: {q.answer}" + (f"   ({q.hint})" if q.kind == "cloze" and q.hint else ""))
    if q.choices:
        lines.append(f"  {tr('Optionen', 'Options')}: " + " | ".join(q.choices))
    lines.append(f"  {tr('Satz', 'Sentence')}:    {sentences.get(q.sentence_index, '')}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="article files or folders (default: the bundled samples)")
    parser.add_argument("-n", type=int, default=30, help="how many questions to show (default 30)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random sample (default 0)")
    parser.add_argument("--kind", choices=KINDS, help="only questions of this kind")
    parser.add_argument("--lang", choices=("de", "en"), default="de", help="language of hints and labels")
    args = parser.parse_args(argv)
    set_language(args.lang)
    found = questions_of(article_files(args.paths))
    if args.kind:
        found = [item for item in found if item[2].kind == args.kind]
    kinds = Counter(q.kind for _, _, q in found)
    by_kind = ", ".join(f"{kind}: {kinds[kind]}" for kind in KINDS if kinds[kind])
    print(tr(f"{len(found)} Fragen", f"{len(found)} questions") + f" — {by_kind}")
    sample = random.Random(args.seed).sample(found, min(args.n, len(found)))
    for number, (file, sentences, question) in enumerate(sample, 1):
        print()
        print(show(number, len(sample), file, sentences, question))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
