"""German quantities: parsing, finding in sentences, labels and comparison."""

from __future__ import annotations

import pytest

from quizbot.numbers import (
    find_quantities,
    format_quantity,
    ordinal_value,
    parse_number,
    parse_quantity,
    same_quantity,
)


@pytest.mark.parametrize(
    "text, value",
    [
        ("10.000", 10_000),
        ("10 000", 10_000),
        ("1.234,5", 1234.5),
        ("3,5", 3.5),
        ("3.5", 3.5),
        ("1,000,000", 1_000_000),
        ("vierunddreißig", 34),
        ("vierunddreissig", 34),
        ("zweitausendzwei", 2002),
        ("neunzehnhundertsechsundachtzig", 1986),
        ("fünfhundert", 500),
        ("fuenfhundert", 500),
        ("zehntausend", 10_000),
        ("zweihunderttausend", 200_000),
        ("dreieinhalb", 3.5),
        ("anderthalb", 1.5),
        ("eineinhalb", 1.5),
        ("einhalb", 0.5),
        ("eins", 1),
        ("eine Milliarde", 1e9),
        ("eine Million", 1e6),
        ("vierunddreißig Millionen", 34e6),
        ("34 Mio.", 34e6),
        ("2 Mrd.", 2e9),
        ("5 Tsd.", 5000),
        ("2 Billionen", 2e12),
        ("drei Komma fünf", 3.5),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["Hallo", "zweidrei", "und", "ein", "Kim Jong Un", "", "34 Dollar", "mehr als 5"])
def test_parse_number_rejects_what_is_not_a_bare_number(text):
    assert parse_number(text) is None


def test_english_comma_keeps_both_readings():
    q = parse_quantity("10,000")
    assert (q.value, q.alt_value) == (10.0, 10_000.0)
    assert parse_quantity("3,5").alt_value is None


@pytest.mark.parametrize(
    "text, kind, value, unit",
    [
        ("34 Millionen Dollar", "amount", 34e6, "USD"),
        ("34 Mio. $", "amount", 34e6, "USD"),
        ("34 Millionen US-Dollar", "amount", 34e6, "USD"),
        ("$34 million", "amount", 34e6, "USD"),
        ("5,- Euro", "amount", 5, "EUR"),
        ("1,2 Mrd. €", "amount", 1.2e9, "EUR"),
        ("2000 Tonnen", "amount", 2e6, "kg"),
        ("100 %", "percent", 100, "%"),
        ("3,5 Prozent", "percent", 3.5, "%"),
        ("3.5 %", "percent", 3.5, "%"),
        ("0,25 Prozentpunkte", "percent", 0.25, "pp"),
        ("dreieinhalb Stunden", "duration", 12_600, "s"),
        ("210 Minuten", "duration", 12_600, "s"),
        ("2 Std.", "duration", 7200, "s"),
        ("50 Minuten", "duration", 3000, "s"),
        ("eine Viertelstunde", "duration", 900, "s"),
        ("anderthalb Jahre", "duration", 18, "month"),
        ("18 Monate", "duration", 18, "month"),
        ("dreieinhalbstündigen", "duration", 12_600, "s"),
        ("zweitägigen", "duration", 172_800, "s"),
        ("130 Kilometer", "distance", 130_000, "m"),
        ("6500 km", "distance", 6_500_000, "m"),
        ("minus 5 Grad", "amount", -5, "°C"),
        ("viermal", "count", 4, None),
        ("dreimal", "count", 3, None),
        ("4-mal", "count", 4, None),
        ("das Zehnfache", "factor", 10, None),
        ("das 10-fache", "factor", 10, None),
        ("verdoppelt", "factor", 2, None),
    ],
)
def test_quantities_with_units_and_kinds(text, kind, value, unit):
    q = parse_quantity(text)
    assert (q.kind, q.unit) == (kind, unit)
    assert q.value == pytest.approx(value)
    assert q.text == text


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("mehr als 10.000", "more_than"),
        ("Mehr als 10.000", "more_than"),
        ("rund 500", "approx"),
        ("etwa 500", "approx"),
        ("ca. 2 Std.", "approx"),
        ("fast zwei Stunden", "almost"),
        ("knapp zwei Stunden", "almost"),
        ("beinahe anderthalb Jahre", "almost"),
        ("über 30 Grad", "more_than"),
        ("weniger als 5 Prozent", "less_than"),
        ("bis zu 40 Kilometer", "up_to"),
        ("mindestens 12", "at_least"),
        ("nicht mehr als 3", "at_most"),
        ("mehr als einstündigen", "more_than"),
        ("rund fünfstündigen", "approx"),
    ],
)
def test_qualifiers(text, qualifier):
    q = parse_quantity(text)
    assert q.qualifier == qualifier
    assert q.text == text


def test_vague_quantities_are_marked_and_keep_their_lower_bound():
    q = parse_quantity("Experten gehen von Hunderten Millionen Dollar aus.")
    assert (q.kind, q.value, q.unit, q.qualifier, q.text) == ("amount", 1e8, "USD", "vague", "Hunderten Millionen Dollar")
    people = parse_quantity("Tausende Menschen demonstrierten.")
    assert (people.kind, people.value, people.qualifier, people.noun) == ("count", 1000, "vague", "Menschen")


@pytest.mark.parametrize(
    "text, iso",
    [
        ("25.4.2019", "2019-04-25"),
        ("11.09.2023", "2023-09-11"),
        ("25. April 2019", "2019-04-25"),
        ("am 3. Oktober", "--10-03"),
        ("April 1986", "1986-04"),
        ("im Jänner", "--01"),
        ("2019-04-25", "2019-04-25"),
    ],
)
def test_dates(text, iso):
    q = parse_quantity(text)
    assert (q.kind, q.iso) == ("date", iso)


def test_invalid_dates_are_not_dates():
    assert all(q.kind != "date" for q in find_quantities("am 31.2.2019"))


def test_period_before_a_month_or_year():
    february = parse_quantity("Ende Februar in Vietnam")
    assert (february.kind, february.iso, february.period, february.text) == ("date", "--02", "Ende", "Ende Februar")
    year = parse_quantity("Anfang 2020")
    assert (year.kind, year.iso, year.period) == ("year", "2020", "Anfang")


def test_years_and_year_ranges():
    kinds = [(q.kind, q.value, q.upper) for q in find_quantities(
        "Er besuchte Pjöngjang 2000 und traf Kim 2001 in Moskau; nach dem Koreakrieg 1950-53 "
        "und im Jahr 2011, von 2019 bis 2021, in den 1990er Jahren.")]
    assert kinds == [("year", 2000, None), ("year", 2001, None), ("year", 1950, 1953),
                     ("year", 2011, None), ("year", 2019, 2021), ("year", 1990, 1999)]


def test_a_four_digit_number_with_a_noun_or_unit_is_no_year():
    assert [(q.kind, q.noun) for q in find_quantities("2000 Menschen und 2000 Tonnen Weizen")] == [
        ("count", "Menschen"), ("amount", "Weizen")]


@pytest.mark.parametrize(
    "text, value",
    [("zum 70. Jahrestag", 70), ("eines vierten innerkoreanischen Gipfeltreffens", 4),
     ("nach ihrem ersten Treffen", 1), ("zum zwanzigsten Mal", 20), ("als dritter Machthaber", 3),
     ("der neunzehnte Gipfel", 19)],
)
def test_ordinals(text, value):
    q = parse_quantity(text)
    assert (q.kind, q.value) == ("ordinal", value)


def test_ordinal_value_of_words():
    assert [ordinal_value(w) for w in ("vierten", "erste", "achte", "siebten", "hundertste", "erst", "achtung")] == [
        4, 1, 8, 7, 100, None, None]


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un traf Moon Jae In.",
        "Die G7 und die G20 tagten, COVID-19 und F-35 auch.",
        "Um 22:38 Uhr fiel das 2:1, gegen 8 Uhr war Schluss.",
        "Nach Artikel 5 und § 219a sowie Nr. 7 gilt das.",
        "Der 1. FC Köln gewann.",
        "Die Elf siegte, man muss sich in Acht nehmen.",
        "Erst kürzlich: Ich achte darauf, eine Frau kam noch einmal.",
        "Nach tagelangen Spekulationen begannen mehrstündige Verhandlungen.",
        "Das 5G-Netz ist da.",
        "Ein Hörgerät sei eine vergleichsweise einfache Maßnahme.",
        "Den Elfmeter verwandelte Kane, das Dreiliterauto kam nie.",
        "Schon um acht Uhr morgens, spätestens gegen Zehn Uhr.",
    ],
)
def test_things_that_are_no_quantities(text):
    assert find_quantities(text) == []


def test_a_number_word_before_a_separate_unit_is_still_a_distance():
    q = parse_quantity("einen Schuss aus elf Metern")
    assert (q.kind, q.text, q.value) == ("distance", "elf Metern", 11)


@pytest.mark.parametrize(
    "text, value, kind",
    [("in 17'500 Schubladen", 17_500, "count"), ("mit 200’000 Besuchern", 200_000, "count"),
     ("für 1'234.50 Franken", 1234.5, "amount")],
)
def test_swiss_thousands_apostrophe(text, value, kind):
    found = find_quantities(text)
    assert [(q.kind, q.value) for q in found] == [(kind, value)]


@pytest.mark.parametrize("text, span", [("warteten mehrere hundert Menschen", "mehrere hundert"),
                                        ("kostete einige tausend Euro", "einige tausend Euro")])
def test_a_vague_word_before_a_number_word_makes_an_order_of_magnitude(text, span):
    q = parse_quantity(text)
    assert (q.text, q.qualifier) == (span, "vague")


def test_list_numbering_at_a_line_start_is_no_quantity():
    assert [q.value for q in find_quantities("1. Einleitung\n2. Es kamen 300 Gäste")] == [300]


def test_whole_sentence_in_order_with_offsets_and_nouns():
    sentence = ("Seitdem gab es vier Gipfel mit Xi Jinping, nach dem dreieinhalbstündigen Treffen "
                "kamen mehr als 10.000 Nordkoreaner und 2000 Tonnen Weizen.")
    found = find_quantities(sentence)
    assert [(q.kind, q.text, q.noun) for q in found] == [
        ("count", "vier", "Gipfel"),
        ("duration", "dreieinhalbstündigen", None),
        ("count", "mehr als 10.000", "Nordkoreaner"),
        ("amount", "2000 Tonnen", "Weizen"),
    ]
    assert all(sentence[q.start:q.end] == q.text for q in found)


def test_clock_time_next_to_a_date():
    found = find_quantities("Politik / 11.09.2023 • 22:38 Uhr")
    assert [(q.kind, q.iso) for q in found] == [("date", "2023-09-11")]


@pytest.mark.parametrize(
    "text, label",
    [
        ("34 Mio. $", "34 Millionen Dollar"),
        ("vierunddreißig Millionen Dollar", "34 Millionen Dollar"),
        ("Mehr als 10.000", "mehr als 10.000"),
        ("dreieinhalb Stunden", "dreieinhalb Stunden"),
        ("ca. 2 Std.", "rund zwei Stunden"),
        ("knapp zwei Stunden", "fast zwei Stunden"),
        ("eine Milliarde", "eine Milliarde"),
        ("1,2 Mrd. Euro", "1,2 Milliarden Euro"),
        ("3.5 %", "3,5 Prozent"),
        ("das 10-fache", "das Zehnfache"),
        ("viermal", "viermal"),
        ("25.4.2019", "25. April 2019"),
        ("1950-53", "1950–1953"),
        ("zum 70. Jahrestag", "70."),
        ("2000 Tonnen Weizen", "2000 Tonnen"),
        ("130 km", "130 Kilometer"),
        ("eine Stunde", "eine Stunde"),
        ("Hunderten Millionen Dollar", "Hunderten Millionen Dollar"),
    ],
)
def test_format_quantity(text, label):
    assert format_quantity(parse_quantity(text)) == label


def test_same_quantity():
    assert same_quantity(parse_quantity("34 Mio. $"), parse_quantity("vierunddreißig Millionen US-Dollar"))
    assert same_quantity(parse_quantity("210 Minuten"), parse_quantity("dreieinhalb Stunden"))
    assert same_quantity(parse_quantity("25.4.2019"), parse_quantity("25. April 2019"))
    assert same_quantity(parse_quantity("34 Millionen"), parse_quantity("34 Millionen Dollar"))
    assert not same_quantity(parse_quantity("34 Millionen Dollar"), parse_quantity("34 Millionen Euro"))
    assert not same_quantity(parse_quantity("34 Millionen Dollar"), parse_quantity("34 Milliarden Dollar"))
    assert not same_quantity(parse_quantity("130 Meter"), parse_quantity("130 Kilometer"))
    assert not same_quantity(parse_quantity("1950-53"), parse_quantity("1950"))


def test_billion_is_the_german_billion():
    assert parse_quantity("eine Billion Euro").value == 1e12


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("eine halbe Milliarde Euro", 5e8, "EUR"),
        ("eine Viertelmillion", 2.5e5, None),
        ("dreiviertel Stunde", 2700, "s"),
        ("3 Std. 30 Min.", 12_600, "s"),
        ("2 Stunden, 1 Minute und 9 Sekunden", 7269, "s"),
        ("49 Cent", 0.49, "EUR"),
    ],
)
def test_fractions_joined_durations_and_subunits(text, value, unit):
    q = parse_quantity(text)
    assert (q.value, q.unit, q.text) == (pytest.approx(value), unit, text)
