"""Sources compared: figures the articles disagree on, and "Quellenvergleich" questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizbot.conflicts import (
    KEY_PREFIX, comparison_questions, find_disagreements, refresh_comparison_questions,
)
from quizbot.grading import grade_choice, grade_truefalse
from quizbot.store import Store

from tests.factcheck_material import build_database


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(build_database(tmp_path_factory.mktemp("conflicts"))) as opened:
        yield opened


def by_topic(store) -> dict[str, dict[str, list[str]]]:
    """topic -> source (or file) -> the figures as written."""
    found = {}
    for disagreement in find_disagreements(store):
        found[disagreement.topic] = {
            article["source"] or article["file"]: [f.value.text for f in figures]
            for article, figures in disagreement.sources()
        }
    return found


def test_how_long_the_2019_meeting_lasted_differs_between_taz_orf_and_der_standard(store):
    meeting = by_topic(store)["Treffen"]
    assert meeting["taz"] == ["dreieinhalbstündigen"]
    assert meeting["ORF"] == ["mehr als einstündigen", "rund fünfstündigen"]
    assert meeting["DER STANDARD"] == ["50 Minuten", "fast zwei Stunden"]


def test_trade_growth_tenfold_against_from_34_million_to_one_billion(store):
    trade = by_topic(store)["Handel"]
    assert trade["000_7c3ef7c70f8cffd4.txt"] == ["das Zehnfache"]
    assert trade["DER STANDARD"] == ["von 34 Millionen Dollar auf eine Milliarde"]
    growth = next(d for d in find_disagreements(store) if d.topic == "Handel")
    derived = next(f for f in growth.figures if f.article["source"] == "DER STANDARD")
    assert round(derived.value.number) == 29 and "29-fach" in derived.shown


def test_disagreements_of_other_topics_are_found_and_agreements_are_not(store):
    topics = by_topic(store)
    assert topics["Zuschauer"] == {"sid": ["41.000"], "Sportecho": ["38.500"]}
    assert topics["Fernverkehr"] == {"Küstenbote": ["zwölf Stunden"], "dpa": ["14 Stunden"]}
    every_figure = [text for sources in topics.values() for texts in sources.values() for text in texts]
    # the prize (500.000 Euro in both) and the Elbe (3,2 Meter in both) agree
    assert "500.000 Euro" not in every_figure and "3,2 Meter" not in every_figure
    # "vor drei Jahren" and "26 Jahre zurück" are points in time, not lengths to compare
    assert "drei Jahren" not in every_figure and "26 Jahre" not in every_figure


def test_disagreement_json_lists_each_source_with_its_figures(store):
    meeting = next(d for d in find_disagreements(store) if d.topic == "Treffen").to_json()
    assert meeting["kind"] == "duration" and meeting["dimension"] == "Dauer"
    assert [s["article"]["source"] for s in meeting["sources"]] == ["taz", "DER STANDARD", "ORF"]
    first = meeting["sources"][0]["figures"][0]
    assert first["label"] == "dreieinhalb Stunden" and first["value"] == 12600.0
    assert "dreieinhalbstündigen Treffen" in first["sentence"]


def test_questions_ask_what_each_source_says_and_can_be_graded(store):
    questions = comparison_questions(store)
    assert questions and all(q.answer_type == "comparison" and q.key.startswith(KEY_PREFIX) for _, q in questions)
    choice = next(q for _, q in questions if q.kind == "choice" and "taz" in q.question)
    assert choice.question.startswith("Quellenvergleich – Treffen (Dauer)")
    assert choice.answer == "dreieinhalb Stunden" and len(choice.choices) == 4
    assert {"rund fünf Stunden", "fast zwei Stunden"} <= set(choice.choices)
    assert grade_choice(choice.choices, choice.choices.index(choice.answer), "dreieinhalb Stunden").accepted
    statement = next(q for _, q in questions if q.kind == "truefalse" and "Zuschauer" in q.question)
    right = "Quellenvergleich – Zuschauer (Anzahl): sid nennt 41.000, Sportecho 38.500."
    swapped = "Quellenvergleich – Zuschauer (Anzahl): sid nennt 38.500, Sportecho 41.000."
    assert statement.question in (right, swapped)
    assert statement.correct is (statement.question == right)
    assert statement.answer == ("richtig" if statement.correct else "falsch")
    assert statement.correction == "sid vom 26.05.2024: 41.000; Sportecho vom 27.05.2024: 38.500"
    assert grade_truefalse(statement.correct, "ja" if statement.correct else "nein").accepted


def test_statements_are_right_about_as_often_as_wrong(store):
    """Which source says what is the point: "always falsch" must not be a winning strategy."""
    answers = [q.correct for _, q in comparison_questions(store) if q.kind == "truefalse"]
    assert len(answers) >= 6 and 0.3 <= sum(answers) / len(answers) <= 0.7


def test_counts_of_people_are_compared_only_when_they_did_the_same(store):
    topics = by_topic(store)
    # demonstrators (Polizei: rund 8000, Veranstalter: mehr als 12.000), not the petition's 21.000
    assert topics["Demonstration"] == {"epd": ["Mehr als 12.000"], "Weserblick": ["Rund 8000"]}
    # "Zwei Menschen starben" - "Mindestens drei Menschen kamen ums Leben"
    assert topics["Tote"] == {"Küstenbote": ["Zwei"], "dpa": ["Mindestens drei"]}


def test_headings_name_what_the_figures_measure(store):
    headings = {d.topic: d.dimension for d in find_disagreements(store)}
    assert headings["Defizit"] == "Betrag" and headings["Wind"] == "Geschwindigkeit"
    assert headings["Treffen"] == "Dauer" and headings["Zuschauer"] == "Anzahl"


def test_questions_are_stored_like_any_other_and_refreshing_keeps_their_ids(store):
    stored = refresh_comparison_questions(store)
    compared = [q for q in store.questions() if q["answer_type"] == "comparison"]
    assert len(compared) == stored == len(comparison_questions(store))
    taz = next(q for q in compared if q["kind"] == "choice" and "taz" in q["question"])
    assert taz["article"]["source"] == "taz" and "dreieinhalbstündigen" in taz["sentence"]
    assert refresh_comparison_questions(store) == stored
    assert {q["id"] for q in store.questions() if q["answer_type"] == "comparison"} == {q["id"] for q in compared}


def test_questions_no_longer_backed_by_a_disagreement_are_removed(store):
    refresh_comparison_questions(store)
    others = len([q for q in store.questions() if q["answer_type"] != "comparison"])
    store.replace_cross_article_questions(KEY_PREFIX, [])
    assert [q for q in store.questions() if q["answer_type"] == "comparison"] == []
    assert len(store.questions()) == others


def test_figures_of_different_stories_are_never_compared(tmp_path):
    """A cup final's crowd and a museum's visitors, a summit in Rome and one in Wladiwostok:
    the same kind of figure, but not the same events."""
    from quizbot.build import build
    from quizbot.resources import seeds_dir

    fresh = Path(__file__).parent / "articles_fresh"
    with Store(tmp_path / "mixed.db") as mixed:
        build([seeds_dir(), fresh, Path(__file__).parent / "articles_factcheck"], mixed)
        for disagreement in find_disagreements(mixed):
            files = {article["file"] for article, _ in disagreement.sources()}
            assert not (files & {p.name for p in fresh.iterdir()}), (disagreement.topic, files)
        assert "Treffen" in {d.topic for d in find_disagreements(mixed)}  # the real one stays
