"""Checking claims against the articles: verdicts, explanations, evidence, bad input."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quizbot import i18n
from quizbot.factcheck import (
    check_claim, fts_query, prepare_claim, read_claim, relation, word_keys, ClaimCheck, Value,
)
from quizbot.store import Store

from tests.factcheck_material import FRESH, HELDOUT2, build_database, build_fresh_database, labelled_claims

FRESH3 = Path(__file__).resolve().parent / "data" / "claims_fresh3.jsonl"  # over the samples and UNSEEN


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(build_database(tmp_path_factory.mktemp("factcheck"))) as opened:
        yield opened


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("de")


def kinds_of_evidence(result: ClaimCheck) -> Counter:
    return Counter(item["stance"] for item in result.evidence)


# -- the labelled set ---------------------------------------------------------


def test_labelled_claims_reach_90_percent_and_no_unrelated_claim_is_supported(store):
    rows = labelled_claims()
    assert len(rows) >= 60
    verdicts = [check_claim(store, row["claim"]).verdict for row in rows]
    right = sum(verdict == row["label"] for verdict, row in zip(verdicts, rows))
    wrong = [(row["claim"], row["label"], v) for v, row in zip(verdicts, rows) if v != row["label"]]
    assert right / len(rows) >= 0.9, wrong
    assert not [row["claim"] for v, row in zip(verdicts, rows) if row["kind"] == "unrelated" and v == "supported"]
    for label in ("supported", "refuted", "disputed", "not_found"):
        assert any(row["label"] == label and v == label for v, row in zip(verdicts, rows)), label


def test_second_held_out_set_reaches_90_percent_and_no_claim_of_nothing_is_supported(store):
    """claims_heldout2.jsonl: written before the checker's rules were read, then used to find
    general causes of errors (so no longer unseen). Thresholds: 90 % overall, at least 80 % of
    each label, and not one claim the articles do not address called supported."""
    rows = labelled_claims(HELDOUT2)
    assert len(rows) >= 80
    verdicts = [check_claim(store, row["claim"]).verdict for row in rows]
    wrong = [(row["claim"], row["label"], v) for v, row in zip(verdicts, rows) if v != row["label"]]
    assert 1 - len(wrong) / len(rows) >= 0.9, wrong
    for label in ("supported", "refuted", "disputed", "not_found"):
        of_label = [v == row["label"] for v, row in zip(verdicts, rows) if row["label"] == label]
        assert sum(of_label) / len(of_label) >= 0.8, (label, wrong)
    assert not [row["claim"] for v, row in zip(verdicts, rows) if row["label"] == "not_found" and v == "supported"]


def test_fresh_set_reaches_85_percent_and_no_claim_of_nothing_is_supported(tmp_path):
    """claims_fresh.jsonl (263 claims over the samples and tests/articles_unseen): written before
    the checker was read; it scored 73.8 % then, and was used to find general causes of errors
    after. Thresholds below today's figure (90 %), for other helpers' changes to the extractor:
    85 % overall, 80 % of supported and of refuted claims, 90 % of not_found; no claim the articles
    do not address called supported. (Its 7 disputed claims are too few for a threshold.)"""
    rows = labelled_claims(FRESH)
    assert len(rows) >= 100
    with Store(build_fresh_database(tmp_path)) as store:
        verdicts = [check_claim(store, row["claim"]).verdict for row in rows]
    wrong = [(row["claim"], row["label"], v) for v, row in zip(verdicts, rows) if v != row["label"]]
    assert 1 - len(wrong) / len(rows) >= 0.85, wrong
    for label, least in (("supported", 0.8), ("refuted", 0.8), ("not_found", 0.9)):
        of_label = [v == row["label"] for v, row in zip(verdicts, rows) if row["label"] == label]
        assert sum(of_label) / len(of_label) >= least, (label, wrong)
    assert not [row["claim"] for v, row in zip(verdicts, rows) if row["label"] == "not_found" and v == "supported"]


def test_third_fresh_set_keeps_its_figure_and_calls_nothing_disputed(tmp_path):
    """claims_fresh3.jsonl (78 claims from a user walkthrough: disputed-vs-refuted confusions,
    city and country, offices of the wrong country, family ties, lower case and "das" for
    "dass", a word dropped, a wrong month): 60.3 % at its first run, 74 of 78 (94.9 %) after the
    fixes it was used to find - held there. No claim the articles do not address is called
    supported, and none is disputed: no two sources disagree about any of them."""
    rows = labelled_claims(FRESH3)
    assert len(rows) >= 70
    with Store(build_fresh_database(tmp_path)) as store:
        verdicts = [check_claim(store, row["claim"]).verdict for row in rows]
    wrong = [(row["claim"], row["label"], v) for v, row in zip(verdicts, rows) if v != row["label"]]
    assert len(rows) - len(wrong) >= 74, wrong
    assert not [row["claim"] for v, row in zip(verdicts, rows) if row["label"] == "not_found" and v == "supported"]
    assert "disputed" not in verdicts, wrong


# -- verdicts and what they say -------------------------------------------------


def test_a_false_claim_is_refuted_not_disputed_and_nothing_unfitting_is_for_it(store):
    cases = {
        # the office is China's: Xi's office and South Korea's president both say so
        "Xi Jinping ist der Präsident Südkoreas": "chinesischer Präsident, nicht Präsident Südkoreas",
        # Trump met Kim in Hanoi; Putin met him in Wladiwostok
        "Putin traf Kim in Hanoi": "Wladiwostok, nicht Hanoi",
        # the father is Kim Jong Il
        "Kim Jong Un ist der Vater von Kim Jong Il": "Kim Jong Il ist der Vater von",
        "Mike Pompeo ist der russische Außenminister": "US-Außenminister, nicht russische Außenminister",
    }
    for claim, says in cases.items():
        result = check_claim(store, claim)
        assert result.verdict == "refuted", (claim, result.explanation)
        assert says in result.explanation, (claim, result.explanation)
        assert "supports" not in kinds_of_evidence(result), claim
    hanoi = check_claim(store, "Putin traf Kim in Hanoi")
    assert not any("Trump" in item["sentence"] for item in hanoi.evidence)


def test_a_city_does_not_contradict_its_country_and_a_place_belongs_to_its_people(store):
    for claim in ("Trump traf Kim in Hanoi", "Trump traf Kim in Vietnam",
                  "Das Treffen von Kim und Putin fand in Russland statt"):
        assert check_claim(store, claim).verdict == "supported", claim
    assert check_claim(store, "Das Treffen von Kim und Putin fand in China statt").verdict == "refuted"
    # "Gipfel mit Trump in Hanoi … Kim beim … Putin" pairs Trump with Kim, not with Putin
    assert check_claim(store, "Trump traf Putin in Hanoi").verdict == "not_found"


def test_family_ties_are_compared_as_ties(store):
    cases = {
        "Kim Jong Il ist der Vater von Kim Jong Un": "supported",
        "Kim Jong Un ist der Sohn von Kim Jong Il": "supported",
        "Kim Il Sung ist der Großvater von Kim Jong Un": "supported",
        "Kim Il Sung ist der Vater von Kim Jong Un": "refuted",
        "Putin traf 2002 in Wladiwostok Kims Großvater": "refuted",
    }
    for claim, verdict in cases.items():
        assert check_claim(store, claim).verdict == verdict, claim


def test_another_person_in_the_place_of_the_claims_is_no_refutation_by_names_alone(store):
    # "Bereits ab heute nimmt Putin am Wirtschaftsforum in Wladiwostok teil": both may take part
    for claim in ("Xi Jinping nahm am Gipfel in Wladiwostok teil", "Moon Jae In besuchte Wladiwostok"):
        assert check_claim(store, claim).verdict == "not_found", claim
    # a year pins the event down
    assert "Putin, nicht Medwedew" in check_claim(store, "Medwedew besuchte Pjöngjang im Jahr 2000.").explanation


def test_the_sentence_with_the_claims_own_word_comes_first(store):
    result = check_claim(store, "Kim ist ein Diktator")
    assert result.verdict == "supported"
    assert "Diktator" in result.evidence[0]["sentence"]
    # the office must be the person's in the sentence: Kim Jong-il is not called Machthaber there
    assert not any("den Vater des aktuellen Machthabers" in item["sentence"] for item in result.evidence)


def test_claims_the_articles_state_with_a_word_dropped_or_the_month_wrong(store):
    result = check_claim(store, "Wladiwostok ist 130 Kilometer von der Grenze entfernt")
    assert result.verdict == "supported" and "130 Kilometer" in result.explanation
    result = check_claim(store, "Schoigu besuchte Kim im Juli")
    assert result.verdict == "refuted" and "August, nicht Juli" in result.explanation
    result = check_claim(store, "Kim soll erst am Sonntag heimreisen")
    assert result.verdict == "refuted" and "„Samstag“, nicht „Sonntag“" in result.explanation


def test_lower_case_and_das_for_dass_are_read_as_typed_properly(store):
    typed = check_claim(store, "stimmt es das kim mit dem zug nach moskau gefahren ist")
    proper = check_claim(store, "Kim reiste mit dem Zug nach Moskau")
    assert typed.verdict == proper.verdict == "refuted"
    assert "Wladiwostok, nicht Moskau" in typed.explanation
    assert typed.checked == "Kim mit dem Zug nach Moskau gefahren ist"
    assert check_claim(store, "kim reiste mit dem zug nach wladiwostok").verdict == "supported"


def test_the_time_note_comes_from_a_time_word_of_the_claims_fact(store):
    # "… und Kim bekam zusätzlich noch ein Teeglas-Set": that "noch" adds, it tells no time
    result = check_claim(store, "Kim bekam einen Säbel")
    assert result.verdict == "supported"
    assert "Stand" not in result.explanation, result.explanation
    # "Mehr als 10.000 Nordkoreaner arbeiten noch in Russland": that "noch" is the time of writing
    assert "(„noch“)" in check_claim(store, "Mehr als 10.000 Nordkoreaner arbeiten in Russland").explanation




def test_changed_number_is_refuted_with_what_the_article_says_and_its_date(store):
    result = check_claim(store, "Der Handel zwischen Russland und Nordkorea beträgt 43 Millionen Dollar.")
    assert result.verdict == "refuted" and result.label == "widerlegt"
    assert "Laut DER STANDARD vom 25.04.2019: 34 Millionen Dollar, nicht 43 Millionen Dollar." in result.explanation
    # "derzeit 34 Millionen Dollar" is a 2019 figure, and the answer says so
    assert "Stand vom 25.04.2019" in result.explanation and result.as_of == "2019-04-25"
    evidence = result.evidence[0]
    assert "34 Millionen Dollar" in evidence["sentence"]
    assert evidence["article"] == {"file": "002_2a559c43b46f36a7.txt", "title": evidence["article"]["title"],
                                   "date": "2019-04-25", "source": "DER STANDARD"}


def test_scale_year_name_and_place_changes_are_refuted(store):
    cases = {
        "Der Handel zwischen Russland und Nordkorea beträgt 34 Milliarden Dollar.": "34 Millionen Dollar",
        "Stimmt es, dass Putin 2005 Pjöngjang besuchte?": "2000, nicht 2005",
        "Medwedew besuchte Pjöngjang im Jahr 2000.": "Putin, nicht Medwedew",
        "Putin traf Kim Jong Il 2002 in Moskau.": "Wladiwostok",
        "Geleitet wurde das Team von der Astrophysikerin Karin Albers.": "Miriam Oduya, nicht Karin Albers",
    }
    for claim, says in cases.items():
        result = check_claim(store, claim)
        assert result.verdict == "refuted", claim
        assert says in result.explanation, (claim, result.explanation)


def test_another_office_refutes_before_or_after_the_verb(store):
    for claim in ("Juri Uschakow ist der russische Außenminister.",
                  "Stimmt es, dass Juri Uschakow der russische Außenminister ist?"):
        result = check_claim(store, claim)
        assert result.verdict == "refuted", claim
        assert "Präsidentenberater, nicht Außenminister" in result.explanation, result.explanation
    assert check_claim(store, "Stimmt es, dass Juri Uschakow Präsidentenberater ist?").verdict == "supported"


def test_paraphrase_is_supported_with_source_and_sentence(store):
    result = check_claim(store, "Die Ausfuhren sanken 2023 auf 1,56 Billionen Euro.")
    assert result.verdict == "supported" and result.label == "belegt"
    assert result.explanation.startswith("Laut Wirtschaftskurier vom 09.02.2024 stimmt das")
    assert "1,56 Billionen Euro" in result.evidence[0]["sentence"]
    assert {"kind": "amount", "value": 1.56e12, "unit": "EUR"}.items() <= result.claim_facts[-1].items()


def test_sources_that_disagree_make_a_claim_disputed_with_each_side(store):
    result = check_claim(store, "Luca Brandt erzielte den Siegtreffer in der 89. Minute.")
    assert result.verdict == "disputed" and result.label == "umstritten"
    assert kinds_of_evidence(result) == Counter({"supports": 1, "refutes": 1})
    assert {item["article"]["source"] for item in result.evidence} == {"sid", "Sportecho"}
    assert "laut sid vom 26.05.2024 89." in result.explanation and "Sportecho" in result.explanation


def test_unrelated_claim_is_not_found_and_says_so(store):
    result = check_claim(store, "Der Bundestag beschloss ein neues Heizungsgesetz.")
    assert result.verdict == "not_found" and result.label == "nicht belegt"
    assert result.explanation == "Dazu steht nichts in den Artikeln." and result.evidence == []


def test_negation_flips_the_verdict(store):
    said = check_claim(store, "Bei dem Treffen wurden keine verbindlichen Dokumente unterzeichnet.")
    denied = check_claim(store, "Bei dem Treffen wurden verbindliche Dokumente unterzeichnet.")
    assert (said.verdict, denied.verdict) == ("supported", "refuted")
    assert "umgekehrt" in denied.explanation


def test_an_opposite_word_contradicts_and_un_says_not(store):
    rose = check_claim(store, "Die deutschen Exporte stiegen 2023 um 1,4 Prozent.")
    assert rose.verdict == "refuted" and "„sanken“, nicht „stiegen“" in rose.explanation
    vacant = check_claim(store, "In Hessen sind vor Schuljahresbeginn 1240 Lehrerstellen nicht besetzt.")
    assert vacant.verdict == "supported" and "1.240 Lehrerstellen" in vacant.explanation  # the article's digits


def test_a_negation_is_answered_with_the_clause_that_says_otherwise(store):
    result = check_claim(store, "Putin besuchte Pjöngjang nie.")
    assert result.verdict == "refuted" and "ist es umgekehrt: „Er besuchte Pjöngjang 2000“." in result.explanation


def test_the_same_figure_of_another_thing_is_refuted(store):
    result = check_claim(store, "Russland will Nordkorea mehr als 2000 Tonnen Reis schicken.")
    assert result.verdict == "refuted" and "mehr als 2000 Tonnen Weizen, nicht Reis." in result.explanation


def test_figures_in_other_notation_and_words_are_found(store):
    for claim in ("Der Handel zwischen Russland und Nordkorea liegt bei 34 Mio. $.",
                  "Mehr als zehntausend Nordkoreaner arbeiten in Russland.",
                  "Kim will den Handel mit Russlands Hilfe bis 2020 verzehnfachen."):
        assert check_claim(store, claim).verdict == "supported", claim
    assert check_claim(store, "Der Handel zwischen Russland und Nordkorea beträgt 34 Millionen Euro.").verdict \
        == "refuted"


def test_a_visited_place_is_where_it_happened_and_another_visit_is_not_refuted(store):
    assert check_claim(store, "Stimmt es, dass Putin im Jahr 2000 in Pjöngjang war?").verdict == "supported"
    # "Er besuchte Pjöngjang 2000" is another visit (two values differ), not a contradiction
    assert check_claim(store, "Kim besuchte 2019 Peking.").verdict == "not_found"


def test_a_relative_is_not_the_person(store):
    result = check_claim(store, "Putin traf Kim 2001 in Moskau.")  # he met Kims Vater, Kim Jong Il
    assert result.verdict == "refuted" and "Kim Jong Il, nicht Kim" in result.explanation


def test_a_claim_about_now_is_answered_as_of_the_article_date(store):
    result = check_claim(store, "Die Klinik am Solling hat heute 240 Betten.")
    assert result.verdict == "supported"
    assert "Stand vom 15.09.2024, dem Datum des Artikels; heute kann es anders sein" in result.explanation
    undated = check_claim(store, "Derzeit ist China Nordkoreas wichtigster Verbündeter.")
    assert undated.verdict == "supported" and "sein Datum ist nicht bekannt" in undated.explanation


def test_a_claim_about_another_time_or_other_people_is_not_refuted_by_another_figure(store):
    # "1.240 Lehrerstellen unbesetzt" is this year's figure; "rund 8000 Menschen" demonstrated
    assert check_claim(store, "Im Vorjahr waren etwa 900 Lehrerstellen unbesetzt.").verdict != "refuted"
    assert check_claim(store, "Rund 600 Menschen arbeiten in der Klinik am Solling.").verdict != "refuted"


def test_places_inside_each_other_and_short_names_are_compared_as_meant(store):
    # Wladiwostok lies in Russland: no contradiction
    assert check_claim(store, "Kim kam mit dem Zug nach Russland.").verdict != "refuted"
    # "Huber kam auf 45,7 Prozent" is about Markus Huber, not an "Anna Huber"
    huber = check_claim(store, "Die Oberbürgermeisterin von Regensburg heißt Anna Huber.")
    assert huber.verdict == "refuted" and "Anna Berger, nicht Anna Huber" in huber.explanation


def test_an_opposite_in_the_sentence_before_and_a_missing_weekday(store):
    praised = check_claim(store, "Die GEW-Vorsitzende Sabine Krämer lobte die Pläne.")
    assert praised.verdict == "refuted" and "„kritisierte“, nicht „lobte“" in praised.explanation
    # no sentence says Friday - "Kim Jong Un reiste mit seinem gepanzerten Zug" is no support
    assert check_claim(store, "Stimmt es, dass Kim am Freitag abgereist ist?").verdict != "supported"


def test_a_figure_far_past_a_bound_is_refuted(store):
    result = check_claim(store, "Mehr als 100.000 Nordkoreaner arbeiten in Russland.")
    assert result.verdict == "refuted"
    assert "mehr als 10.000 Nordkoreaner, nicht mehr als 100.000." in result.explanation


def test_a_figure_inside_a_bound_is_not_confirmed_and_one_outside_is_refuted(store):
    inside = check_claim(store, "Rund 12.000 Nordkoreaner arbeiten in Russland.")
    outside = check_claim(store, "Rund 5.000 Nordkoreaner arbeiten in Russland.")
    assert inside.verdict == "not_found" and "mehr als 10.000" in inside.explanation.lower()
    assert outside.verdict == "refuted" and "nicht rund 5.000" in outside.explanation  # a qualifier, lower case mid-sentence


def test_labels_and_explanations_follow_the_language(store, english):
    result = check_claim(store, "Putin besuchte Pjöngjang 2005.")
    assert result.label == "refuted" and result.to_json()["label"] == "refuted"
    assert result.explanation.startswith("According to") and "2000, not 2005" in result.explanation


def test_json_shape(store):
    data = check_claim(store, "Die Wahlbeteiligung lag bei 48,2 Prozent.").to_json()
    assert set(data) >= {"claim", "verdict", "label", "explanation", "evidence", "as_of", "claim_facts"}
    assert data["verdict"] == "supported" and data["as_of"] == "2024-03-18"
    assert set(data["evidence"][0]) == {"sentence", "article", "stance"}
    assert set(data["evidence"][0]["article"]) == {"file", "title", "date", "source"}


# -- bad input ---------------------------------------------------------------------


def test_empty_input_asks_for_a_claim(store):
    for empty in ("", "   ", "Stimmt es?", "/prüfe", None):
        result = check_claim(store, empty)
        assert (result.verdict, result.problem) == ("not_found", "empty")
        assert result.explanation == "Bitte eine Behauptung eingeben."


def test_a_w_question_is_not_a_claim(store):
    for question in ("Wer ist Putin?", "Hallo, wie geht's?"):
        result = check_claim(store, question)
        assert (result.verdict, result.problem, result.evidence) == ("not_found", "question", [])
        assert "keine Behauptung" in result.explanation and "als Aussage" in result.explanation
    # a claim that ends in "…, wie die taz schreibt?" is still a claim
    assert prepare_claim("Kim traf Moon dreimal, wie die taz schreibt?").problem is None


def test_a_line_that_claims_nothing_says_so(store):
    for nothing in ("ja", "Putin", "danke!"):
        result = check_claim(store, nothing)
        assert (result.verdict, result.problem) == ("not_found", "no_claim"), nothing
        assert "keine Behauptung, die ich prüfen kann" in result.explanation


def test_an_english_claim_gets_an_honest_answer(store):
    result = check_claim(store, "Putin visited Pyongyang in the year 2000")
    assert (result.verdict, result.problem) == ("not_found", "english")
    assert "nur Behauptungen auf Deutsch" in result.explanation


def test_a_very_long_input_is_cut_to_its_first_sentence_with_a_note(store):
    claim = "Putin besuchte Pjöngjang im Jahr 2005. " + "Das ist ein Füllsatz. " * 500
    assert len(claim) > 10_000
    result = check_claim(store, claim)
    assert result.checked == "Putin besuchte Pjöngjang im Jahr 2005."
    size = f"{len(claim):,}".replace(",", ".")
    assert result.verdict == "refuted" and f"sehr lang ({size} Zeichen)" in result.note


def test_markup_is_kept_as_typed_and_left_out_of_the_check(store):
    claim = "<b>Putin</b> besuchte [bold]Pjöngjang[/bold] im Jahr 2005"
    result = check_claim(store, claim)
    assert result.claim == claim and result.verdict == "refuted"
    assert "Markup" in result.note
    coloured = check_claim(store, "\x1b[31mPutin\x1b[0m besuchte Pjöngjang im Jahr 2005")
    assert coloured.verdict == "refuted" and "Farbcodes" in coloured.note


def test_fts_query_is_safe_for_any_input():
    query = fts_query(read_claim('Er sagte: "Handel" AND (NEAR x*) OR - ^ 34 Mio. $ Pjöngjang'))
    assert all(term.startswith('"') for term in query.split(" OR "))
    assert '"handel"*' in query and '"pjongjang"' in query


def test_an_empty_database_finds_nothing(tmp_path):
    with Store(tmp_path / "empty.db") as empty:
        result = check_claim(empty, "Putin besuchte Pjöngjang 2005.")
    assert result.verdict == "not_found" and result.evidence == []


# -- the parts -------------------------------------------------------------------------


def test_openers_are_removed_and_questions_recognised():
    assert prepare_claim("Stimmt es, dass Putin 2005 Pjöngjang besuchte?").text == "Putin 2005 Pjöngjang besuchte"
    assert prepare_claim("/prüfe Der Handel beträgt 34 Millionen Dollar").text == "Der Handel beträgt 34 Millionen Dollar"
    assert prepare_claim("Ist es wahr, dass Kim im Zug reiste?").text == "Kim im Zug reiste"
    assert prepare_claim("Wie viel beträgt der Handel?").problem == "question"
    assert prepare_claim("Besuchte Putin 2005 Pjöngjang?").problem is None  # a yes/no question is checked


def test_word_keys_join_inflections_irregular_forms_and_synonyms():
    assert word_keys("besuchte") & word_keys("besuchen")
    assert word_keys("traf") & word_keys("Treffen")
    assert word_keys("Gespräche") & word_keys("Gipfel")  # one synonym group
    assert not word_keys("Handel") & word_keys("Gipfel")


def test_figures_compare_by_value_unit_and_bound():
    def amount(number, unit="USD", qualifier=None):
        return Value(kind="amount", text="", start=0, end=0, number=number, unit=unit, qualifier=qualifier)

    assert relation(amount(34e6), amount(34e6)) == "equal"
    assert relation(amount(43e6), amount(34e6)) == "differs"
    assert relation(amount(34e6, "EUR"), amount(34e6)) == "differs"  # another currency
    assert relation(amount(34e6, "kg"), amount(34e6)) is None  # another measure: not comparable
    assert relation(amount(1.9e6, qualifier="approx"), amount(2e6, qualifier="approx")) == "equal"
    assert relation(amount(12e3), amount(10e3, qualifier="more_than")) == "fits"
    assert relation(amount(5e3), amount(10e3, qualifier="more_than")) == "differs"
