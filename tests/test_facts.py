"""Facts: typed answer spans found in real articles (the samples and our own test articles)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from quizbot.facts import extract_facts
from quizbot.ingest import parse_article
from quizbot.models import Article, Fact
from quizbot.resources import seeds_dir
from quizbot.text import split_sentences

ARTICLES = Path(__file__).parent / "articles"


def read(path: Path) -> tuple[Article, list]:
    raw = path.read_bytes()
    article = parse_article(raw, path, file_hash=hashlib.sha256(raw).hexdigest())
    return article, split_sentences(article.text)


def facts_of(path: Path) -> list[Fact]:
    return extract_facts(*read(path))


def from_text(text: str) -> list[Fact]:
    """Facts of a few paragraphs written here (a minimal article)."""
    article = Article(path="/test.txt", file="test.txt", title="Test", text=text, hash="test")
    return extract_facts(article, split_sentences(text))


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[Fact]]:
    return {path.name[:3]: facts_of(path) for path in sorted(seeds_dir().glob("*.txt"))}


def find(facts: list[Fact], kind: str, text: str) -> Fact:
    matches = [f for f in facts if f.kind == kind and f.text == text]
    assert matches, f"no {kind} fact {text!r} among {[(f.kind, f.text) for f in facts]}"
    return matches[0]


# --------------------------------------------------------------------------
# Quantities, with values and units from quizbot.numbers
# --------------------------------------------------------------------------


def test_the_trade_volume_is_an_amount_of_34_million_dollars(seeds):
    fact = find(seeds["002"], "amount", "34 Millionen Dollar")
    assert (fact.value, fact.unit, fact.label) == (34_000_000, "USD", "34 Millionen Dollar")


def test_counts_keep_their_qualifier_and_noun(seeds):
    fact = find(seeds["000"], "count", "Mehr als 10.000")
    assert (fact.value, fact.qualifier, fact.extra["noun"]) == (10_000, "more_than", "Nordkoreaner")
    assert fact.label == "mehr als 10.000"


def test_wheat_distances_durations_and_the_ordinal(seeds):
    assert find(seeds["000"], "amount", "mehr als 2000 Tonnen").extra["noun"] == "Weizen"
    assert find(seeds["003"], "distance", "130 Kilometer").value == 130_000
    assert find(seeds["003"], "distance", "rund 6500 Kilometer").qualifier == "approx"
    assert find(seeds["001"], "duration", "dreieinhalbstündigen").value == 3.5 * 3600
    assert find(seeds["003"], "ordinal", "70.").value == 70


def test_every_fact_span_is_the_text_of_its_sentence(seeds):
    for path in sorted(seeds_dir().glob("*.txt")) + sorted(ARTICLES.glob("*.txt")):
        article, sentences = read(path)
        by_index = {s.index: s for s in sentences}
        for fact in extract_facts(article, sentences):
            assert by_index[fact.sentence_index].text[fact.start : fact.end] == fact.text


# --------------------------------------------------------------------------
# Persons with roles and institutions
# --------------------------------------------------------------------------


def test_a_person_carries_the_role_written_before_the_name(seeds):
    uschakow = find(seeds["000"], "person", "Juri Uschakow")
    assert uschakow.role == "russischer Präsidentenberater"
    medwedew = find(seeds["004"], "person", "Dmitri Medwedew")
    assert medwedew.role == "damaliger russischer Präsident"
    sullivan = find(seeds["003"], "person", "Jake Sullivan")  # apposition after the role
    assert sullivan.role == "Nationaler Sicherheitsberater der USA"


def test_a_person_named_with_an_institution_keeps_it(seeds):
    jeong = find(seeds["000"], "person", "Jeong Young-tae")
    assert jeong.extra["affiliation"] == "Seouler Institut für Nordkoreastudien"
    find(seeds["000"], "organisation", "Seouler Institut für Nordkoreastudien")
    assert find(seeds["000"], "person", "Andrei Lankow").extra["affiliation"] == "Kookmin-Universität"


def test_surnames_lead_to_the_full_name_and_role(seeds):
    mentions = [f for f in seeds["004"] if f.kind == "person" and f.text == "Putin"]
    assert mentions and all(f.extra["full_name"] == "Wladimir Putin" for f in mentions)
    assert all(f.role == "russischer Präsident" for f in mentions)


def test_a_later_relative_does_not_take_over_the_short_name(seeds):
    # In 000 Kim (Jong Un) is only ever "Kim"; "Kim Jong Il", his father, comes later.
    kims = [f for f in seeds["000"] if f.kind == "person" and f.text == "Kim"]
    assert kims and all(f.extra["full_name"] == "Kim" for f in kims)
    assert find(seeds["000"], "person", "Kim Jong Il").extra["full_name"] == "Kim Jong Il"


def test_names_are_not_taken_from_family_words_genitives_or_plural_roles():
    facts = from_text(
        "Der nordkoreanische Machthaber Kim reiste nach Moskau. "
        "Die Sowjetunion baute Kim Jong-uns Großvater Kim Il Sung als Staatschef auf. "
        "Dann erwarten die Meteorologen Höchstwerte um 22 Grad. "
        "Der kleine Begleiter Dimorphos wurde gerammt."
    )
    persons = [f.text for f in facts if f.kind == "person"]
    assert persons == ["Kim", "Kim Il Sung"]


# --------------------------------------------------------------------------
# Places, organisations, quotations, terms
# --------------------------------------------------------------------------


def test_places_know_their_type_genitive_and_preposition(seeds):
    wladiwostok = find(seeds["004"], "place", "Wladiwostok")
    assert wladiwostok.extra["type"] == "stadt"
    russlands = find(seeds["000"], "place", "Russlands")
    assert russlands.answer == "Russland" and russlands.extra["genitive"]
    assert find(seeds["004"], "place", "Insel Russki").extra["head"] == "Insel"
    assert any(f.extra.get("preposition") == "nach" for f in seeds["004"] if f.text == "Wladiwostok")


def test_quotations_with_their_speaker(seeds):
    substanziell = find(seeds["004"], "quote", "sehr substanziell")
    assert substanziell.extra == {"characterisation": True, "speaker": "Kim"}
    wir_konnten = next(f for f in seeds["004"] if f.kind == "quote" and f.text.startswith("Wir konnten"))
    assert wir_konnten.extra["speaker"] == "Putin"


def test_a_pronoun_subject_is_the_speaker_not_the_name_before_the_verb():
    facts = from_text('Kim lobte er als "interessanten und ideenreichen Gesprächspartner".')
    quote = next(f for f in facts if f.kind == "quote")
    assert "speaker" not in quote.extra


def test_titles_in_quotation_marks_are_not_quotations(seeds):
    quotes = [f.text for f in seeds["000"] if f.kind == "quote"]
    assert "Neue Seidenstraße" not in quotes and "Juche" not in quotes


def test_concrete_things_are_terms_and_generic_nouns_are_not(seeds):
    terms = {f.text for f in seeds["002"] if f.kind == "term"}
    assert {"Säbel", "Teeglas-Set"} <= terms
    all_terms = {f.text for facts in seeds.values() for f in facts if f.kind == "term"}
    assert not all_terms & {"Rolle", "Gipfeltreffens", "Vermittlerrolle", "Lösung", "Zusammenarbeit"}


# --------------------------------------------------------------------------
# Our own articles: other topics, same machinery
# --------------------------------------------------------------------------


def test_economy_article(tmp_path):
    facts = facts_of(ARTICLES / "wirtschaft_inflation.txt")
    assert find(facts, "percent", "2,4 Prozent").value == 2.4
    assert find(facts, "person", "Christine Lagarde").role == "EZB-Präsidentin"
    assert find(facts, "person", "Clemens Fuest").role == "Präsident des Münchner Ifo-Instituts"
    fratzscher = find(facts, "person", "Marcel Fratzscher")
    # "vom Deutschen Institut …" is named in the nominative, as a teacher writes it
    assert fratzscher.extra["affiliation"] == "Deutsches Institut für Wirtschaftsforschung"
    assert find(facts, "amount", "476 Milliarden Euro").value == 476e9


def test_sport_politics_and_weather_articles():
    sport = facts_of(ARTICLES / "sport_pokalfinale.txt")
    assert find(sport, "count", "74.322").extra["noun"] == "Zuschauern"
    assert find(sport, "person", "Julian Schuster").extra["group"] == "sport"
    assert find(sport, "organisation", "SC Freiburg").extra["type"] == "verein"
    politics = facts_of(ARTICLES / "politik_landtagswahl.txt")
    assert find(politics, "person", "Martin Richter").role == "Landeswahlleiter"  # a surname that is a role word
    assert find(politics, "place", "Sachsen").extra["type"] == "bundesland"
    weather = facts_of(ARTICLES / "wetter_unwetter.txt")
    assert find(weather, "person", "Sabine Krüger").role == "DWD-Meteorologin"
    assert find(weather, "amount", "22 Grad").unit == "°C"
    assert not [f for f in weather if f.kind == "person" and f.text in ("Hagelkörner", "Höchstwerte")]


def test_extraction_is_deterministic(seeds):
    again = facts_of(sorted(seeds_dir().glob("*.txt"))[4])
    assert [(f.kind, f.text, f.start, f.label, f.role, f.extra) for f in again] == [
        (f.kind, f.text, f.start, f.label, f.role, f.extra) for f in seeds["004"]
    ]


# --------------------------------------------------------------------------
# Articles written after the engine (tests/articles_unseen)
# --------------------------------------------------------------------------

UNSEEN = Path(__file__).parent / "articles_unseen"


def test_a_name_that_runs_into_an_institution_ends_before_it():
    facts = facts_of(UNSEEN / "orf_studie_hoergeraete.txt")
    reiter = find(facts, "person", "Johanna Reiter")  # "… Johanna Reiter von der Medizinischen Universität …"
    assert reiter.role == "Neurologin" and reiter.extra["affiliation"] == "Medizinische Universität Innsbruck"
    later = [f for f in facts if f.kind == "person" and f.text == "Reiter"]
    assert later and all(f.extra["full_name"] == "Johanna Reiter" for f in later)


def test_surnames_that_end_like_nouns_after_a_given_name():
    assert find(from_text("Senatorin Birgit Hartung (CDU) rief zur Ruhe auf."), "person", "Birgit Hartung")
    assert not [f for f in from_text("Die Zeitung meldete eine Einigung.") if f.kind == "person"]


def test_a_lexicon_name_after_a_head_word_is_the_organisation():
    facts = from_text("Die Gewerkschaft IG Metall reagierte empört. Die Gewerkschaft Verdi ruft zum Streik auf.")
    assert [f.answer for f in facts if f.kind == "organisation"] == ["IG Metall", "Verdi"]
    court = find(from_text("Das Landgericht München I wies die Klage ab."), "organisation", "Landgericht München I")
    assert court.extra["type"] == "staat/justiz"


def test_persons_carry_a_gender_from_given_name_or_role():
    facts = facts_of(UNSEEN / "spiegel_quartalszahlen.html")
    assert find(facts, "person", "Miriam Kalkbrenner").extra["gender"] == "f"  # Vorstandschefin, Miriam
    assert find(facts, "person", "Thomas Fiedler").extra["gender"] == "m"  # "Gesamtbetriebsratsvorsitzende"
    unknown = find(from_text("Das sagte Kanzlerin Xiu Lang am Montag."), "person", "Xiu Lang")
    assert unknown.extra["gender"] == "f"  # no listed given name: the role tells


def test_an_age_is_told_apart_from_a_duration():
    facts = from_text("Geklagt hatte eine 71 Jahre alte Rentnerin. Der Streit dauerte vier Jahre.")
    assert find(facts, "duration", "71 Jahre").extra.get("age") is True
    assert "age" not in find(facts, "duration", "vier Jahre").extra


def test_an_abbreviation_in_brackets_knows_its_spelt_out_name():
    facts = from_text("Das hat der Bundesgerichtshof (BGH) am Mittwoch entschieden.")
    assert find(facts, "organisation", "BGH").extra.get("spelt_out_before") is True
    assert "spelt_out_before" not in find(facts, "organisation", "Bundesgerichtshof").extra


def test_a_verb_before_a_role_word_is_no_adjective_of_it():
    facts = from_text("Das teilte Kultusminister Conrad Clemens (CDU) am Montag in Dresden mit.")
    assert find(facts, "person", "Conrad Clemens").role == "Kultusminister"  # not "teilter Kultusminister"


def test_an_abbreviation_spelt_out_by_the_initials_before_it():
    facts = from_text("Die Gewerkschaft Erziehung und Wissenschaft (GEW) kritisierte die Pläne.")
    assert find(facts, "organisation", "GEW").extra.get("spelt_out_before") is True


def test_names_with_letters_beyond_german_are_whole():
    facts = from_text("Gastgeber war der türkische Präsident Recep Tayyip Erdoğan. "
                      "Josip Stanišić bereitete das Tor vor, Lautaro Martínez traf.")
    assert find(facts, "person", "Recep Tayyip Erdoğan").role == "türkischer Präsident"
    assert find(facts, "person", "Josip Stanišić") and find(facts, "person", "Lautaro Martínez")


def test_a_double_given_name_starts_a_name_and_tells_the_gender():
    facts = from_text("Das bestätigte am Montag Klaus-Dieter Ammon in Selb.")
    assert find(facts, "person", "Klaus-Dieter Ammon").extra["gender"] == "m"


def test_a_given_name_both_women_and_men_carry_tells_no_gender():
    facts = from_text("Das sagte Simone Inzaghi nach dem Spiel.")
    assert "gender" not in find(facts, "person", "Simone Inzaghi").extra


def test_a_year_after_a_word_of_time_is_a_year_even_before_a_noun():
    facts = from_text("Aus dem Fonds sollen bis 2030 Projekte bezahlt werden. Vor 2000 Zuschauern gewann Jena.")
    assert find(facts, "year", "2030").extra["iso"] == "2030"
    assert find(facts, "count", "2000").extra["noun"] == "Zuschauern"


def test_a_place_name_after_an_article_is_no_place():
    facts = from_text("Der Kanton Basel-Stadt trägt die Kosten. Den Bayern reicht ein Remis in Mailand.")
    assert [f.answer for f in facts if f.kind == "place"] == ["Mailand"]


def test_a_genitive_place_before_a_name_is_marked_as_the_persons():
    facts = from_text("Bayerns Harry Kane jubelt nach seinem Treffer. Frankreichs Präsident reiste ab.")
    assert find(facts, "place", "Bayerns").extra.get("before_name") is True
    assert "before_name" not in find(facts, "place", "Frankreichs").extra


def test_an_institution_named_after_a_person_or_with_two_adjectives_is_one_organisation():
    facts = from_text("Die Christoph Merian Stiftung gab zwölf Millionen Franken. "
                      "Das meldet die Deutsche Alzheimer Gesellschaft in Berlin.")
    assert not [f for f in facts if f.kind == "person"]
    assert find(facts, "organisation", "Christoph Merian Stiftung")
    assert find(facts, "organisation", "Deutsche Alzheimer Gesellschaft").answer == "Deutsche Alzheimer Gesellschaft"
    genitive = find(from_text("Das zeigen Zahlen der Deutschen Alzheimer Gesellschaft."), "organisation",
                    "Deutschen Alzheimer Gesellschaft")
    assert genitive.answer == "Deutsche Alzheimer Gesellschaft"  # the teacher's form, in the nominative


def test_a_clock_time_in_words_is_no_count():
    facts = from_text("Schon um acht Uhr warteten 300 Menschen vor dem Museum.")
    assert [f.text for f in facts if f.kind == "count"] == ["300"]


def test_a_swiss_cantonal_minister_has_her_role():
    facts = from_text("Regierungsrätin Esther Keller (GLP) sprach von einem Geschenk.")
    assert find(facts, "person", "Esther Keller").role == "Regierungsrätin"


def test_a_role_names_its_branch_so_that_a_head_of_state_meets_heads_of_state(seeds):
    """data/roles.tsv: "Präsident" and "Machthaber" are politik/spitze, "Präsidentenberater" politik/berater."""
    people = {f.extra.get("full_name"): f.extra.get("group") for facts in seeds.values() for f in facts
              if f.kind == "person"}
    assert people["Kim Jong Un"] == people["Wladimir Putin"] == people["Donald Trump"] == "politik/spitze"
    assert people["Juri Uschakow"] == "politik/berater"
    assert people["Mike Pompeo"] == "politik/regierung"
    assert people["Wladimir Frolow"] == "wissenschaft"


def test_places_know_how_well_known_they_are():
    """data/places.tsv, column 5: world powers 1, small states 3, the rest 2."""
    from quizbot.facts import places

    assert places()["Russland"].importance == places()["Moskau"].importance == places()["USA"].importance == 1
    assert places()["Andorra"].importance == places()["Turkmenistan"].importance == 3
    assert places()["Südkorea"].importance == places()["Wladiwostok"].importance == 2
    assert places()["USA"].article == "pl" and places()["Vereinigte Staaten"].alias_of == "USA"


def test_a_name_inside_a_web_address_is_no_fact():
    """"sagte Reiter gegenüber science.ORF.at": the ORF's website, not the ORF to be swapped for another."""
    facts = from_text("Die Studie sei wichtig, sagte die Forscherin Johanna Reiter gegenüber science.ORF.at am Montag.")
    assert not [f for f in facts if f.kind in ("organisation", "place") and "ORF" in f.text]
    assert [f for f in from_text("Der ORF berichtete am Montag über die Studie aus Wien.") if f.text == "ORF"]
