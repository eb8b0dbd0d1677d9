"""Questions: generated, ranked and filtered on real articles (the samples and our own test articles)."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pytest

from quizbot import numbers
from quizbot.facts import extract_facts, organisations, places
from quizbot.i18n import set_language
from quizbot.ingest import ARTICLE_SUFFIXES, parse_article
from quizbot.models import Article, Question
from quizbot.questions import generate, is_question_material, question_key
from quizbot.resources import seeds_dir
from quizbot.text import fold, split_sentences
from quizbot.variants import group_of, key as spelling_key, kind_of

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).parent / "articles"
UNSEEN = Path(__file__).parent / "articles_unseen"  # written after the engine, never tuned on
FRESH = Path(__file__).parent / "articles_fresh"  # written for the second outside review


def read_all(folder: Path) -> list[tuple[Article, list, list]]:
    read = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES):
        raw = path.read_bytes()
        article = parse_article(raw, path, file_hash=hashlib.sha256(raw).hexdigest())
        sentences = split_sentences(article.text)
        read.append((article, sentences, extract_facts(article, sentences)))
    return read


def generate_all(read: list) -> dict[str, tuple[Article, list, list, list[Question]]]:
    """Questions per article, with the other articles' facts as the distractor pool (as the builder does)."""
    result = {}
    for article, sentences, facts in read:
        pool = [f for other, _, other_facts in read if other is not article for f in other_facts]
        result[article.file[:3] if article.file[0].isdigit() else article.file] = (
            article, sentences, facts, generate(article, sentences, facts, pool)
        )
    return result


@pytest.fixture(scope="module")
def seeds():
    return generate_all(read_all(seeds_dir()))


@pytest.fixture(scope="module")
def own():
    return generate_all(read_all(ARTICLES))


@pytest.fixture(scope="module")
def unseen():
    return generate_all(read_all(UNSEEN))


@pytest.fixture(scope="module")
def fresh():
    return generate_all(read_all(FRESH))


def all_questions(*generated) -> list[Question]:
    return [q for *_, questions in articles(*generated) for q in questions]


def articles(*generated) -> list[tuple[Article, list, list, list[Question]]]:
    """(article, sentences, facts, questions) of every article of the sets."""
    return [entry for one_set in generated for entry in one_set.values()]


def with_answer(questions: list[Question], answer: str, kind: str | None = None) -> list[Question]:
    """Questions whose answer (or, for true/false, whose fact) is ``answer``."""
    wanted = fold(answer)
    return [
        q for q in questions
        if (kind is None or q.kind == kind)
        and (fold(q.answer) == wanted or wanted in map(fold, q.accepted)
             or (q.kind == "truefalse" and q.correction and f"richtig ist: {wanted}." in fold(q.correction)))
    ]


# --------------------------------------------------------------------------
# Volume and coverage on the samples
# --------------------------------------------------------------------------


def test_at_least_150_questions_survive_ranking_on_the_samples(seeds):
    questions = all_questions(seeds)
    assert len(questions) >= 150
    kinds = Counter(q.kind for q in questions)
    assert all(kinds[kind] >= 20 for kind in ("open", "cloze", "choice", "truefalse")), kinds


@pytest.mark.parametrize(
    "answer",
    ["mehr als 10.000", "34 Millionen Dollar", "mehr als 2000 Tonnen", "130 Kilometer", "rund 6500 Kilometer",
     "Säbel", "Teeglas-Set", "2011", "Seouler Institut für Nordkoreastudien", "sehr substanziell",
     "Juri Uschakow", "Dmitri Medwedew", "70.", "dreieinhalbstündigen", "fast zwei Stunden", "2002"],
)
def test_the_facts_a_teacher_would_ask_about_are_covered(seeds, answer):
    assert with_answer(all_questions(seeds), answer), answer


def test_open_questions_read_as_german_w_questions_with_their_context(seeds):
    texts = {q.question: q.answer for q in all_questions(seeds) if q.kind == "open"}
    expected = {
        "Wie viele Nordkoreaner arbeiten laut dem Artikel „Treffen in Wladiwostok: Was Kim bei Putin erreichen will“ "
        "noch in Russland?": "mehr als 10.000",
        "Wie bezeichnete Kim laut dem Artikel „Betont gute Stimmung in Wladiwostok“ die Gespräche mit Putin?": "sehr substanziell",
        "Welcher Einrichtung gehört Jeong Young-tae laut dem Artikel „Treffen in Wladiwostok: Was Kim bei Putin "
        "erreichen will“ an?": "Seouler Institut für Nordkoreastudien",
        "Wer ist laut dem Artikel „Treffen in Wladiwostok: Was Kim bei Putin erreichen will“ russischer "
        "Präsidentenberater?": "Juri Uschakow",
        "Wie weit ist Wladiwostok laut dem Artikel vom 11. September 2023 von der Grenze zu Nordkorea entfernt?":
            "130 Kilometer",
        "Wie weit ist es laut dem Artikel vom 11. September 2023 von Wladiwostok nach Moskau?": "rund 6500 Kilometer",
        "In welchem Jahr traf Putin laut dem Artikel vom 25. April 2019 den Vater des aktuellen Machthabers?": "2002",
        "Wie lange dauert laut dem Artikel „Betont gute Stimmung in Wladiwostok“ die Fahrt aus Nordkorea "
        "nach Wladiwostok?": "rund neun Stunden",
    }
    for question, answer in expected.items():
        assert texts.get(question) == answer, question


def test_every_question_names_its_source(seeds, own, unseen, fresh):
    for q in all_questions(seeds, own, unseen, fresh):
        assert re.search(r"laut dem (?:\S+-)?artikel", q.question.lower()), q.question  # "laut dem taz-Artikel"


# --------------------------------------------------------------------------
# Filters: material, duplicates, give-aways
# --------------------------------------------------------------------------


def test_no_question_from_headlines_bylines_or_boilerplate(seeds):
    for article, sentences, _, questions in seeds.values():
        by_index = {s.index: s for s in sentences}
        for q in questions:
            sentence = by_index[q.sentence_index]
            assert is_question_material(sentence), sentence.text
            assert not any(mark in sentence.text for mark in ("Foto:", "APA/", "taz lesen", "Genossenschaft"))
    headings = [s.text for _, sentences, _, _ in seeds.values() for s in sentences if s.heading]
    assert "Putin befürwortet internationale Garantien für Nordkorea" in headings
    used = {q.sentence_index for q in seeds["004"][3]}
    assert not {s.index for s in seeds["004"][1] if s.text.startswith("Putin befürwortet")} & used


def test_no_duplicates(seeds, own, unseen, fresh):
    for *_, questions in articles(seeds, own, unseen, fresh):
        keys = [q.key for q in questions]
        assert len(keys) == len(set(keys))
        texts = [(q.kind, q.question) for q in questions]
        assert len(texts) == len(set(texts))


def test_no_answer_inside_its_own_question(seeds, own, unseen, fresh):
    for q in all_questions(seeds, own, unseen, fresh):
        if q.kind == "truefalse":
            continue
        words = f" {' '.join(fold(q.question).replace('_____', ' ').split())} "
        assert f" {fold(q.answer)} " not in words.replace(",", " ").replace(".", " ").replace("?", " "), q


def test_scores_are_ranked_and_above_the_threshold(seeds):
    for *_, questions in seeds.values():
        scores = [q.score for q in questions]
        assert scores == sorted(scores, reverse=True)
        assert all(0.5 <= s <= 1 for s in scores)


# --------------------------------------------------------------------------
# Choice: distractors of the same type, certainly wrong
# --------------------------------------------------------------------------


def test_choices_hold_the_answer_and_three_distinct_options(seeds, own, unseen, fresh):
    for q in all_questions(seeds, own, unseen, fresh):
        if q.kind == "choice":
            assert len(q.choices) == 4 and q.answer in q.choices
            assert len({fold(c) for c in q.choices}) == 4, q.choices


def test_number_distractors_share_kind_and_unit_but_not_the_value(seeds, own, unseen, fresh):
    checked = 0
    for article, sentences, facts, questions in articles(seeds, own, unseen, fresh):
        for q in questions:
            fact = facts[q.fact_index]
            if q.kind != "choice" or fact.kind not in ("amount", "count", "distance", "duration", "percent"):
                continue
            answer = numbers.parse_quantity(q.answer)
            for option in q.choices:
                parsed = numbers.parse_quantity(option)
                assert parsed is not None and parsed.unit == answer.unit, option
                # a count's label has no noun ("rund 1800"): alone it reads as a number, not a count
                assert fact.kind == "count" or parsed.kind == answer.kind, option
                if option != q.answer:
                    assert parsed.value != answer.value, (option, q.answer)
                    checked += 1
    assert checked >= 60


def test_the_trade_volume_is_confused_the_way_students_do(seeds):
    [q] = [q for q in with_answer(all_questions(seeds), "34 Millionen Dollar") if q.kind == "choice"]
    wrong = set(q.choices) - {q.answer}
    classic = {"43 Millionen Dollar", "3,4 Millionen Dollar", "340 Millionen Dollar"}
    assert wrong & classic and all(option.endswith("Dollar") for option in wrong)


def test_year_distractors_are_near_and_not_stated_near_the_sentence(seeds, unseen):
    def year(text: str) -> int:
        return int(re.search(r"\d{4}", text).group())

    for article, sentences, facts, questions in list(seeds.values()) + list(unseen.values()):
        by_index = {s.index: s.text for s in sentences}
        for q in questions:
            if q.kind == "choice" and q.answer_type == "year":
                nearby = " ".join(by_index.get(i, "") for i in range(q.sentence_index - 1, q.sentence_index + 2))
                for option in set(q.choices) - {q.answer}:
                    assert abs(year(option) - year(q.answer)) <= 10 and option not in nearby
                    assert option.replace(str(year(option)), "") == q.answer.replace(str(year(q.answer)), "")


def test_person_distractors_are_other_people_not_in_the_sentence(seeds, unseen):
    for article, sentences, facts, questions in list(seeds.values()) + list(unseen.values()):
        for q in questions:
            if q.kind == "choice" and q.answer_type == "person":
                in_sentence = {f.extra.get("full_name") for f in facts if f.sentence_index == q.sentence_index}
                wrong = set(q.choices) - {q.answer}
                assert not wrong & in_sentence
                assert all(len(name.split()) >= 2 for name in wrong)  # full names, like the answer


def test_place_distractors_fit_the_grammar_of_the_gap(seeds):
    for q in all_questions(seeds):
        if q.kind == "choice" and q.answer_type == "place" and q.answer == "USA":
            assert all(places()[option].article == "pl" for option in q.choices)  # plural names: "der USA"
        if q.kind == "choice" and q.answer.endswith("s") and q.answer_type == "place":
            assert all(option.endswith("s") for option in q.choices)  # genitive: "Nordkoreas Machthaber"


def test_organisation_options_fit_the_article_before_the_gap_and_are_no_synonyms(seeds, own, unseen, fresh):
    lexicon = organisations()
    checked = 0
    for article, sentences, facts, questions in articles(seeds, own, unseen, fresh):
        for q in questions:
            if q.kind == "choice" and q.answer_type == "organisation":
                fact = facts[q.fact_index]
                for option in set(q.choices) - {q.answer}:
                    known = lexicon.get(option)
                    assert known is None or known.canonical != fact.extra["canonical"], option
                    assert known is None or known.gender == fact.extra["gender"], (option, q.question)
                    checked += 1
    assert checked >= 9


# --------------------------------------------------------------------------
# True/false
# --------------------------------------------------------------------------


def test_truefalse_statements_are_balanced_and_corrected(seeds, own, unseen, fresh):
    statements = [q for q in all_questions(seeds, own, unseen, fresh) if q.kind == "truefalse"]
    true_share = sum(q.correct for q in statements) / len(statements)
    assert 0.35 <= true_share <= 0.65
    for article, sentences, facts, questions in articles(seeds, own, unseen, fresh):
        by_index = {s.index: s.text for s in sentences}
        for q in questions:
            if q.kind == "truefalse" and not q.correct:
                sentence = by_index[q.sentence_index]
                assert facts[q.fact_index].text in q.correction and sentence in q.correction
                assert sentence not in q.question  # one detail was changed
            elif q.kind == "truefalse":
                shown = re.sub(r" \((?:l|r)\.\)", "", by_index[q.sentence_index])  # photo position markers are not shown
                assert q.correction is None and shown in q.question


def test_a_false_statement_changes_exactly_the_fact(seeds, unseen):
    for article, sentences, facts, questions in list(seeds.values()) + list(unseen.values()):
        by_index = {s.index: s.text for s in sentences}
        for q in questions:
            if q.kind == "truefalse" and not q.correct:
                fact = facts[q.fact_index]
                sentence = by_index[q.sentence_index]
                before, after = sentence[: fact.start], sentence[fact.end :]
                after = re.sub(r" \((?:l|r)\.\)", "", after)  # photo position markers are not shown
                if fact.kind == "organisation":
                    after = re.sub(r"^ \([A-ZÄÖÜ]\w+\)", "", after)  # "der Bundestag (BGH)" would tell it is false
                assert before.lstrip().lower()[:20] in q.question.lower() and q.question.endswith(after)


# --------------------------------------------------------------------------
# Identity, determinism, hints
# --------------------------------------------------------------------------


def test_generation_is_deterministic(seeds):
    article, sentences, facts, questions = seeds["002"]
    pool = [f for key, (*_, other_facts, _) in seeds.items() if key != "002" for f in other_facts]
    again = generate(article, sentences, facts, pool)
    assert [asdict(q) for q in again] == [asdict(q) for q in questions]


def test_keys_survive_a_reingest_and_follow_the_sentence(seeds):
    article, sentences, facts, questions = seeds["003"]
    copy = Article(**{**asdict(article), "path": "/elsewhere/copy.txt", "file": "copy.txt"})
    again = generate(copy, sentences, facts)
    assert {q.key for q in again} & {q.key for q in questions}
    assert question_key("cloze", "Satz A.", "34") == question_key("cloze", "Satz A.", "34")
    assert question_key("cloze", "Satz A.", "34") != question_key("cloze", "Satz B.", "34")


def test_answers_carry_hints_and_accepted_spellings(seeds):
    questions = all_questions(seeds)
    [cloze] = [q for q in questions if q.kind == "cloze" and q.answer == "130 Kilometer"] or [None]
    amount = next(q for q in questions if q.kind != "truefalse" and q.answer_type == "amount")
    assert amount.hint == "Betrag mit Einheit"
    person = next(q for q in questions if q.kind == "open" and q.answer == "Putin")
    assert "Wladimir Putin" in person.accepted and person.hint == "Name einer Person"
    wladiwostok = next(q for q in questions if q.answer == "Wladiwostok")
    assert "Vladivostok" in wladiwostok.accepted or len(wladiwostok.accepted) >= 1


def test_hints_follow_the_language(seeds):
    article, sentences, facts, _ = seeds["003"]
    set_language("en")
    try:
        questions = generate(article, sentences, facts)
    finally:
        set_language("de")
    assert {q.hint for q in questions if q.answer_type == "distance" and q.kind != "truefalse"} == {"distance with unit"}


# --------------------------------------------------------------------------
# Our own articles: economy, sport, weather, science, politics, health, transport
# --------------------------------------------------------------------------


def test_every_own_article_gives_a_varied_set(own):
    assert len(own) >= 6
    for name, (*_, questions) in own.items():
        kinds = Counter(q.kind for q in questions)
        assert len(questions) >= 25 and len(kinds) == 4, (name, kinds)


@pytest.mark.parametrize(
    ("file", "question", "answer"),
    [
        ("wetter_unwetter.txt", "Wer ist laut dem Artikel „Unwetter über Süddeutschland: Keller geflutet, Bahnstrecken gesperrt“ Bayerns "
         "Ministerpräsident?", "Markus Söder"),
        ("wirtschaft_inflation.txt", "Wer rechnet laut dem Artikel „Inflation sinkt im Oktober auf 2,4 Prozent“ damit, "
         "dass die Inflation im kommenden Jahr im Schnitt bei 2,2 Prozent liegen wird?", "Marcel Fratzscher"),
        ("wirtschaft_inflation.txt", "Welcher Einrichtung gehört Marcel Fratzscher laut dem Artikel „Inflation sinkt im Oktober "
         "auf 2,4 Prozent“ an?",
         "Deutsches Institut für Wirtschaftsforschung"),
        ("politik_landtagswahl.txt", "Wo hat die CDU laut dem Artikel die Landtagswahl knapp gewonnen?", "Sachsen"),
        ("sport_pokalfinale.txt", "Wer kündigte laut dem Artikel „Freiburg holt erstmals den DFB-Pokal“ Gespräche über "
         "die Zukunft des Kaders an?",
         "Sebastian Schindzielorz"),
    ],
)
def test_own_articles_give_well_formed_open_questions(own, file, question, answer):
    texts = {q.question: q.answer for q in own[file][3] if q.kind == "open"}
    assert texts.get(question) == answer


def test_own_articles_cover_their_key_figures(own):
    questions = all_questions(own)
    for answer in ("2,4 Prozent", "74.322", "4,3 Millionen Euro", "31,9 Prozent", "rund 363 Millionen Euro",
                   "mehr als 80 Liter", "186.000", "55 Kilometern", "2007"):
        assert with_answer(questions, answer), answer


def test_temperatures_and_shares_get_plausible_distractors(own):
    for q in all_questions(own):
        if q.kind == "choice" and q.answer.endswith("Grad"):  # 22 Grad: never 220 or 2,2 Grad
            answer = numbers.parse_quantity(q.answer).value
            assert all(0.5 <= numbers.parse_quantity(c).value / answer <= 2 for c in q.choices), q.choices
        if q.kind == "choice" and q.answer.endswith("Prozent") and numbers.parse_quantity(q.answer).value <= 100:
            assert all(numbers.parse_quantity(c).value <= 100 for c in q.choices), q.choices


def test_the_review_tool_prints_a_sample_with_sentences():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "review_questions.py"), str(ARTICLES), "-n", "3", "--seed", "1"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Frage:") == 3 and result.stdout.count("Satz:") == 3
    missing = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "review_questions.py"), "/nicht/da"], capture_output=True, text=True
    )
    assert missing.returncode != 0 and "nicht gefunden" in missing.stderr and "Traceback" not in missing.stderr


# --------------------------------------------------------------------------
# Articles written after the engine (tests/articles_unseen): court ruling, quarterly
# results (a saved SPIEGEL page), medical study, transport strike, council decision,
# teacher shortage (the last one written after the first round of fixes, as a held-out check)
# --------------------------------------------------------------------------


def questions_of(generated, file: str) -> list[Question]:
    return generated[file][3]


def test_every_unseen_article_gives_a_varied_set(unseen):
    assert len(unseen) == 6
    for name, (*_, questions) in unseen.items():
        kinds = Counter(q.kind for q in questions)
        assert len(questions) >= 25 and len(kinds) == 4, (name, kinds)


def test_unseen_articles_cover_their_key_figures(unseen):
    questions = all_questions(unseen)
    for answer in ("212 Millionen Euro", "3500", "rund 48.000", "8,6 Millionen Euro", "1962", "rund 24 Prozent",
                   "8,1 Prozent", "750 Euro", "rund 16.000", "Karlsruhe", "Mai 2019", "Susanne Hellwig",
                   "Johanna Reiter", "Universität Zürich", "einen Schlag ins Gesicht der Belegschaft", "2029",
                   "rund 1.400", "Ulrike Seifert", "höchstens 25"):
        assert with_answer(questions, answer), answer


def test_no_question_from_the_outlets_furniture(unseen):
    for article, sentences, _, questions in unseen.values():
        by_index = {s.index: s.text for s in sentences}
        for q in questions:
            text = by_index[q.sentence_index]
            assert not any(mark in text for mark in ("SZ Plus", "taz |", "ORF.at/", "Links:", "verschenken")), text


def test_an_undated_article_is_named_by_its_title_unless_the_title_tells_the_answer(seeds, own, unseen):
    strike = questions_of(unseen, "taz_bvg_warnstreik.txt")
    assert all("„Warnstreik legt BVG für zwei Tage lahm“" in q.question or "taz-Artikel" in q.question
               for q in strike)
    inflation = questions_of(own, "wirtschaft_inflation.txt")  # "Inflation sinkt im Oktober auf 2,4 Prozent"
    telling = [q for q in with_answer(inflation, "2,4 Prozent") if q.kind != "truefalse"]
    assert telling and all("2,4 Prozent" not in q.question for q in telling)
    putin = with_answer(questions_of(seeds, "000"), "Wladimir Putin")  # "Was Kim bei Putin erreichen will"
    assert putin and all(re.search("laut dem Artikel „Treffen in Wladiwostok: …“", q.question, re.I)
                         for q in putin if q.kind != "truefalse")


def test_an_article_is_named_by_one_title_in_all_its_questions(seeds, own, unseen):
    """Not „Was Kim bei Putin erreichen will“ in one question and „Treffen in Wladiwostok“ in the next:
    the title as listed (else one shortened form), and where it tells the answer the same title
    visibly cut after its topline („Treffen in Wladiwostok: …“), never another name."""
    for article, _, _, questions in articles(seeds, own, unseen):
        titles = {title for q in questions for title in re.findall(r"laut dem Artikel „([^“]*)“", q.question, re.I)}
        whole = {t for t in titles if not t.endswith(": …")}
        assert len(whole) <= 1, (article.file, titles)
        assert all(not whole or any(w.startswith(t.removesuffix(" …")) for w in whole) for t in titles - whole), titles
    [(wladiwostok, *_)] = [entry for entry in seeds.values() if entry[0].file.startswith("000")]
    named = {title for q in questions_of(seeds, "000")
             for title in re.findall(r"laut dem Artikel „([^“]*)“", q.question, re.I)}
    assert wladiwostok.title == "Treffen in Wladiwostok: Was Kim bei Putin erreichen will"
    assert named == {wladiwostok.title, "Treffen in Wladiwostok: …"}


def test_person_options_keep_the_gender_of_the_answer(seeds, own, unseen, fresh):
    checked = 0
    for article, sentences, facts, questions in articles(seeds, own, unseen, fresh):
        genders = {f.extra.get("full_name"): f.extra.get("gender") for f in facts if f.kind == "person"}
        pool = {f.extra.get("full_name"): f.extra.get("gender")
                for _, _, other_facts, _ in articles(seeds, own, unseen, fresh)
                for f in other_facts if f.kind == "person"}
        for q in questions:
            if q.kind == "choice" and q.answer_type == "person" and genders.get(q.answer):
                wrong = {pool.get(option) for option in set(q.choices) - {q.answer}}
                assert wrong <= {genders[q.answer], None}, (q.question, q.choices)
                checked += 1
    assert checked >= 20
    chiefs = ("Vorstandschef Thomas Berger kündigte in Stuttgart den Abbau von Stellen an.",
              "Vorstandschefin Anna Lehmann lobte in Hamburg das Quartal.",
              "Vorstandschefin Petra Vogt sprach in Köln von Wachstum.",
              "Vorstandschef Klaus Brandt sah in München keinen Grund zur Sorge.",
              "Vorstandschefin Julia Sommer erwartet in Berlin einen Umschwung.")
    [ceo] = [q for q in generated_with("Die Nachfrage bleibt schwach, sagte Vorstandschefin Miriam Kalkbrenner "
                                       "am Donnerstag in Frankfurt.", chiefs)
             if q.kind == "choice" and "Vorstandschefin _____" in q.question]
    assert set(ceo.choices) == {"Miriam Kalkbrenner", "Anna Lehmann", "Petra Vogt", "Julia Sommer"}, ceo.choices


def test_a_bare_surname_is_no_choice_answer(seeds, own, unseen, fresh):
    for q in all_questions(seeds, own, unseen, fresh):
        if q.kind == "choice" and q.answer_type == "person":
            assert len(q.answer.split()) >= 2, q.question


def test_year_options_keep_the_form_of_the_answer(unseen):
    [q] = [q for q in questions_of(unseen, "spiegel_quartalszahlen.html")
           if q.kind == "choice" and q.answer == "Ende 2027"]
    assert all(re.fullmatch(r"Ende 20\d\d", option) for option in q.choices)


def test_a_span_of_years_is_not_asked_as_a_year(seeds):
    assert not [q for q in all_questions(seeds) if q.kind != "truefalse" and "1950-53" in q.accepted]


@pytest.mark.parametrize(
    ("file", "gap", "context"),
    [
        # reported speech without its speaker carries the sentence that names him
        ("orf_studie_hoergeraete.txt", "Ein Hörgerät allein verhindere", "sagte Reiter"),
        ("sz_bgh_eigenbedarf.txt", "Viele von ihnen besäßen", "Rolf Overbeck"),  # a pronoun among the first words
        ("orf_studie_hoergeraete.txt", "Erste Ergebnisse werden", "Folgestudie"),  # short and without a name
        ("orf_studie_hoergeraete.txt", "Im Jahr 2019 waren es", "57 Millionen Menschen mit Demenz"),
        ("orf_studie_hoergeraete.txt", "könnte sich die Zahl", "57 Millionen Menschen mit Demenz"),  # two back
        ("bz_gemeinderat_freibad.txt", "Deren Fraktionschef", "Kritik kam auch von den Freien Wählern."),
    ],
)
def test_a_sentence_that_leans_on_the_one_before_carries_it(unseen, file, gap, context):
    asked = [q for q in questions_of(unseen, file) if q.kind != "open" and gap in q.question]
    assert asked and all(context in q.question for q in asked), [q.question for q in asked]


def test_no_open_question_takes_an_attribute_for_a_direction(unseen):
    opens = [q.question for q in all_questions(unseen) if q.kind == "open"]
    assert not [text for text in opens if text.startswith("Woher")], opens  # "einen Mieter aus Berlin"


def test_organisation_options_come_from_the_same_branch_and_form(unseen):
    ruling = questions_of(unseen, "sz_bgh_eigenbedarf.txt")
    [court] = [q for q in ruling if q.kind == "choice" and q.answer == "Bundesgerichtshof"]
    assert all(re.search(r"(?:hof|gericht)$", option) for option in court.choices), court.choices
    assert "(BGH)" not in court.question  # the abbreviation after the gap would tell the answer
    abbreviated = [q for q in ruling if q.kind == "choice" and q.answer == "BGH"]
    assert abbreviated and all(len(option) <= 6 for q in abbreviated for option in q.choices)
    assert not [q for q in ruling if "(_____)" in q.question]
    union = [q for q in questions_of(unseen, "taz_bvg_warnstreik.txt") if q.kind == "choice" and q.answer == "Verdi"]
    assert union and not {"Weltbank", "Commerzbank", "Bundesbank", "Gewerkschaft Verdi"} & set(union[0].choices)


def test_ages_are_asked_and_confused_as_ages(unseen):
    ages = [q for q in questions_of(unseen, "sz_bgh_eigenbedarf.txt") if q.answer == "71 Jahre"]
    assert ages and all(q.hint == "Alter (in Jahren)" for q in ages)
    for q in ages:
        if q.kind == "choice":
            assert all(abs(int(c.split()[0]) - 71) <= 10 for c in q.choices), q.choices  # not 710 or 7,1


def test_no_factor_in_an_ordinary_adjective(unseen):
    factors = [q for q in all_questions(unseen) if q.answer_type == "factor"]
    assert not [q for q in factors if "einfach" in fold(q.answer)]  # "eine vergleichsweise einfache Maßnahme"


def test_a_role_word_with_its_name_does_not_lean_on_the_sentence_before(unseen):
    share = [q for q in questions_of(unseen, "bz_gemeinderat_freibad.txt") if "Das Land Baden-Württemberg" in q.question]
    assert share and all(q.question.split(": ", 1)[1].startswith("Das Land") for q in share)  # a name, no anaphor


def test_no_option_is_a_figure_the_question_already_shows(seeds, own, unseen, fresh):
    for q in all_questions(seeds, own, unseen, fresh):
        if q.kind == "choice" and q.answer_type in ("amount", "count", "percent", "distance", "duration"):
            shown = re.sub(r"laut dem Artikel „[^“]*“", "", q.question).replace(". ", " ").replace(", ", " ")
            for option in set(q.choices) - {q.answer}:
                assert not re.search(r"\d", option) or f" {option} " not in f" {shown} ", (option, q.question)


def test_a_pronoun_as_the_speaker_carries_the_sentence_that_names_him():
    text = ("Der Politikwissenschaftler Hans Vorländer von der Universität Leipzig rechnet mit langen Verhandlungen. "
            "„Eine solche Konstellation gab es in Sachsen noch nie, das dauert 14 Wochen“, sagte er.")
    article = Article(path="/t.txt", file="t.txt", title="Sachsen wählt", text=text, hash="t")
    sentences = split_sentences(text)
    questions = generate(article, sentences, extract_facts(article, sentences))
    asked = [q for q in questions if q.kind != "open" and "sagte er" in q.question]
    assert asked and all("Hans Vorländer" in q.question for q in asked)


def test_a_subject_that_names_again_what_the_sentence_before_introduced_carries_it():
    text = ("Seit 2018 gab es drei Gipfel zwischen Nord- und Südkorea. "
            "Die Gipfel brachten nach Angaben der Regierung in Seoul 2019 eine Lockerung der Grenzkontrollen.")
    article = Article(path="/t.txt", file="t.txt", title="Korea nähert sich an", text=text, hash="t")
    sentences = split_sentences(text)
    asked = [q for q in generate(article, sentences, extract_facts(article, sentences))
             if q.kind != "open" and "Die Gipfel brachten" in q.question]
    assert asked and all("drei Gipfel" in q.question or "Seit 2018" in q.question for q in asked)


# --------------------------------------------------------------------------
# What the fresh articles (tests/articles_fresh) showed
# --------------------------------------------------------------------------


def generated_from(text: str, title: str = "Test") -> list[Question]:
    article = Article(path="/t.txt", file="t.txt", title=title, text=text, hash="t")
    sentences = split_sentences(article.text)
    return generate(article, sentences, extract_facts(article, sentences))


def test_a_caption_without_a_finite_verb_is_no_question_material(fresh):
    article, sentences, _, questions = fresh["spiegel_mittelmeergipfel.txt"]
    label = next(s for s in sentences if s.text.startswith("Gastgeber Macron mit"))
    assert label.heading and not is_question_material(label)
    assert not [q for q in questions if q.sentence_index == label.index]


def test_a_penalty_is_no_distance_and_a_shot_from_eleven_metres_is(fresh):
    questions = questions_of(fresh, "dpa_champions_league_kane.txt")
    assert not [q for q in questions if q.answer_type == "distance" and "elfmeter" in fold(q.answer)]
    assert with_answer(questions, "elf Metern")


def test_names_beyond_german_letters_are_asked_whole(fresh):
    summit = questions_of(fresh, "spiegel_mittelmeergipfel.txt")
    assert with_answer(summit, "Recep Tayyip Erdoğan", "open")
    assert not [q for q in summit if q.answer == "Recep Tayyip" or "Recep Tayyip" in (q.choices or [])]
    assert with_answer(questions_of(fresh, "dpa_champions_league_kane.txt"), "Josip Stanišić")


def test_a_club_before_a_players_name_is_not_asked_as_a_place(fresh):
    questions = questions_of(fresh, "dpa_champions_league_kane.txt")
    assert not [q for q in questions if q.answer_type == "place" and fold(q.answer) in ("bayern", "bayerns")]


def test_an_object_pronoun_brings_the_sentence_before_and_makes_no_open_question():
    questions = generated_from(
        "Der nächste Gipfel soll im Frühjahr 2027 in Tunis stattfinden. "
        "Tunesiens Präsident Kais Saied sagte am Abend zu, ihn auszurichten.")
    about_saying = [q for q in questions if "sagte am Abend zu" in q.question]
    assert about_saying and not [q for q in questions if q.kind == "open" and " ihn " in q.question]
    assert all("Der nächste Gipfel" in q.question for q in about_saying)


def test_das_standing_for_what_was_said_before_brings_that_sentence():
    questions = generated_from(
        "Italiens Ministerpräsidentin Giorgia Meloni forderte, Asylverfahren in Drittstaaten abzuwickeln. "
        "Spanien und Portugal lehnten das am Donnerstag in Brüssel ab.")
    asked = [q for q in questions if q.kind != "open" and "lehnten das am Donnerstag" in q.question]
    assert asked and all("Meloni forderte" in q.question for q in asked)


def test_person_options_for_a_role_come_from_that_field_or_the_article():
    text = ("Die Mannschaft von Trainer Vincent Kompany besiegte Inter Mailand mit 2:1. "
            "Das Stadion war mit 75.000 Zuschauern ausverkauft. "
            "Harry Kane traf per Foulelfmeter, Jamal Musiala erhöhte kurz nach der Pause. "
            "Inter-Trainer Simone Inzaghi haderte mit dem Strafstoß.")
    other = ("Selbs Oberbürgermeister Thomas Reichel sprach von einem schwarzen Tag. "
             "Bundeskanzler Friedrich Merz lobte die Einigung als großen Erfolg.")
    article = Article(path="/t.txt", file="t.txt", title="Bayern gewinnt", text=text, hash="t")
    pool_article = Article(path="/o.txt", file="o.txt", title="Anderes", text=other, hash="o")
    pool = extract_facts(pool_article, split_sentences(other))
    sentences = split_sentences(text)
    [coach] = [q for q in generate(article, sentences, extract_facts(article, sentences), pool)
               if q.kind == "choice" and "Trainer _____" in q.question]
    assert not {"Thomas Reichel", "Friedrich Merz"} & set(coach.choices), coach.choices


def test_options_name_each_organisation_once_and_figures_swap_their_first_digits(fresh):
    for q in questions_of(fresh, "dpa_champions_league_kane.txt"):
        if q.kind == "choice" and q.answer_type == "organisation":
            assert not {"FC Bayern", "FC Bayern München"} <= set(q.choices), q.choices
    [cost] = [q for q in questions_of(fresh, "srf_museum_basel.txt")
              if q.kind == "choice" and q.answer == "214 Millionen Franken"]
    assert all(re.fullmatch(r"\d+ Millionen Franken", option) for option in cost.choices), cost.choices


def test_no_option_repeats_a_bare_number_of_the_sentence(fresh):
    [age] = [q for q in questions_of(fresh, "zeit_schlafstudie_demenz.html")
             if q.kind == "choice" and "zwischen 50 und _____" in q.question]
    assert "50 Jahre" not in age.choices


def test_a_continent_is_too_easy_to_ask(fresh):
    assert not [q for q in all_questions(fresh) if q.answer_type == "place" and q.answer in ("Europa", "Asien")]


def test_a_count_of_several_gets_no_option_of_one(fresh):
    [games] = [q for q in questions_of(fresh, "dpa_champions_league_kane.txt")
               if q.kind == "choice" and "in allen _____ Königsklassen-Spielen" in q.question]
    assert "eins" not in games.choices and "1" not in games.choices, games.choices


def test_place_options_come_from_the_answers_region_first(fresh):
    [chamber] = [q for q in questions_of(fresh, "frankenpost_porzellanwerk_schliessung.txt")
                 if q.kind == "choice" and "für Oberfranken in _____" in q.question]
    assert all(places()[option].region == "deutschland" for option in chamber.choices), chamber.choices


# --------------------------------------------------------------------------
# What the walkthrough over the samples showed: references back, absurd swaps,
# one person twice among the options, two titles for one article
# --------------------------------------------------------------------------

RIVALS = ("US-Präsident Donald Trump traf Nordkoreas Machthaber Kim Jong Un in Hanoi. "
          "Chinas Präsident Xi Jinping lobte das Treffen. Südkoreas Präsident Moon Jae In blieb skeptisch. ")


def generated_with(text: str, pool: tuple[str, ...] = (), hash: str = "t", title: str = "Test") -> list[Question]:
    """Questions on a hand-written article, other hand-written articles as the distractor pool;
    ``hash`` seeds the random choices (which statements are made false)."""
    article = Article(path="/t.txt", file="t.txt", title=title, text=text, hash=hash)
    facts: list = []
    for number, other in enumerate(pool):
        other_article = Article(path=f"/o{number}.txt", file=f"o{number}.txt", title="Anderes", text=other,
                                hash=f"o{number}")
        facts += extract_facts(other_article, split_sentences(other))
    sentences = split_sentences(article.text)
    return generate(article, sentences, extract_facts(article, sentences), facts)


@pytest.mark.parametrize("opener", ["So lange", "Danach", "Seitdem"])
def test_a_sentence_that_opens_with_a_reference_back_and_has_nothing_before_it_is_not_asked(opener):
    questions = generated_with("Der Gipfel in Wladiwostok endete am Donnerstag mit einem Bankett.\n\n"
                               f"{opener} verhandelten die Delegationen über 34 Millionen Dollar Handelsvolumen.")
    assert not [q for q in questions if "verhandelten die Delegationen" in q.question]


def test_damals_anywhere_points_to_a_time_the_sentence_before_gave():
    questions = generated_with("Der Gipfel in Wladiwostok endete am Donnerstag mit einem Bankett.\n\n"
                               "Putin traf damals in Moskau 40 Unternehmer aus Nordkorea.")
    assert not [q for q in questions if "Unternehmer" in q.question]


def test_a_demonstrative_before_a_noun_brings_the_sentence_before_or_keeps_the_sentence_out():
    said = "Putin warf Südkorea vor, politisch nicht eigenständig zu sein."
    replik = "Zumindest bei Kim dürfte diese Replik im Mai gut angekommen sein."
    together = [q for q in generated_with(f"{said} {replik}") if "diese Replik" in q.question]
    assert together and all(said in q.question for q in together)
    assert not [q for q in generated_with(f"{said}\n\n{replik}") if "diese Replik" in q.question]


def test_this_week_is_the_time_of_writing_not_a_reference_back():
    questions = generated_with("Der Gipfel in Wladiwostok endete am Donnerstag mit einem Bankett.\n\n"
                               "Russland schickte in dieser Woche mehr als 2000 Tonnen Weizen nach Nordkorea.")
    assert with_answer(questions, "mehr als 2000 Tonnen", "choice")


def test_an_open_question_cannot_show_what_this_direction_is_but_may_ask_for_the_institution(seeds):
    questions = generated_with(
        "Nordkorea will sich nicht mit einem einzelnen Partner verbünden.\n\n"
        "Jeong Young-tae vom Seouler Institut für Nordkoreastudien erkennt in dieser Ausrichtung die "
        "staatliche Juche-Doktrin wieder.")
    assert not [q for q in questions if "dieser Ausrichtung" in q.question]
    [institution] = with_answer(questions, "Seouler Institut für Nordkoreastudien", "open")
    assert institution.score >= 0.8  # it takes nothing from the sentence that needs the one before
    assert not [q for q in all_questions(seeds) if q.kind == "open" and "in dieser Ausrichtung" in q.question]


@pytest.mark.parametrize("sentence", [
    "Moskau brachte einst Kims Großvater Kim Il Sung in Pjöngjang an die Macht.",
    "Der mittlerweile gestorbene Kim Il Sung – der Großvater des jetzigen Machthabers – wurde in Pjöngjang verehrt.",
])
def test_no_other_person_is_put_into_a_family_slot(sentence):
    """Not "Kims Großvater Donald Trump" as a false statement, nor Donald Trump as an option there."""
    asked = [q for h in ("t1", "t2", "t3", "t4", "t5", "t6") for q in generated_with(RIVALS + sentence, hash=h)]
    about_him = with_answer(asked, "Kim Il Sung")
    assert about_him  # the gap is still asked: a cloze
    assert not [q for q in about_him if q.kind == "choice" or (q.kind == "truefalse" and not q.correct)]


def test_a_false_statement_puts_a_researcher_where_a_researcher_was():
    """Not "…, sagte Wladimir Putin von der Kookmin-Universität": a president is no university's expert."""
    text = ("Präsident Wladimir Putin empfing Kim Jong Un in Wladiwostok. US-Präsident Donald Trump schwieg in Washington. "
            "Laut Konstantin Asmolow vom Moskauer Fernost-Institut konzentriert sich die russische Außenpolitik auf den "
            "Nahen Osten. Der Handel zwischen beiden Ländern lag zuletzt bei 34 Millionen Dollar. "
            "Russland wolle an seine Macht erinnern, sagte Andrei Lankow von der Kookmin-Universität in Seoul.")
    swapped = [q for h in ("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8") for q in generated_with(text, hash=h)
               if q.kind == "truefalse" and not q.correct and "Richtig ist: Andrei Lankow." in q.correction]
    assert swapped and all("sagte Konstantin Asmolow von der Kookmin-Universität" in q.question for q in swapped)


SPELLINGS = ("Nordkoreas Machthaber Kim Jong Un reiste nach Wladiwostok.",
             "Machthaber Kim Jong-un besuchte eine Fabrik in Pjöngjang.",
             "Machthaber Kim Jongun lobte die Armee in Pjöngjang.",
             "Südkoreas Präsident Moon Jae In begrüßte das Treffen in Seoul.",
             "Präsident Moon Jae-in sprach in Seoul von einem Erfolg.")


def test_spellings_of_one_person_are_one_option():
    trump = "Erst kürzlich sagte Präsident Donald Trump überraschend einen weiteren Gipfel zu."
    two_people = [q for q in generated_with(trump, SPELLINGS) if q.kind == "choice"]
    assert not two_people  # Kim and Moon under five spellings are two wrong options, not three
    [choice] = [q for q in generated_with(trump, (*SPELLINGS, "Chinas Präsident Xi Jinping reiste nach Peking."))
                if q.kind == "choice"]
    assert len({spelling_key(option) for option in choice.choices}) == 4, choice.choices
    assert {"Donald Trump", "Xi Jinping"} <= set(choice.choices)


def test_no_option_is_a_person_the_question_already_shows():
    """"Die Kim-Dynastie …, sagte Präsident _____" offers no Kim Jong Un."""
    questions = generated_with(
        "Die Kim-Dynastie regiert Nordkorea seit Jahrzehnten mit harter Hand, sagte Präsident Moon Jae In.",
        ("Nordkoreas Machthaber Kim Jong Un reiste nach Wladiwostok.", "US-Präsident Donald Trump lobte das Treffen.",
         "Chinas Präsident Xi Jinping schwieg.", "Russlands Präsident Wladimir Putin reiste nach Peking."))
    [moon] = with_answer(questions, "Moon Jae In", "choice")
    assert "Kim Jong Un" not in moon.choices, moon.choices


def test_every_question_names_the_article_by_its_one_title():
    title = "Treffen in Wladiwostok: Was Kim bei Putin erreichen will"
    questions = generated_with(
        "Der nordkoreanische Machthaber Kim bringt eine lange Wunschliste zu seinem ersten Treffen mit Präsident Putin mit. "
        "Mehr als 10.000 Nordkoreaner arbeiten noch in Russland. "
        "Russland hat sich bereit gezeigt, mehr als 2000 Tonnen Weizen zu schicken.\n\n"
        "Putin hat mehr Erfahrung mit den Machthabern Nordkoreas als die meisten.", title=title)
    named = [re.findall(r"laut dem Artikel „([^“]*)“", q.question, re.I) for q in questions]
    assert {t for titles in named for t in titles} <= {title, "Treffen in Wladiwostok: …"}
    # the title tells "Putin": a question about him names the article by the title cut after its
    # topline, visibly the same title, not by the topline as if it were another
    assert all(titles == ["Treffen in Wladiwostok: …"] for q, titles in zip(questions, named)
               if q.answer in ("Putin", "Kim") and q.kind != "truefalse")


# --------------------------------------------------------------------------
# What the user walkthrough showed: nonsense spellings exported as right answers,
# options and false statements that give the answer away, a "zuletzt" with two
# answers, the article's own typo in a question
# --------------------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"
FACTCHECK_ARTICLES = Path(__file__).parent / "articles_factcheck"


@pytest.fixture(scope="module")
def fixtures():
    return generate_all(read_all(FIXTURES))


@pytest.fixture(scope="module")
def factcheck_articles():
    return generate_all(read_all(FACTCHECK_ARTICLES))


def test_no_accepted_spelling_puts_an_organisation_or_place_into_a_name(seeds, own, unseen, fresh, fixtures,
                                                                        factcheck_articles):
    """Not "Kim Jong UNO" for Kim Jong Un, "FC Bayern Munich", "Geosphere Österreich" or a quotation
    with "Europe" for "Europa": a word inside a name is only spelt as its own kind of name."""
    foreign_kinds = {"person": {"ort", "organisation"}, "organisation": {"ort", "person", "familienname"},
                     "quote": {"ort", "organisation", "person", "familienname", "wort"}}
    checked = 0
    for q in all_questions(seeds, own, unseen, fresh, fixtures, factcheck_articles):
        if q.kind == "truefalse" or q.answer_type not in foreign_kinds:
            continue
        own_words = {spelling_key(word) for word in q.answer.split()}
        for spelling in q.accepted:
            if group_of(spelling):
                continue  # a whole name as listed: "Kim Jong Un" for "Kim Jong-un"
            added = [word for word in spelling.split() if spelling_key(word) not in own_words]
            assert not [w for w in added if kind_of(w) in foreign_kinds[q.answer_type]], (q.answer, spelling)
            checked += 1
    assert checked >= 300
    kim = [spelling for q in with_answer(all_questions(seeds), "Kim Jong Un") for spelling in q.accepted]
    assert "Kim Jong-un" in kim and not [s for s in kim if re.search(r"UNO|Vereinte|United|\bUN\b", s)], kim


def _place_names(*generated) -> set[str]:
    """The places the article sets mention, and their genitives."""
    names = {f.answer for *_, facts, _ in articles(*generated) for f in facts if f.kind == "place"}
    return names | {name + "s" for name in names}


def test_place_options_are_no_small_states_and_world_powers_meet_their_peers(seeds, own, unseen, fresh, fixtures):
    """Not "Russland" among Andorra, Nordirland and Albanien, nor "China" among Turkmenistan and Bhutan:
    the article set's places first, then the lexicon's of the answer's region and importance."""
    lexicon = places()
    checked = 0
    for generated in (seeds, own, unseen, fresh, fixtures):
        mentioned = _place_names(generated)
        for q in all_questions(generated):
            if q.kind != "choice" or q.answer_type != "place" or q.answer not in lexicon:
                continue
            answer = lexicon[q.answer]
            for option in set(q.choices) - {q.answer} - mentioned:  # from the lexicon
                place = lexicon[option]
                assert place.importance < 3 or answer.importance == 3, (q.answer, q.choices)
                assert place.importance == answer.importance or abs(place.importance - answer.importance) == 1 and (
                    place.region == answer.region), (q.answer, q.choices)
                checked += 1
    assert checked >= 20


def test_the_capitals_of_the_article_set_are_the_options_for_a_capital(seeds):
    """"Washingtons" among Moskaus, Pekings and Seouls, not among Bogotás, Quitos and Limas; Moskau
    not among Zagreb, Ljubljana and Minsk."""
    mentioned = _place_names(seeds)
    capitals = [q for q in all_questions(seeds) if q.kind == "choice"
                and q.answer in ("Washington", "Washingtons", "Moskau", "Moskaus", "Pjöngjang", "Peking")]
    assert len(capitals) >= 10
    for q in capitals:
        assert set(q.choices) <= mentioned, (q.answer, q.choices)


def test_a_country_with_an_article_gets_no_random_peer_with_the_same_article(seeds):
    """"der USA" among Philippinen, Niederlande and Vereinigte Arabische Emirate gave the answer away
    in every USA question: without plausible peers there is no choice question."""
    options = {option for q in all_questions(seeds) if q.kind == "choice" for option in q.choices}
    assert not {"Philippinen", "Niederlande", "Vereinigte Arabische Emirate", "Schweiz", "Elfenbeinküste"} & options
    assert with_answer(all_questions(seeds), "USA", "cloze")  # still asked, as a gap


def _replacement(q: Question, fact, sentence: str) -> str:
    """The words a false statement put where the fact stood."""
    after = re.sub(r" \((?:l|r)\.\)", "", sentence[fact.end :])
    head = q.question[: len(q.question) - len(after)]
    before = sentence[: fact.start]
    return head[head.rfind(before) + len(before) :] if before else head.rsplit(": ", 1)[-1].split(". ")[-1]


def test_a_false_statement_puts_a_place_of_the_article_set_where_a_place_was(seeds, own, unseen, fresh, fixtures):
    """Not "der russische Angriffskrieg in der Schweiz", "Albanien dürfte …" or "Die Philippinen vermuten …"."""
    checked = 0
    for generated in (seeds, own, unseen, fresh, fixtures):
        mentioned = _place_names(generated)
        for article, sentences, facts, questions in articles(generated):
            by_index = {s.index: s.text for s in sentences}
            for q in questions:
                fact = facts[q.fact_index] if q.fact_index is not None else None
                if q.kind == "truefalse" and not q.correct and fact is not None and fact.kind == "place":
                    swapped = _replacement(q, fact, by_index[q.sentence_index])
                    assert swapped in mentioned, (swapped, q.question)
                    checked += 1
    assert checked >= 10
    statements = " ".join(q.question for q in all_questions(seeds) if q.kind == "truefalse")
    assert not re.search(r"Angriffskrieg in der Schweiz|Albanien dürfte|Die Philippinen vermuten", statements)


def _roles_by_name(*generated) -> dict[str, str]:
    """Full name -> role group ("politik/spitze"), from the facts of the sets."""
    return {f.extra["full_name"]: f.extra["group"] for *_, facts, _ in articles(*generated)
            for f in facts if f.kind == "person" and f.extra.get("group") and f.extra.get("full_name")}


def test_a_person_in_a_named_role_gets_only_persons_of_that_role(seeds, own, unseen, fresh, fixtures):
    """Not "der Moskauer Experte Xi Jinping", "Selbs Oberbürgermeister Jamal Musiala" or "Commerzbank-
    Chefvolkswirt Manuel Feller": where the sentence names the role, an option holds that role or is a
    person of the same article whose role is not known."""
    checked = 0
    for generated in (seeds, own, unseen, fresh, fixtures):
        roles = _roles_by_name(generated)
        for article, _, facts, questions in articles(generated):
            article_people = {f.extra.get("full_name") for f in facts if f.kind == "person"}
            for q in questions:
                fact = facts[q.fact_index] if q.fact_index is not None else None
                if q.kind != "choice" or fact is None or fact.kind != "person" or "phrase_start" not in fact.extra:
                    continue
                for option in set(q.choices) - {q.answer}:
                    assert roles.get(option) == fact.extra["group"] or (
                        option in article_people and option not in roles), (option, q.question)
                    checked += 1
    assert checked >= 30
    experts = [q for q in all_questions(seeds) if q.kind == "choice" and "Experte _____" in q.question]
    assert not [q for q in experts if "Xi Jinping" in q.choices]


def test_a_false_statement_swaps_a_head_of_state_for_a_head_of_state(seeds):
    """Not "das Treffen zwischen Juri Uschakow und Putin": Kim's place takes a head of state, not an adviser."""
    roles = _roles_by_name(seeds)
    swapped = []
    for article, sentences, facts, questions in articles(seeds):
        by_index = {s.index: s.text for s in sentences}
        for q in questions:
            fact = facts[q.fact_index] if q.fact_index is not None else None
            if q.kind == "truefalse" and not q.correct and fact is not None and fact.kind == "person" \
                    and fact.extra.get("group") == "politik/spitze":
                swapped.append(_replacement(q, fact, by_index[q.sentence_index]))
    assert len(swapped) >= 5
    assert all(roles.get(name) == "politik/spitze" for name in swapped), swapped


def test_no_open_question_asks_when_something_last_happened(seeds, own, unseen, fresh, fixtures):
    """"In welchem Jahr war es zuletzt zu einem Gipfel gekommen?" in a report on the 2019 summit has two
    answers (2011, and 2019 itself); the cloze keeps the article's sentence, whose "zuletzt" means before it."""
    for q in all_questions(seeds, own, unseen, fresh, fixtures):
        if q.kind == "open" and q.answer_type in ("year", "date"):
            assert not re.search(r"\b(?:zuletzt|zum letzten Mal|bisher|bislang|davor|zuvor)\b", q.question, re.I), \
                q.question
    summit = [q for q in with_answer(all_questions(seeds), "2011") if q.kind != "truefalse"]
    assert summit and all("Zuletzt war es im Jahr _____" in q.question for q in summit)


def test_years_for_a_last_time_come_before_the_articles_own_year():
    """"Zuletzt hatten die Münchner die Champions League im Jahr _____ gewonnen" in an article of 2021:
    neither 2021 (a fair answer) nor a later year (impossible) is a wrong option."""
    text = ("Der FC Bayern München steht im Halbfinale der Champions League. Trainer Hansi Flick lobte die "
            "Mannschaft. Zuletzt hatten die Münchner die Champions League im Jahr 2019 gewonnen, damals im "
            "Finale gegen Paris.")
    years = [q for h in ("t1", "t2", "t3", "t4", "t5", "t6") for q in generated_dated(text, "2021-04-20", h)
             if q.answer_type == "year" and q.kind in ("choice", "truefalse")]
    assert [q for q in years if q.kind == "choice"]
    for q in years:
        if q.kind == "choice":
            assert all(int(option) < 2021 for option in q.choices), q.choices
        elif not q.correct:
            assert int(re.search(r"im Jahr (\d{4})", q.question).group(1)) < 2021, q.question


def generated_dated(text: str, date: str, hash: str) -> list[Question]:
    """Questions on a hand-written article of the given date (ISO)."""
    article = Article(path="/t.txt", file="t.txt", title="Test", text=text, hash=hash, date=date)
    sentences = split_sentences(article.text)
    return generate(article, sentences, extract_facts(article, sentences))


def test_a_hyphen_inside_a_known_adjective_is_the_articles_slip(seeds):
    """"der nord-koreanische Machthaber" reads "der nordkoreanische Machthaber" in a question;
    "die russisch-nordkoreanischen Beziehungen" keep their hyphen."""
    texts = [q.question for q in all_questions(seeds)]
    assert not [text for text in texts if "nord-koreanisch" in text]
    assert [text for text in texts if "nordkoreanische Machthaber" in text and "Hanoi" in text]
    assert [text for text in texts if "russisch-nordkoreanischen" in text]
    questions = generated_with("Nach dem Gipfel in Hanoi lobte der süd-koreanische Präsident Moon Jae In "
                               "die 34 Millionen Dollar für den Handel zwischen den Staaten.")
    assert questions and all("süd-koreanische" not in q.question for q in questions)
    assert [q for q in questions if "südkoreanische Präsident" in q.question]


def test_a_statement_whose_best_detail_cannot_be_swapped_changes_the_next_one():
    """"Die USA vermuten …" has no plausible peer for the USA: the statement is made false on
    Russland instead, so that true and false stay balanced; "Nordkoreas Machthaber Kim Jong Un"
    keeps the country of his office."""
    text = ("Die USA vermuten, dass es vor allem um Waffengeschäfte zwischen Russland und Nordkorea gehen wird. "
            "Am Donnerstag traf erstmals Nordkoreas Machthaber Kim Jong Un den russischen Präsidenten Wladimir Putin.")
    pool = ("China und Japan beobachten das Treffen genau.", "Südkorea und Vietnam schweigen.")
    statements = [q for h in ("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8")
                  for q in generated_with(text, pool, hash=h) if q.kind == "truefalse"]
    false = [q for q in statements if not q.correct]
    assert [q for q in false if "Die USA vermuten" in q.question and "zwischen Russland" not in q.question]
    assert not [q for q in false if "Die USA vermuten" not in q.question and "vermuten, dass" in q.question]
    assert not [q for q in false if "Machthaber Kim Jong Un" in q.question and "Nordkoreas Machthaber" not in q.question]
