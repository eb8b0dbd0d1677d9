"""Accepted spellings (quizbot.variants, data/variants.tsv): a word inside a longer answer is
spelt only as its own kind of name."""

from __future__ import annotations

import pytest

from quizbot.resources import lexicon_rows
from quizbot.variants import KINDS, group_of, kind_of, same_name, variants_of


def test_every_group_says_what_it_names():
    for kind, *spellings in lexicon_rows("variants.tsv"):
        assert kind in KINDS and spellings, (kind, spellings)


@pytest.mark.parametrize(
    ("answer", "answer_type", "expected", "never"),
    [
        ("Kim Jong Un", "person", {"Kim Jong-un", "Kim Jongun"}, {"Kim Jong UNO", "Kim Jong Vereinte Nationen",
                                                                   "Kim Jong United Nations", "Kim Jong UN"}),
        ("Moon Jae In", "person", {"Moon Jae-in", "Mun Jae In"}, set()),
        ("Jeong Young-tae", "person", {"Jung Young-tae"}, set()),
        # a Korean family name only in Korean order: not the surname of a Western name
        ("Christopher Lee", "person", set(), {"Christopher Yi", "Christopher Rhee"}),
        ("Lee Harvey Oswald", "person", set(), {"Yi Harvey Oswald"}),
        ("Dmitri Medwedew", "person", {"Dmitri Medvedev"}, set()),
        # no place inside an organisation's name
        ("FC Bayern München", "organisation", set(), {"FC Bayern Munich", "FC Bavaria München"}),
        ("Landgericht München I", "organisation", set(), {"Landgericht Munich I"}),
        ("Geosphere Austria", "organisation", set(), {"Geosphere Österreich"}),
        ("Insel Russki", "place", {"Insel Russkij", "Insel Russky"}, set()),
        # a quotation is the article's own words
        ("ein Zeichen, dass Europa handeln kann", "quote", set(), {"ein Zeichen, dass Europe handeln kann"}),
        ("Präsident Selenskyj", None, {"Präsident Zelensky"}, set()),
    ],
)
def test_a_word_of_a_longer_answer_is_spelt_only_as_its_own_kind(answer, answer_type, expected, never):
    spellings = set(variants_of(answer, answer_type))
    assert expected <= spellings, spellings
    assert not never & spellings, spellings


def test_a_whole_name_keeps_all_its_spellings_and_its_kind():
    assert variants_of("Kiew", "place") == ["Kyiv", "Kyjiw", "Kiev", "Kijew"]
    assert "UNO" in variants_of("Vereinte Nationen", "organisation")
    assert kind_of("UN") == "organisation" and kind_of("Kim Jong-un") == "person" and kind_of("Peking") == "ort"
    assert kind_of("Säbel") is None and group_of("Säbel") == ()
    assert same_name("Kim Jong Un", "Kim Jong-un") and not same_name("Kim Jong Un", "Kim Il Sung")
