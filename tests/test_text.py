"""Sentences, paragraphs, headings and tokens (quizbot.text)."""

from __future__ import annotations

import pytest

from quizbot.resources import lexicon_lines, lexicon_rows, seeds_dir
from quizbot.text import fold, normalize_whitespace, paragraphs, split_sentences, tokens


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # ordinals and dates go on
        ("Am 25. April traf Kim Putin. Das Treffen dauerte zwei Stunden.",
         ["Am 25. April traf Kim Putin.", "Das Treffen dauerte zwei Stunden."]),
        ("Zum 70. Jahrestag kam der Minister. Er blieb drei Tage.",
         ["Zum 70. Jahrestag kam der Minister.", "Er blieb drei Tage."]),
        ("Die Bayern liegen nach dem 21. Spieltag auf Rang zwei. Leverkusen führt.",
         ["Die Bayern liegen nach dem 21. Spieltag auf Rang zwei.", "Leverkusen führt."]),
        ("Der Vertrag wurde am 25.4.2019 in Moskau unterzeichnet. Er gilt ab Mai.",
         ["Der Vertrag wurde am 25.4.2019 in Moskau unterzeichnet.", "Er gilt ab Mai."]),
        ("Das urteilte der VIII. Zivilsenat des BGH. Die Klage scheiterte.",
         ["Das urteilte der VIII. Zivilsenat des BGH.", "Die Klage scheiterte."]),
        ("Die Rede hielt Papst Benedikt XVI. Er sprach lange.", ["Die Rede hielt Papst Benedikt XVI.", "Er sprach lange."]),
        # a number that ends a sentence
        ("Sie landete auf Platz 3. Der Sieger kam aus Kenia.",
         ["Sie landete auf Platz 3.", "Der Sieger kam aus Kenia."]),
        ("Die Sowjetunion zerfiel 1991. 2002 traf Putin Kim Jong Il.",
         ["Die Sowjetunion zerfiel 1991.", "2002 traf Putin Kim Jong Il."]),
        # abbreviations
        ("Die Kosten liegen bei ca. 34 Mio. Euro, u.a. für Dr. Müller bzw. die Stadt. Der Bund zahlt.",
         ["Die Kosten liegen bei ca. 34 Mio. Euro, u.a. für Dr. Müller bzw. die Stadt.", "Der Bund zahlt."]),
        ("Rote Zwerge, z. B. Proxima Centauri, sind kühl. Sie sind häufig.",
         ["Rote Zwerge, z. B. Proxima Centauri, sind kühl.", "Sie sind häufig."]),
        ("Gezählt wurden Autos, Busse usw. Danach kamen die Räder.",
         ["Gezählt wurden Autos, Busse usw.", "Danach kamen die Räder."]),
        ("Das Spiel fand in der Allianz Arena, Str. des 17. Juni, statt. Es war ausverkauft.",
         ["Das Spiel fand in der Allianz Arena, Str. des 17. Juni, statt.", "Es war ausverkauft."]),
        # initials and photo positions
        ("US-Präsident Donald J. Trump reiste ab. Kim blieb.", ["US-Präsident Donald J. Trump reiste ab.", "Kim blieb."]),
        ("Sergei Schoigu (l.) besuchte Kim Jong-un. Das war im Juli.",
         ["Sergei Schoigu (l.) besuchte Kim Jong-un.", "Das war im Juli."]),
        # quotations
        ('Kim lobte er als "interessanten Gesprächspartner." Auch Kim fand Gefallen.',
         ['Kim lobte er als "interessanten Gesprächspartner."', "Auch Kim fand Gefallen."]),
        ("„Wir sind bereit. Die USA müssen handeln“, sagte er. Dann ging er.",
         ["„Wir sind bereit. Die USA müssen handeln“, sagte er.", "Dann ging er."]),
        ("Er sagte: „Das ist ein Erfolg.“ Die Opposition widersprach.",
         ["Er sagte: „Das ist ein Erfolg.“", "Die Opposition widersprach."]),
        ("„Kommt ihr?“, fragte sie. Niemand antwortete.", ["„Kommt ihr?“, fragte sie.", "Niemand antwortete."]),
        # other sentence ends
        ("Wie geht es weiter? Niemand weiß es! Das bleibt offen …",
         ["Wie geht es weiter?", "Niemand weiß es!", "Das bleibt offen …"]),
        ("Die Quote stieg um 3,5 Prozent. Das Bundesamt meldete 10.000 Fälle.",
         ["Die Quote stieg um 3,5 Prozent.", "Das Bundesamt meldete 10.000 Fälle."]),
    ],
)
def test_sentences_are_split_the_german_way(text, expected):
    assert texts(text) == expected


def _non_starting_word() -> str:
    """A capitalised word that is no sentence start: after an abbreviation it continues the sentence."""
    word = "Berlin"
    assert word not in lexicon_lines("sentence_starters.txt")
    return word


@pytest.mark.parametrize("abbreviation", [row[0] for row in lexicon_rows("abbreviations.txt")])
def test_every_listed_abbreviation_keeps_the_sentence_together(abbreviation):
    sentence = f"Gemeint war {abbreviation} {_non_starting_word()} und nichts anderes."
    assert texts(sentence) == [sentence]


def test_an_abbreviation_that_may_close_a_sentence_does_so_before_a_sentence_start():
    final = [row[0] for row in lexicon_rows("abbreviations.txt") if row[1:] == ["final"]]
    assert "usw." in final
    for abbreviation in final:
        assert len(texts(f"Es gab Brot, Wurst {abbreviation} Die Gäste aßen alles.")) == 2


def test_headings_are_one_sentence_and_marked():
    text = "Kerninflation bleibt hoch\n\nDie Rate lag bei 3,3 Prozent. Ökonomen sind besorgt.\n\nTuchel: „Wir waren nicht gut genug“"
    sentences = split_sentences(text)
    assert [(s.text, s.heading, s.paragraph) for s in sentences] == [
        ("Kerninflation bleibt hoch", True, 0),
        ("Die Rate lag bei 3,3 Prozent.", False, 1),
        ("Ökonomen sind besorgt.", False, 1),
        ("Tuchel: „Wir waren nicht gut genug“", True, 2),
    ]


def test_a_short_question_on_its_own_line_is_a_subheading():
    text = "Was will Kim erreichen?\n\nWarum hat der Stadtrat die Sanierung der Brücke erneut um zwei Jahre verschoben?"
    assert [(s.text, s.heading) for s in split_sentences(text)] == [
        ("Was will Kim erreichen?", True),
        ("Warum hat der Stadtrat die Sanierung der Brücke erneut um zwei Jahre verschoben?", False),
    ]
    assert not split_sentences("Wie geht es weiter? Niemand weiß es.")[0].heading


def test_offsets_point_into_the_text_for_every_sample():
    for path in sorted(seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences = split_sentences(text)
        assert sentences, path.name
        assert [s.index for s in sentences] == list(range(len(sentences)))
        for sentence in sentences:
            assert text[sentence.start:sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip()


def test_paragraphs_are_separated_by_blank_lines_and_keep_offsets():
    text = "Erster Absatz.\n\n  \nZweiter Absatz, Zeile eins\nund Zeile zwei.\n\n"
    assert paragraphs(text) == [(0, "Erster Absatz."), (19, "Zweiter Absatz, Zeile eins\nund Zeile zwei.")]
    assert text[19:].startswith("Zweiter")


def test_empty_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \n") == []


def test_tokens_keep_numbers_and_compounds_whole():
    assert tokens("Der US-Präsident zahlte 10.000 Dollar, 3,5 % mehr; geht's?") == [
        "Der", "US-Präsident", "zahlte", "10.000", "Dollar", "3,5", "mehr", "geht's",
    ]


def test_whitespace_and_folding():
    assert normalize_whitespace("70. Jahrestag\u00a0 des Waffen\u00adstillstands") == "70. Jahrestag des Waffenstillstands"
    assert fold("Pjöngjang Außenminister") == "pjongjang aussenminister"


def test_fold_strips_every_combining_mark_like_the_plain_definition():
    import random
    import unicodedata

    def by_definition(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

    rng = random.Random(5)
    samples = ["Ångström, São Paulo, İstanbul, ﬁ, ½, Ǆ", "𝄞\u0301 \U0001e94a", "Łódź Dvořák Šoigu"]
    samples += ["".join(chr(rng.randrange(0x20, 0x110000)) for _ in range(30)) for _ in range(2000)]
    for text in samples:
        assert fold(text) == by_definition(text)
