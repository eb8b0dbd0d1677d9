"""The fair grader: numbers must match, spelling is forgiven, a different real word never is."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from quizbot.grading import GradingError, grade, grade_choice, grade_truefalse, word_match
from quizbot.i18n import set_language
from quizbot.variants import variants_of

DATA = Path(__file__).parent / "data"


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("de")


def labelled(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def errors(cases: list[dict]) -> tuple[list[dict], list[dict]]:
    """(false accepts, false rejects) of the grader on labelled cases."""
    false_accepts, false_rejects = [], []
    for case in cases:
        result = grade(case["expected"], case["given"], accepted=case.get("accepted", ()),
                       answer_type=case.get("answer_type"), choices=case.get("choices"))
        if result.accepted and case["label"] == "reject":
            false_accepts.append(case)
        elif not result.accepted and case["label"] == "accept":
            false_rejects.append(case)
    return false_accepts, false_rejects


def test_shared_development_set_has_no_false_accepts_and_no_false_rejects():
    cases = labelled("grading_dev.jsonl")
    assert len(cases) == 52
    false_accepts, false_rejects = errors(cases)
    assert false_accepts == []
    assert false_rejects == []


def test_own_labelled_set_has_no_false_accepts():
    cases = labelled("grading_cases.jsonl")
    assert len(cases) >= 200
    assert {"accept", "reject"} == {c["label"] for c in cases}
    false_accepts, false_rejects = errors(cases)
    assert false_accepts == []
    assert len(false_rejects) <= 3, false_rejects


def test_held_out_set_has_no_false_accepts_and_few_false_rejects():
    # Written as learners type, before the grader was run on it, in two rounds (542 + 255 cases);
    # the rounds' first runs had 4 and 5 false accepts. The false rejects left are answers only
    # knowledge tells apart: "Leo Messi" (a nickname), "Frankfurt" for Frankfurt am Main, "Dortmund"
    # for Borussia Dortmund, "Kanzler" for Bundeskanzler.
    cases = labelled("grading_heldout.jsonl")
    assert len(cases) >= 250 and all(c["why"] for c in cases)
    false_accepts, false_rejects = errors(cases)
    assert false_accepts == []
    assert len(false_rejects) <= 12, false_rejects


def test_fresh_set_has_no_false_accepts_and_few_false_rejects():
    # Written as learners type before the grader, its docs or the other sets were read, in two rounds:
    # 1159 cases (first run: 6 false accepts, 133 false rejects), then 184 aimed at the rules added for
    # them (first run: 5 false accepts, 9 false rejects). The false rejects left are mostly knowledge
    # (Transsib, Berlinale, Leo Messi), synonyms not listed (Gasleitung, Trockenheit) and a bare figure
    # for a measure ("130" for 130 Kilometer), which stays partial by rule.
    cases = labelled("grading_fresh.jsonl")
    assert len(cases) >= 1300 and {"accept", "reject"} == {c["label"] for c in cases}
    false_accepts, false_rejects = errors(cases)
    assert false_accepts == []
    assert len(false_rejects) <= 62, false_rejects


def test_second_fresh_set_aimed_at_false_accepts_has_none_and_few_false_rejects():
    # Written before grading.py's rules were read in detail, aimed at false accepts as learners and pranksters
    # type (a month for a year, a place for a person, a unit alone, the right figure counting another thing,
    # hedges, "bis" for "seit", ordinals for counts, father and son, "Putins Sprecher", the answer inside a longer
    # word …), in two rounds: 533 cases (first run: 18 false accepts, 17 false rejects), then 119 aimed at the
    # rules added for them (first run: 9 false accepts, 4 false rejects). 7 labels changed: "bis 2002" for 2002
    # echoes "bis _____" (test_learner_figures keeps that rule). The false rejects left are knowledge
    # (VN, Erdgas for Gas, Verfassungsgericht, "Bush junior"), English words for German ones and sentences
    # whose clauses read as several answers.
    cases = labelled("grading_fresh2.jsonl")
    assert len(cases) >= 650 and {"accept", "reject"} == {c["label"] for c in cases}
    false_accepts, false_rejects = errors(cases)
    assert false_accepts == []
    assert len(false_rejects) <= 14, false_rejects
    assert 1 - len(false_rejects) / len(cases) >= 0.978


def test_walkthrough_set_has_no_false_accepts_and_no_false_rejects():
    # A user's walkthrough: other people of the right family name ("Kim Jong Il" for Kim / Kim Jong Un,
    # "Ivanka Trump"), a given name the article does not give ("Hans Lininger"), "rund 5 stündigen", "jein",
    # "jaaa", "weis nich", "2000" for the only option holding it, "ein jar". Written after the walkthrough,
    # before the fixes: 14 false accepts and 9 false rejects on the grader before them.
    cases = labelled("grading_walkthrough.jsonl")
    assert len(cases) >= 50 and all(c["why"] for c in cases)
    false_accepts, false_rejects = errors(cases)
    assert false_accepts == []
    assert false_rejects == []


def test_the_fuzzy_baseline_fails_where_the_grader_does_not():
    # The issue's own examples: fuzz.ratio >= 80 gets every one of them wrong.
    wrong_but_similar = [("34 Millionen Dollar", "43 Millionen Dollar"), ("34 Millionen Dollar", "3,4 Millionen Dollar")]
    right_but_different = [("34 Millionen Dollar", "34 Mio. $"), ("Pjöngjang", "Pyongyang"),
                           ("34 Millionen Dollar", "Ich glaube, es waren 34 Millionen Dollar")]
    for expected, given in wrong_but_similar:
        assert fuzz.ratio(expected, given) >= 80
        assert not grade(expected, given).accepted
    for expected, given in right_but_different:
        assert fuzz.ratio(expected, given) < 80
        assert grade(expected, given).accepted


@pytest.mark.parametrize(
    "expected, given, verdict",
    [
        ("34 Millionen Dollar", "34 Mio. $", "correct"),
        ("34 Millionen Dollar", "34.000.000 US-Dollar", "correct"),
        ("34 Millionen Dollar", "vierunddreißig Millionen", "close"),  # currency missing: accepted, with a note
        ("34 Millionen Dollar", "34", "partial"),  # the scale is missing
        ("34 Millionen Dollar", "34 Milliarden Dollar", "wrong"),
        ("34 Millionen Dollar", "34 Millionen Euro", "wrong"),
        ("1,8 Billionen Dollar", "1800 Milliarden Dollar", "correct"),
        ("mehr als 10.000", "10,000", "close"),  # English separator; "mehr als" dropped
        ("dreieinhalb Stunden", "210 Minuten", "correct"),
        ("dreieinhalb Stunden", "3 Std. 30 Min.", "correct"),
        ("dreieinhalb Stunden", "3,5", "partial"),  # hours or minutes? a measure needs its unit
        ("130 Kilometer", "130 Meter", "wrong"),
        ("130 Kilometer", "130.000 m", "correct"),
        ("42,195 Kilometer", "42.195 km", "correct"),
        ("42,195 Kilometer", "42,195 Meter", "wrong"),
        ("mehr als 10.000", "weniger als 10.000", "wrong"),
        ("fast zwei Stunden", "rund zwei Stunden", "correct"),
        ("fast zwei Stunden", "mehr als zwei Stunden", "wrong"),
        ("das Zehnfache", "das 10-fache", "correct"),
        ("viermal", "4 mal", "correct"),
        ("2002", "2001, 2002", "wrong"),
        ("2002", "2000, 2001, 2002", "wrong"),
        ("1950-53", "1950 bis 1953", "correct"),
        ("1950-53", "1950", "partial"),
        ("25.4.2019", "25. April 2019", "correct"),
        ("25.4.2019", "26.4.2019", "wrong"),
        ("Ende Februar", "Anfang Februar", "wrong"),
        ("Hunderte Millionen Dollar", "300 Millionen Dollar", "partial"),
        ("49 Euro", "49 Cent", "wrong"),
    ],
)
def test_quantities(expected, given, verdict):
    assert grade(expected, given).verdict == verdict


def test_notes_say_what_is_wrong():
    assert grade("34 Millionen Dollar", "43 Millionen Dollar").note == \
        "Die Zahl stimmt nicht: laut Artikel »34 Millionen Dollar«."
    assert "Größenordnung stimmt nicht" in grade("34 Millionen Dollar", "34 Milliarden Dollar").note
    assert "Einheit stimmt nicht" in grade("34 Millionen Dollar", "34 Millionen Euro").note
    assert "Einheit fehlt" in grade("34 Millionen Dollar", "34 Millionen").note
    assert grade("Wladiwostok", "Wladiwostock").note == "Richtig – geschrieben wird es »Wladiwostok«."
    assert "tausend Milliarden" in grade("1,8 Milliarden Dollar", "1,8 Billionen Dollar").note


def test_notes_in_english(english):
    assert grade("34 Millionen Dollar", "43 Millionen Dollar").note == \
        "The number is wrong: the article says '34 Millionen Dollar'."


@pytest.mark.parametrize(
    "expected, given, accepted",
    [
        ("Außenminister", "Aussenminister", True),
        ("Außenminister", "Ausenminister", True),
        ("Außenminister", "Innenminister", False),  # a different real word, however close
        ("Säbel", "säbl", True),
        ("Säbel", "Gabel", False),
        ("Säbel", "Zobel", False),  # sounds alike (Kölner Phonetik 815) but too far apart
        ("Wladiwostok", "Vladivostok", True),
        ("Medwedew", "Medvedev", True),
        ("Schoigu", "Shoigu", True),
        ("Pjöngjang", "Pyongyang", True),
        ("Kiew", "Kyjiw", True),  # data/variants.tsv
        ("Kiew", "Kiel", False),
        ("Irland", "Island", False),
        ("Bundestag", "Bundesrat", False),  # two edits within three letters: another word part
        ("Olaf Scholz", "Schulz", False),
        ("Mike Pompeo", "Mike Pence", False),
        ("Angela Merkel", "Merkel", True),  # the family name alone
        ("Angela Merkel", "Merkel Angela", True),  # free order
        ("Angela Merkel", "Angela", False),
        ("Donald Trump", "Ivanka Trump", False),
        ("Donald Trump", "US-Präsident Trump", True),
        ("Kim Jong Il", "Kim", False),  # a family name shared by many
        ("Kim Jong Il", "Kim Jong Un", False),
        ("Insel Russki", "Russki", True),
        ("Wladiwostok", "Ich glaube, es war Wladiwostok", True),
        ("Wladiwostok", "Wladiwostok oder Moskau", False),
        ("Wladiwostok", "nicht Wladiwostok", False),
        ("Hanoi", "Hanoi, Singapur", False),
        ("2:1", "1:2", False),
    ],
)
def test_words_and_names(expected, given, accepted):
    assert grade(expected, given).accepted is accepted


def test_word_match_kinds():
    assert word_match("aussenminister", "aussenminister") == "exact"
    assert word_match("aussenminister", "ausenminister") == "typo"
    assert word_match("aussenminister", "aussenministers") == "inflection"
    assert word_match("wolgograd", "volgograd") == "phonetic"
    assert word_match("kiew", "kyiv") == "variant"
    assert word_match("sabel", "zobel") is None


def test_teacher_alternatives_count():
    result = grade("Elbphilharmonie", "Elphi", accepted=["Elphi"])
    assert result.accepted and result.matched == "Elphi"
    assert not grade("Elbphilharmonie", "Elphi").accepted


def test_short_and_english_names_of_organisations_and_places_count():
    # data/organisations.tsv ("EZB ~Europäische Zentralbank") and data/variants.tsv (ECB, Munich).
    for expected, given in [("Europäische Zentralbank", "EZB"), ("Europäische Zentralbank", "die EZB"),
                            ("Europäische Zentralbank", "ECB"), ("Vereinte Nationen", "die UN"),
                            ("Borussia Dortmund", "BVB"), ("München", "Munich"), ("Syrien", "Syria"),
                            ("Nordkorea", "DVRK"), ("Überschwemmungen", "Ueberschwemmung")]:
        assert grade(expected, given).accepted, given
    for expected, given in [("Europäische Zentralbank", "Bundesbank"), ("Vereinte Nationen", "nicht die UN"),
                            ("Vereinte Nationen", "NATO"), ("Deutsche Bahn", "Deutsche Bank"),
                            ("Weltgesundheitsorganisation", "WTO"), ("Nordkorea", "South Korea")]:
        assert not grade(expected, given).accepted, given


def test_answer_types_steer_the_grading():
    assert grade("Bundesverfassungsgericht", "Bundesverfasungsgericht", answer_type="organisation").accepted
    assert grade("nur diplomatisch und friedlich gelöst", "diplomatisch und friedlich gelöst",
                 answer_type="quote").accepted
    assert not grade("nur diplomatisch und friedlich gelöst", "nicht diplomatisch gelöst", answer_type="quote").accepted
    assert grade("ja", "stimmt", answer_type="truefalse").accepted
    with pytest.raises(GradingError):
        grade("x", "y", answer_type="colour")
    with pytest.raises(GradingError):
        grade("vielleicht", "ja", answer_type="truefalse")


def test_multiple_choice_by_letter_number_or_text():
    options = ["43 Millionen Dollar", "34 Millionen Dollar", "3,4 Millionen Dollar", "340 Millionen Dollar"]
    assert grade_choice(options, 1, "b").verdict == "correct"
    assert grade_choice(options, 1, "B)").verdict == "correct"
    assert grade_choice(options, 1, "(b)").verdict == "correct"
    assert grade_choice(options, 1, "34 Mio. $").verdict == "correct"
    assert grade_choice(options, 1, "a").verdict == "wrong"
    assert grade_choice(options, 1, "43 Millionen Dollar").verdict == "wrong"
    assert grade_choice(["Hanoi", "Singapur", "Seoul"], 2, "3").verdict == "correct"
    assert grade_choice(["Hanoi", "Singapur", "Seoul"], 2, "Soul").verdict == "correct"
    assert grade("Seoul", "c", answer_type="choice", choices=["Hanoi", "Singapur", "Seoul"]).accepted
    assert "C) Seoul" in grade_choice(["Hanoi", "Singapur", "Seoul"], 2, "a").note
    with pytest.raises(GradingError):
        grade("Peking", "a", answer_type="choice", choices=["Hanoi", "Seoul"])


@pytest.mark.parametrize("options", [["zwei", "drei", "vier", "fünf"], ["zweimal", "dreimal", "viermal", "fünfmal"]])
def test_a_digit_is_the_number_when_the_options_are_number_words(options):
    # "4" for the option "vier" is the number four, not the fourth option (that is "fünf").
    assert grade_choice(options, 2, "4").verdict == "correct"
    assert grade_choice(options, 2, "3").verdict == "wrong"
    assert grade_choice(options, 2, "c").verdict == "correct"


@pytest.mark.parametrize(
    "given, verdict",
    [("ich nehme b", "correct"), ("die zweite", "correct"), ("die zweite Antwort", "correct"), ("Nummer 2", "correct"),
     ("b) Wladiwostok", "correct"), ("b) Wladiwostock", "correct"), ("Antwort b", "correct"),
     ("die erste", "wrong"), ("ich nehme a", "wrong"), ("nicht b", "unclear"), ("b oder c", "unclear"),
     ("b) Moskau", "unclear"), ("b ist falsch", "unclear")],
)
def test_a_choice_said_in_words(given, verdict):
    # The letter or position in a few words picks the option; a letter and a text that disagree pick nothing.
    result = grade_choice(["Moskau", "Wladiwostok", "Peking", "Pjöngjang"], 1, given)
    assert (result.verdict, result.unclear) == {"correct": ("correct", False), "wrong": ("wrong", False),
                                                "unclear": ("wrong", True)}[verdict]


@pytest.mark.parametrize(
    "given, said",
    [("ja", True), ("Ja!", True), ("stimmt", True), ("wahr", True), ("richtig", True), ("j", True),
     ("true", True), ("yes", True), ("nein", False), ("stimmt nicht", False), ("falsch", False), ("n", False),
     ("false", False), ("no", False), ("Nein, das stimmt nicht.", False), ("nicht falsch", True), ("unwahr", False),
     ("ne", False), ("trifft nicht zu", False),
     # one slip in a longer yes/no word is forgiven, as the chat's welcome promises
     ("nien", False), ("stimt", True), ("stimmt nich", False), ("falsh", False), ("richitg", True), ("jaein", None)],
)
def test_true_false(given, said):
    if said is None:  # "jaein" (yes-and-no): not understood, not counted either way
        assert grade_truefalse(True, given).unclear and grade_truefalse(False, given).unclear
        return
    assert grade_truefalse(True, given).accepted is said
    assert grade_truefalse(False, given).accepted is not said


def test_true_false_that_says_both_or_nothing_is_not_accepted():
    assert grade_truefalse(True, "ja nein").verdict == "wrong"
    unclear = grade_truefalse(True, "vielleicht")
    assert unclear.unclear and unclear.note == "Bitte mit ja oder nein antworten. Die Aussage stimmt."


@pytest.mark.parametrize(
    "given",
    ["", "   ", "\x00\x07\x1b[31m", "😀😀😀", "<script>alert(1)</script>", "weiß nicht", "???",
     "Wladiwostok " * 1000, "\u202e\u200bWladiwostok"[:1] * 10_000],
)
def test_any_input_gets_a_verdict_quickly(given):
    started = time.perf_counter()
    result = grade("Wladiwostok", given)
    assert time.perf_counter() - started < 0.05
    assert result.verdict == "wrong" and not result.accepted
    assert result.note


def test_markup_and_emoji_around_a_right_answer_are_ignored():
    assert grade("Wladiwostok", "<b>Wladiwostok</b> 😀").accepted
    assert grade("34 Millionen Dollar", "**34 Mio. $**").accepted
    assert grade("Wladiwostok", "Wladi\u00adwostok").accepted  # soft hyphen


def test_variants_of_an_answer_for_the_accepted_list():
    assert variants_of("Kiew") == ["Kyiv", "Kyjiw", "Kiev", "Kijew"]
    assert "Präsident Zelensky" in variants_of("Präsident Selenskyj")
    assert variants_of("Säbel") == []


@pytest.mark.parametrize(
    "expected, given, verdict",
    [
        # A negated figure is ruled out: wrong if it is the answer, ignored if it is another figure.
        ("34 Millionen Dollar", "nicht 34 Millionen", "wrong"),
        ("20 Minuten", "nicht mal 20 Minuten", "wrong"),
        ("34 Millionen Dollar", "Es waren 34 Millionen, nicht 43", "close"),
        ("34 Millionen Dollar", "nicht mehr als 34 Millionen Dollar", "close"),  # a bound, not a negation
        # How learners type figures.
        ("3,5 Millionen Euro", "3 1/2 Mio. €", "correct"),
        ("3,5 Millionen Euro", "3½ Millionen Euro", "correct"),
        ("12.000 Euro", "12k €", "correct"),
        ("34 Millionen Dollar", "$34M", "correct"),
        ("2,1 Milliarden Dollar", "2.1 billion dollars", "correct"),  # English billion = Milliarde
        ("2,1 Milliarden Dollar", "2,1 Billionen Dollar", "wrong"),  # German Billionen are 1000 times more
        ("1989", "'89", "correct"),
        ("1989", "'98", "wrong"),
        ("2002", "Zweitausendundzwei", "correct"),
        ("9. November 1989", "neunter November 1989", "correct"),
        ("25. April 2019", "25. Apirl 2019", "correct"),
        ("1. Juli 2021", "1. Juni 2021", "wrong"),  # a real month is never a misspelt one
        ("dreimal so hoch", "3x", "correct"),
        ("das Zehnfache", "x10", "correct"),
        ("5,2 Milliarden Euro", "5 Komma 2 Milliarden Euro", "correct"),
        ("dreieinhalb Stunden", "drei einhalb Stunden", "correct"),
        ("minus 15 Grad", "15 Grad unter Null", "correct"),
        ("1 Milliarde Dollar", "eine Mia. Dollar", "correct"),
        # A misspelt scale word or unit is the word it spells, never another one.
        ("34 Millionen Dollar", "34 Milionen Dollar", "correct"),
        ("130 Kilometer", "130 kilomter", "correct"),
        ("34 Millionen Dollar", "34 Miliarden Dollar", "wrong"),
        ("2 Minuten", "2 Monaten", "wrong"),
        # Dates in the other orders; a time before or after is not the time.
        ("25.4.2019", "25/4/2019", "correct"),
        ("25.4.2019", "April 25, 2019", "correct"),
        ("25.4.2019", "April 24, 2019", "wrong"),
        ("2002", "vor 2002", "wrong"),
        ("25. April 2019", "nach dem 25. April 2019", "wrong"),
        ("vor 1989", "vor 1989", "correct"),
        ("2020", "bis 2020", "correct"),  # echoes "Bis wann …?"
        # Measures: a different scale is a different unit.
        ("30 Grad", "30 Grad Fahrenheit", "wrong"),
        # Shares for percentages, as precise as the article's figure.
        ("25 Prozent", "ein Viertel", "correct"),
        ("33 Prozent", "jeder Dritte", "close"),
        ("75 Prozent", "drei Viertel", "correct"),
        ("33 Prozent", "ein Viertel", "wrong"),
        # … and a share expected: the share, its percentage or the fraction.
        ("die Hälfte", "50 Prozent", "correct"),
        ("zwei Drittel", "2/3", "correct"),
        ("zwei Drittel", "67 %", "close"),
        ("zwei Drittel", "66 %", "wrong"),
        ("zwei Drittel", "ein Drittel", "wrong"),
        ("die Hälfte", "nicht die Hälfte", "wrong"),
        ("die Hälfte", "mehr als die Hälfte", "wrong"),
        ("25 Prozent", "mehr als ein Viertel", "wrong"),
        ("25 Prozent", "etwa ein Viertel", "correct"),
        ("3. Oktober 1990", "October 3, 1990", "correct"),
        # The figure itself: a strict bound is not it, Prozentpunkte are not Prozent.
        ("140 Tote", "über 140", "partial"),
        ("19 Prozent", "19 Prozentpunkte", "partial"),
        # What the figure counts, for things news figures are confused about.
        ("140 Tote", "140 Verletzte", "wrong"),
        ("140 Tote", "140 Todesopfer", "correct"),
        ("12 Millionen Einwohner", "12 Millionen Menschen", "correct"),
    ],
)
def test_learner_figures(expected, given, verdict):
    assert grade(expected, given).verdict == verdict


def test_a_bare_figure_answers_a_count_question_but_not_a_measure():
    assert grade("81 Jahre", "81", answer_type="count").accepted
    assert grade("3 Tage", "3", answer_type="duration").verdict == "partial"


@pytest.mark.parametrize(
    "expected, given, answer_type, accepted",
    [
        # Transliterations: German and English conventions (sch/sh, tsch/ch, dsch/j, j/y, w/v) …
        ("Sotschi", "Sochi", "place", True),
        ("Kim Jong-un", "Kim Dschong Un", "person", True),
        ("Dschidda", "Jeddah", "place", True),
        ("Schanghai", "Shanghai", "place", True),  # data/places.tsv: "=Schanghai"
        ("Moon Jae-in", "Mun Jae In", "person", True),
        # … but a transliteration keeps the vowels: Chomeini is another ayatollah.
        ("Ali Chamenei", "Chomeini", "person", False),
        ("Ali Chamenei", "Khamenei", "person", True),
        # Forms of address, titles, particles and numerals around a name.
        ("Olaf Scholz", "Herr Scholz", "person", True),
        ("Angela Merkel", "Frau Dr. Merkel", "person", True),
        ("Olaf Scholz", "Herr Schulz", "person", False),
        ("Abdel Fattah al-Sisi", "el-Sisi", "person", True),
        ("Ludwig XIV.", "Ludwig der Vierzehnte", "person", True),
        ("Ludwig XIV.", "Ludwig XVI.", "person", False),
        ("Ludwig XIV.", "Ludwig", "person", False),  # which one?
        ("Xi Jinping", "Xi", "person", True),  # a rare family name names him
        ("Li Qiang", "Li", "person", False),  # a common one does not
        # Legal forms may be added or left out, but one is not another.
        ("China", "Volksrepublik China", "place", True),
        ("Volksrepublik China", "China", "place", True),
        ("Volksrepublik China", "Republik China", "place", False),  # Taiwan
        ("FC Bayern München", "Bayern München", "organisation", True),
        ("FC Bayern München", "SC Bayern München", "organisation", False),
        # Negated candidates are ruled out.
        ("Wladimir Putin", "Putin, nicht Medwedew", "person", True),
        ("Wladimir Putin", "Medwedew, nicht Putin", "person", False),
        ("Dmitri Medwedew", "Es war nicht Putin, sondern Medwedew", "person", True),
        ("Wladiwostok", "In Wladiwostok, glaube ich, aber nicht sicher", "place", True),
        ("Yes we can", "Yes we can't", "quote", False),
        # An initial, a short or foreign form of the first name (data/grading_given_name_forms.tsv) …
        ("Donald Trump", "D. Trump", "person", True),
        ("Donald Trump", "M. Trump", "person", False),
        ("Mike Pompeo", "Michael Pompeo", "person", True),
        ("König Charles III.", "Karl III.", "person", True),
        ("Michael Schumacher", "Mick Schumacher", "person", False),  # his son
        ("Alexander Zverev", "Mischa Zverev", "person", False),  # his brother
        # … and Korean given names read as one word: one slip is a typo, another syllable another man.
        ("Kim Jong Un", "Kim Jon Un", "person", True),
        ("Kim Jong Un", "Kim Jung Un", "person", True),
        ("Kim Jong Un", "Kim Jong Il", "person", False),
        ("Kim Jong Un", "Kim Jong Nam", "person", False),
        # What the answer is, said after it: the place's country, an apposition with a role.
        ("Wladiwostok", "Wladiwostok, Russland", "place", True),
        ("Wladiwostok", "Vladivostok (Russland)", "place", True),
        ("Wladiwostok", "Wladiwostok, China", "place", False),
        ("Recep Tayyip Erdoğan", "Erdogan, der türkische Präsident", "person", True),
        ("Wladimir Putin", "Medwedew, der Präsident", "person", False),
        # One part of a word said the other way (data/grading_synonyms.tsv), a misspelt variant.
        ("Atomprogramm", "Nuklearprogramm", "word", True),
        ("Importzölle", "Einfuhrzölle", "word", True),
        ("Importzölle", "Ausfuhrzölle", "word", False),
        ("Kernfusion", "Kernspaltung", "word", False),
        ("Peking", "Bejing", "place", True),
        ("1991", "Ende 1991", "year", True),  # more precise than asked
        # Spellings of other names are other names, and a variant's typo stays within the word's budget.
        ("Irland", "Iceland", "place", False),
        ("Prag", "Praia", "place", False),
        ("James-Webb-Teleskop", "James-Web-Teleskop", "word", True),  # the compound's budget
        ("Covid-19", "Covid-18", "word", False),
        ("Dürre", "Dürer", "word", False),  # the painter: a real name is never a typo
        ("Export", "Exporte", "word", True),  # a plural is no other word
        ("alle zufrieden", "niemand zufrieden", "quote", False),
        ("Ende 1991", "Anfang 1991", "year", False),
    ],
)
def test_names_and_words_as_learners_type_them(expected, given, answer_type, accepted):
    assert grade(expected, given, answer_type=answer_type).accepted is accepted


def test_terminal_and_rich_markup_around_an_answer_are_removed():
    assert grade("Wladiwostok", "\x1b[31mWladiwostok\x1b[0m").verdict == "correct"
    assert grade("Wladimir Putin", "[bold]Putin[/]").accepted
    assert grade("Wladiwostok", "<script>alert(1)</script>Wladiwostok").verdict == "correct"


@pytest.mark.parametrize("expected, given, accepted", [
    ("2002", "im Mai", False),  # a month alone names nothing of the year
    ("2002", "Mai", False),
    ("2002", "2002 im Mai", True),  # the month adds to the right year
    ("2002", "im Mai 2003", False),
    ("25. April 2019", "am 25. April", True),
])
def test_a_date_must_name_a_part_of_the_expected_one(expected, given, accepted):
    assert grade(expected, given, answer_type="year" if expected == "2002" else "date").accepted is accepted


@pytest.mark.parametrize("expected, given, accepted", [
    ("2002", "bis 2002", True),  # a start or an end echoes the question or the gap ("bis _____")
    ("2002", "seit dem Jahr 2002", True),
    ("seit 2002", "ab 2002", True),
    ("seit 2002", "bis 2002", False),  # the other end of the span
    ("seit 2002", "bis zum Jahr 2002", False),
    ("bis 2038", "spätestens 2038", True),
    ("bis 2038", "ab 2038", False),
    ("bis 2038", "frühestens 2038", False),
    ("2002", "kurz vor 2002", False),
    ("2002", "2002 oder später", False),  # an open end is a hedge
])
def test_a_start_or_an_end_must_fit_the_expected_one(expected, given, accepted):
    assert grade(expected, given, answer_type="year").accepted is accepted


@pytest.mark.parametrize("expected, given, answer_type, accepted", [
    ("drei Treffen", "das dritte", "count", False),  # which one, not how many
    ("drei Treffen", "dreimal", "count", True),
    ("70. Jahrestag", "70.", "ordinal", True),
    ("34 Millionen Dollar", "34 Millionen Menschen", "amount", False),  # people where money is counted
    ("34 Millionen Dollar", "34 Millionen Dolar", "amount", True),  # a misspelt unit is no other thing
    ("mehr als 10.000 Nordkoreaner", "10.000 Dollar", "count", False),
    ("mehr als 10.000 Nordkoreaner", "10.000 Südkoreaner", "count", False),  # one head, another first part
    ("mehr als 10.000 Nordkoreaner", "10.000 Russen", "count", False),  # data/grading_counted_things.tsv
    ("mehr als 10.000 Nordkoreaner", "mehr als 10.000 Koreaner", "count", True),  # says less, not otherwise
    ("das Zehnfache", "zehn Prozent", "factor", False),
    ("34 Millionen Dollar", "34 Millionen Dollar oder Euro", "amount", False),
    ("34 Millionen Dollar", "34 Millionen Dollar, mehr oder weniger", "amount", True),
])
def test_the_right_figure_of_the_wrong_thing_is_wrong(expected, given, answer_type, accepted):
    assert grade(expected, given, answer_type=answer_type).accepted is accepted


@pytest.mark.parametrize("expected, given, answer_type, accepted", [
    # Initials and generations tell father and son apart.
    ("George W. Bush", "George H. W. Bush", "person", False),
    ("George H. W. Bush", "George W. Bush", "person", False),
    ("George W. Bush", "George Walker Bush", "person", True),
    ("Donald Trump", "Donald J. Trump", "person", True),  # an initial added to a name written without any
    ("Donald Trump", "Donald Trump Jr.", "person", False),
    ("Donald Trump Jr.", "Trump Junior", "person", True),
    ("Donald Trump Jr.", "Donald Trump", "person", False),
    # The right name as part of someone or something else.
    ("Wladimir Putin", "Putins Sprecher", "person", False),
    ("Kim Jong Il", "Sohn des Kim Jong Il", "person", False),
    ("Ursula von der Leyen", "Frau von der Leyen", "person", True),  # "von" of the name itself
    ("Nato", "Nato-Generalsekretär", "organisation", False),
    ("Jens Stoltenberg", "Nato-Generalsekretär Stoltenberg", "person", True),
    ("Russland", "Russlands Präsident", "place", False),
    # A negation the answer leaves out; a yes/no question handed back; English look-alikes.
    ("nicht öffentlich", "öffentlich", "word", False),
    ("kein Abkommen", "ein Abkommen", "word", False),
    ("nicht öffentlich", "nichtöffentlich", "word", True),
    ("wahr", "Stimmt das?", "truefalse", False),
    ("wahr", "ja?", "truefalse", True),
    ("Handel", "handle", "word", False),
    # Said twice is said once; a digit for an ordinal word; the day without its dot; an English month.
    ("Wladiwostok", "Wladiwostok Wladiwostok", "place", True),
    ("Zweiter Weltkrieg", "2. Weltkrieg", "word", True),
    ("3. Oktober", "3 Oktober", "date", True),
    ("im Mai", "May", "date", True),
    ("im Mai", "Ende Mai", "date", True),  # more precise than the article
    ("Ende Februar", "Anfang Februar", "date", False),
])
def test_names_and_words_that_name_another_thing(expected, given, answer_type, accepted):
    assert grade(expected, given, answer_type=answer_type).accepted is accepted


@pytest.mark.parametrize("given, accepted", [
    ("der russische Präsident Putin", True),  # whose title it is changes nothing
    ("Russlands Präsident Putin", True),
    ("der ehemalige russische Präsident Putin", True),
    ("Russlands Präsident", False),  # the title alone names nobody
    ("Putins Sprecher Peskow", False),  # another person
    ("der russische Präsident Medwedew", False),
])
def test_a_name_with_its_title_described(given, accepted):
    assert grade("Wladimir Putin", given, answer_type="person").accepted is accepted


@pytest.mark.parametrize("given", ["Kim Jong Il", "Kim Il Sung", "Kim Jong-il", "Kim Yo Jong", "Hans Kim"])
def test_another_kim_is_wrong_when_the_question_knows_the_full_name(given):
    # The bare "Kim" of the article must not vouch for given names that the fuller form contradicts.
    result = grade("Kim", given, accepted=["Kim Jong Un", "Kim Jong-un"], answer_type="person")
    assert result.verdict == "wrong"
    assert "Kim Jong Un" in result.note


def test_the_full_name_the_question_knows_vouches_for_the_given_names():
    assert grade("Kim", "Kim Jong Un", accepted=["Kim Jong Un"], answer_type="person").verdict == "correct"
    assert grade("Kim", "Kim Jon Un", accepted=["Kim Jong Un"], answer_type="person").accepted
    # The fuller form only vouches; a title it carries is not asked for ("Richtig – vollständig …").
    assert grade("Scholz", "Olaf Scholz", accepted=["Bundeskanzler Olaf Scholz"], answer_type="person").verdict == "correct"
    assert grade("Kim", "Machthaber Kim", accepted=["Kim Jong Un"], answer_type="person").verdict == "correct"
    assert grade("George Bush", "George H. W. Bush", accepted=["George W. Bush"], answer_type="person").verdict == "wrong"
    assert grade("George Bush", "George Walker Bush", accepted=["George W. Bush"], answer_type="person").accepted


def test_a_teachers_nickname_still_counts_beside_the_bare_family_name():
    # "Messi" does not vouch for "Leo"; the teacher's "Leo Messi" does.
    assert grade("Lionel Messi", "Leo Messi", accepted=["Leo Messi", "Messi"], answer_type="person").accepted
    assert not grade("Messi", "Leo Messi", accepted=["Lionel Messi"], answer_type="person").accepted


@pytest.mark.parametrize("answer_type", ["person", None])
def test_a_given_name_the_article_does_not_give_is_partial(answer_type):
    result = grade("Lininger", "Hans Lininger", answer_type=answer_type)
    assert result.verdict == "partial" and not result.accepted
    assert result.note == "Laut Artikel nur »Lininger« – einen Vornamen nennt der Artikel nicht."
    assert grade("Lininger", "Herr Lininger", answer_type=answer_type).verdict == "correct"  # a title adds no name
    assert grade("Trump", "Ivanka Trump", answer_type="person").verdict == "partial"


def test_a_well_known_persons_given_name_counts_without_the_article(english):
    # data/grading_known_people.txt: one person per family name, as German news writes it.
    assert grade("Schoigu", "Sergej Schoigu").verdict == "correct"
    assert grade("Goethe", "Johann Wolfgang von Goethe", answer_type="person").verdict == "correct"
    misspelt = grade("Schoigu", "Sergey Schoigu", answer_type="person")
    assert misspelt.verdict == "close" and "Sergej Schoigu" in misspelt.note
    assert grade("Lininger", "Hans Lininger").note == "The article only says 'Lininger' – it gives no first name."


def test_the_cli_no_longer_accepts_another_person_of_the_family_name():
    from click.testing import CliRunner

    from quizbot.cli import cli
    runner = CliRunner()
    kim = runner.invoke(cli, ["grade", "Kim", "Kim Jong Il", "--accept", "Kim Jong Un", "--type", "person"])
    assert kim.exit_code == 0 and kim.stdout.startswith("falsch · 0.00")
    trump = runner.invoke(cli, ["grade", "Trump", "Ivanka Trump", "--accept", "Donald Trump", "--type", "person"])
    assert trump.stdout.startswith("falsch · 0.00")
    assert not runner.invoke(cli, ["grade", "Lininger", "Hans Lininger"]).stdout.startswith("richtig")


@pytest.mark.parametrize("given, accepted", [
    ("rund 5 stündigen", True),  # the figure and the unit's adjective written apart
    ("5 stuendigen", True),
    ("fünf stündigen", True),
    ("5-stündigen", True),
    ("rund 6 stündigen", False),
    ("5 tägigen", False),  # days, not hours
])
def test_a_duration_adjective_written_apart_from_its_figure(given, accepted):
    assert grade("rund fünfstündigen", given).accepted is accepted


@pytest.mark.parametrize("given", ["jein", "Jein", "jain"])
def test_jein_is_unclear_and_asked_again(given):
    for correct in (True, False):
        result = grade_truefalse(correct, given)
        assert result.unclear and not result.accepted


@pytest.mark.parametrize("given, says", [
    ("jaa", True), ("jaaa", True), ("Jaaaa!", True), ("neinn", False), ("neee", False), ("nööö", False),
    ("stimmmt", True),
])
def test_a_held_letter_in_yes_or_no(given, says):
    assert grade_truefalse(says, given).verdict == "correct"
    assert grade_truefalse(not says, given).verdict == "wrong"


@pytest.mark.parametrize("given", ["weis nich", "weiss nicht", "Weiß nich", "k.a.", "keine Ahnung", "ich weis nicht"])
def test_dont_know_typed_carelessly(given):
    result = grade("Wladiwostok", given)
    assert result.verdict == "wrong" and result.note.startswith("Keine Antwort")
    assert grade_truefalse(True, given).note.startswith("Keine Antwort")  # not asked again: it is an answer


TONNES = ["weniger als 500 Tonnen", "mehr als 2000 Tonnen", "etwa 1000 Tonnen"]
YEARS = ["ein Monat", "ein Jahr", "zehn Jahre"]


@pytest.mark.parametrize("options, given, verdict", [
    (TONNES, "2000", "correct"),  # only option B holds 2000
    (TONNES, "ich glaube 2000", "correct"),
    (TONNES, "mehr als 2000", "correct"),
    (TONNES, "1000", "wrong"),  # option C
    (TONNES, "nicht 2000", "unclear"),
    (TONNES, "2000 Kilogramm", "unclear"),  # another unit picks nothing
    (TONNES, "weniger als 2000", "unclear"),
    (["2000 Tonnen", "mehr als 2000 Tonnen"], "2000", "unclear"),  # two options hold it
    (YEARS, "ein jar", "correct"),  # a slip in a short word, no other option near
    (YEARS, "zehn jare", "wrong"),  # option C, misspelt
    (YEARS, "Jahr", "unclear"),
    (YEARS, "nicht ein jar", "unclear"),
    (["Bundestag", "Bundesrat", "Bundesregierung"], "Bundestat", "unclear"),  # as near to two options
])
def test_a_choice_named_by_its_figure_or_nearly_spelt(options, given, verdict):
    result = grade_choice(options, 1, given)
    assert (("unclear" if result.unclear else result.verdict) == verdict), result
