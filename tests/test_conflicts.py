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
    statement = next(q for _, q in questions if q.kind == "truefalse" and "Zuschauer" in q.question)
    right = "Quellenvergleich – Zuschauer (Anzahl): sid nennt 41.000, Sportecho 38.500."
    swapped = "Quellenvergleich – Zuschauer (Anzahl): sid nennt 38.500, Sportecho 41.000."
    assert statement.question in (right, swapped)
    assert statement.correct is (statement.question == right)
    assert statement.answer == ("richtig" if statement.correct else "falsch")
    assert statement.correction == "sid vom 26.05.2024: 41.000; Sportecho vom 27.05.2024: 38.500"
    assert grade_truefalse(statement.correct, "ja" if statement.correct else "nein").accepted


def test_the_2019_meeting_sets_the_whole_meeting_against_the_whole_and_names_each_measure(store):
    """taz and ORF on the whole meeting (Treffen, Gespräche); DER STANDARD's tête-à-tête and ORF's
    one talk are shown with their measure, the planned 50 minutes as planned - none of them is
    set against the meeting's three and a half hours."""
    meeting = next(d for d in find_disagreements(store) if d.topic == "Treffen")
    measured = {f.value.text: (f.measure.noun if f.measure else None, f.planned) for f in meeting.figures}
    assert measured == {
        "dreieinhalbstündigen": ("Treffen", False), "rund fünfstündigen": ("Gespräche", False),
        "fast zwei Stunden": ("Tête-à-Tête", False), "50 Minuten": ("Tête-à-Tête", True),
        "mehr als einstündigen": ("Gespräch", False),
    }
    asked = [q for _, q in comparison_questions(store) if q.question.startswith("Quellenvergleich – Treffen")]
    assert [q.kind for q in asked] == ["truefalse"]  # two values of the whole meeting: no choice of four
    right = ("Quellenvergleich – Treffen (Dauer): Die taz nennt für das Treffen dreieinhalb Stunden, "
             "der ORF für die Gespräche rund fünf Stunden.")
    swapped = ("Quellenvergleich – Treffen (Dauer): Die taz nennt für das Treffen rund fünf Stunden, "
               "der ORF für die Gespräche dreieinhalb Stunden.")
    assert asked[0].question in (right, swapped) and asked[0].correct is (asked[0].question == right)
    assert asked[0].correction == (
        "taz: dreieinhalb Stunden (Treffen); DER STANDARD vom 25.04.2019: 50 Minuten (Tête-à-Tête, geplant), "
        "fast zwei Stunden (Tête-à-Tête); ORF: mehr als eine Stunde (Gespräch), rund fünf Stunden (Gespräche)")
    assert meeting.listed(meeting.figures[1]) == "„50 Minuten“ (Tête-à-Tête, geplant)"


def test_trade_growth_is_compared_as_the_plan_both_articles_report(store):
    trade = next(d for d in find_disagreements(store) if d.topic == "Handel")
    assert all(f.planned for f in trade.figures)  # "will … steigern", "soll … steigen"
    question = next(q for _, q in comparison_questions(store) if "Handel" in q.question)
    assert question.question.startswith("Quellenvergleich – Handel (geplante Steigerung): ")
    assert "das Zehnfache" in question.question and "(≈ 29-fach)" in question.question


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
    taz = next(q for q in compared if "Die taz nennt" in q["question"])
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


# --------------------------------------------------------------------------
# Like with like: hand-written articles on a meeting and a council session
# --------------------------------------------------------------------------


def write_article(folder: Path, name: str, source: str, date: str, title: str, *paragraphs: str) -> None:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    (folder / name).write_text(
        f'<html><head><meta charset="utf-8"><meta property="og:site_name" content="{source}">'
        f'<meta property="article:published_time" content="{date}T08:00:00+02:00"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>", encoding="utf-8")


def build_store(folder: Path) -> Store:
    from quizbot.build import build

    store = Store(folder.parent / f"{folder.name}.db")
    report = build([folder], store)
    assert not report.skipped, report.skipped
    return store


def test_a_tete_a_tete_is_not_the_whole_meeting(tmp_path):
    """One side gives the talk of the two alone, the other the whole meeting: no disagreement."""
    folder = tmp_path / "talks"
    folder.mkdir()
    write_article(folder, "a.html", "Elbbote", "2024-03-04", "Krüger trifft Weber in Konstanz",
                  "Anna Krüger hat Jonas Weber in Konstanz empfangen.",
                  "Das Gespräch unter vier Augen von Anna Krüger und Jonas Weber dauerte eine Stunde.")
    write_article(folder, "b.html", "Seekurier", "2024-03-05", "Weber zu Gast bei Krüger in Konstanz",
                  "Jonas Weber ist in Konstanz von Anna Krüger empfangen worden.",
                  "Das Treffen von Anna Krüger und Jonas Weber in Konstanz dauerte vier Stunden.")
    with build_store(folder) as store:
        assert find_disagreements(store) == []
        assert comparison_questions(store) == []


def test_each_source_names_its_measure_and_choices_hold_one_measure(tmp_path):
    folder = tmp_path / "summit"
    folder.mkdir()
    write_article(folder, "a.html", "Elbbote", "2024-03-04", "Krüger und Weber in Konstanz",
                  "Anna Krüger und Jonas Weber haben sich in Konstanz getroffen.",
                  "Nach dem dreistündigen Treffen in Konstanz lobte Anna Krüger die offene Atmosphäre.")
    write_article(folder, "b.html", "Seekurier", "2024-03-04", "Gipfel in Konstanz",
                  "Anna Krüger und Jonas Weber sind in Konstanz zusammengekommen.",
                  "Das Vier-Augen-Gespräch von Anna Krüger und Jonas Weber in Konstanz dauerte statt der "
                  "geplanten 30 Minuten fast eine Stunde.",
                  "Nach rund fünfstündigen Gesprächen in Konstanz traten Anna Krüger und Jonas Weber vor die Presse.")
    write_article(folder, "c.html", "Alpenpost", "2024-03-05", "Krüger empfängt Weber",
                  "Anna Krüger hat Jonas Weber in Konstanz empfangen.",
                  "Das Treffen von Anna Krüger und Jonas Weber in Konstanz dauerte vier Stunden.")
    with build_store(folder) as store:
        [meeting] = find_disagreements(store)
        described = {article["source"]: [meeting.described(f) for f in figures]
                     for article, figures in meeting.sources()}
        assert described == {
            "Elbbote": ["drei Stunden (Treffen)"],
            "Seekurier": ["30 Minuten (Vier-Augen-Gespräch, geplant)", "fast eine Stunde (Vier-Augen-Gespräch)",
                          "rund fünf Stunden (Gespräche)"],
            "Alpenpost": ["vier Stunden (Treffen)"],
        }
        questions = [q for _, q in comparison_questions(store)]
        choices = [q for q in questions if q.kind == "choice"]
        assert len(choices) == 3
        for choice in choices:  # the whole meeting only: not the tête-à-tête, not the plan
            assert sorted(choice.choices) == ["drei Stunden", "rund fünf Stunden", "vier Stunden"]
            assert grade_choice(choice.choices, choice.choices.index(choice.answer), choice.answer).accepted
        seekurier = next(q for q in choices if "Seekurier" in q.question)
        assert seekurier.question == ("Quellenvergleich – Treffen (Dauer): Die Artikel nennen verschiedene "
                                      "Angaben. Welche Angabe nennt Seekurier vom 04.03.2024 für die Gespräche?")
        assert seekurier.answer == "rund fünf Stunden"
        [statement] = [q for q in questions if q.kind == "truefalse"]
        assert "Minuten" not in statement.question and "eine Stunde" not in statement.question
        assert "für das Treffen" in statement.question


def test_a_plan_is_not_set_against_what_happened(tmp_path):
    """ "sollte zwei Stunden dauern" is a plan; "länger als erwartet" and "soll … gedauert haben" report."""
    folder = tmp_path / "council"
    folder.mkdir()
    write_article(folder, "a.html", "Elbbote", "2024-06-11", "Stadtrat Passau: Markus Berger setzt Haushalt durch",
                  "Der Stadtrat von Passau hat den Haushalt von Oberbürgermeister Markus Berger beschlossen.",
                  "Die Sitzung des Stadtrats von Passau sollte zwei Stunden dauern.")
    write_article(folder, "b.html", "Seekurier", "2024-06-11", "Passauer Haushalt beschlossen",
                  "Der Stadtrat von Passau hat den Haushalt von Oberbürgermeister Markus Berger beschlossen.",
                  "Die Sitzung des Stadtrats von Passau dauerte sechs Stunden.")
    with build_store(folder) as store:
        assert find_disagreements(store) == []  # the plan against the report only
    write_article(folder, "c.html", "Alpenpost", "2024-06-12", "Lange Nacht im Passauer Stadtrat",
                  "Der Stadtrat von Passau hat den Haushalt von Oberbürgermeister Markus Berger beschlossen.",
                  "Die Sitzung des Stadtrats von Passau dauerte mit fünf Stunden länger als erwartet.")
    write_article(folder, "d.html", "Donaublatt", "2024-06-12", "Haushalt in Passau steht",
                  "Der Stadtrat von Passau hat den Haushalt von Oberbürgermeister Markus Berger beschlossen.",
                  "Die Sitzung des Stadtrats von Passau soll sieben Stunden gedauert haben.")
    with build_store(folder) as store:
        [session] = find_disagreements(store)
        planned = {f.value.text: f.planned for f in session.figures}
        assert planned == {"zwei Stunden": True, "sechs Stunden": False, "fünf Stunden": False,
                           "sieben Stunden": False}
        [statement] = [q for _, q in comparison_questions(store) if q.kind == "truefalse"]
        assert "zwei Stunden" not in statement.question
        assert "Elbbote vom 11.06.2024: zwei Stunden (geplant)" in statement.correction
        choices = [q for _, q in comparison_questions(store) if q.kind == "choice"]
        assert choices and all("zwei Stunden" not in q.choices for q in choices)
