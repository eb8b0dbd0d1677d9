"""``quizbot export --format gift``: read back by a strict GIFT reader, everything comes back."""

from __future__ import annotations

import html
import re

import pytest
from export_material import ESC, german_afterwards, run_export, stored_questions  # noqa: F401
from gift_reader import GiftError, read

from quizbot.exports.common import clean, truefalse_verdict

QUESTION_TYPES = {"eco-amount": "numerical", "eco-cloze": "shortanswer", "eco-choice": "multichoice",
                  "eco-tf": "truefalse", "sport-count": "numerical", "sport-score": "shortanswer",
                  "sport-tf": "truefalse", "sport-person": "shortanswer", "weather-temp": "numerical",
                  "weather-year": "numerical", "weather-frost": "numerical", "sci-formula": "shortanswer",
                  "sci-cloze": "shortanswer", "sci-choice": "multichoice", "sci-quote": "shortanswer",
                  "sci-tf": "truefalse"}


def plain(fragment: str) -> list[str]:
    """The words of HTML as a reader sees them: tags gone, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split()


def first_paragraph(text: str) -> str:
    return html.unescape(re.match(r"<p>(.*?)</p>", text).group(1))


@pytest.fixture
def exported(tmp_path):
    out = run_export(tmp_path, "gift", "fragen.gift.txt")
    return out.read_text(encoding="utf-8"), stored_questions(tmp_path)


def test_every_question_comes_back_with_its_type_text_and_answers(exported):
    text, questions = exported
    read_back = read(text)
    assert len(read_back) == len(questions) == len(QUESTION_TYPES)
    for question, gift in zip(questions, read_back):
        assert gift.qtype == QUESTION_TYPES[question["key"]], question["key"]
        assert gift.text_format == "html"
        assert gift.name.startswith(f"Q{question['id']} ")
        stem = clean(question["question"]).replace("____", "_____")
        assert first_paragraph(gift.text) == stem


def test_numerical_questions_ask_for_the_number_in_the_articles_unit(exported):
    text, questions = exported
    gift = {q["key"]: g for q, g in zip(questions, read(text))}
    expected = {"eco-amount": ("3.5", "in Milliarden Euro"), "sport-count": ("34700", "ohne Tausenderpunkte"),
                "weather-temp": ("38.2", "in Grad"), "weather-year": ("1893", "Nur die Zahl eingeben."),
                "weather-frost": ("-12", "in Grad")}
    for key, (number, instruction) in expected.items():
        assert [(a.text, a.tolerance, a.fraction) for a in gift[key].answers] == [(number, 0.0, 1.0)]
        assert instruction in " ".join(plain(gift[key].text))


def test_short_answers_carry_every_accepted_spelling_escaped_for_moodle(exported):
    text, questions = exported
    gift = {q["key"]: g for q, g in zip(questions, read(text))}
    answers = {key: [a.text for a in gift[key].answers] for key in gift if gift[key].qtype == "shortanswer"}
    assert answers["sci-formula"] == ["Δ = m/t {in Tonnen} # pro Jahr", "Δ=m/t"]
    assert answers["sport-score"] == ["3:1"]
    assert answers["sport-person"] == ["Christian Streich", "Streich"]
    # Moodle's short answer takes * as a wildcard: the literal star is escaped
    assert answers["sci-quote"] == ["alarmierend\\*", "[bold]alarmierend"]
    # quantities: the spellings Moodle cannot derive itself
    assert answers["eco-cloze"] == ["3.000", "3000"]
    assert {"6 Prozent", "6 %", "6%"} <= set(answers["sci-cloze"])
    assert all(a.fraction == 1.0 for g in gift.values() for a in g.answers if g.qtype == "shortanswer")


def test_choice_and_true_false(exported):
    text, questions = exported
    gift = {q["key"]: g for q, g in zip(questions, read(text))}
    choice = gift["eco-choice"]
    assert [html.unescape(a.text) for a in choice.answers] == ["Ömer Yıldız", "Anna Berger", "Jean-Luc Dubois",
                                                               "Eva Kühn ~ Groß"]
    assert [a.fraction for a in choice.answers] == [0, 1, 0, 0]
    hostile = [html.unescape(a.text) for a in gift["sci-choice"].answers]
    assert hostile == ["Maria Łukasiewicz", "Prof. A = B", "<script>alert(1)</script>", "Jens Jensen"]
    assert (gift["eco-tf"].correct, gift["sport-tf"].correct, gift["sci-tf"].correct) == (False, True, True)
    assert "Die Aussage ist falsch." in " ".join(plain(gift["eco-tf"].feedback_right))


def test_feedback_quotes_the_source_with_title_source_and_german_date(exported):
    text, questions = exported
    for question, gift in zip(questions, read(text)):
        feedback = " ".join(plain(gift.general_feedback))
        assert " ".join(f"„{clean(question['sentence'])}“".split()) in feedback
        assert clean(question["article"]["title"]) in feedback
    feedback = {q["key"]: " ".join(plain(g.general_feedback)) for q, g in zip(questions, read(text))}
    credit = "Chip-Werk: {Milliarden} & <Subventionen> für Magdeburg, Der Tagesspiegel, 14.03.2024"
    assert credit in feedback["eco-amount"]
    assert "Antwort: 3,5 Milliarden Euro" in feedback["eco-amount"]
    assert feedback["weather-temp"].endswith("Hitzerekord in Cottbus")  # no source, no date: nothing dangling


def test_one_category_per_article(exported):
    text, _ = exported
    categories = [g.category for g in read(text)]
    assert list(dict.fromkeys(categories)) == [
        "quizbot/Chip-Werk: {Milliarden} & <Subventionen> für Magdeburg (14.03.2024)",
        "quizbot/Freiburg gewinnt das Derby (08.10.2023)",
        "quizbot/Hitzerekord in Cottbus",
        "quizbot/Gletscher // Alpen: Forscher messen den Eisverlust (30.11.2022)",
    ]


def test_terminal_escape_codes_and_raw_markup_never_reach_the_file(exported):
    text, _ = exported
    assert ESC not in text
    assert "<script>" not in text and "<b>und</b>" not in text
    assert "&lt;b&gt;und&lt;/b&gt;" in text


def test_english_export(tmp_path):
    out = run_export(tmp_path, "gift", "questions.gift.txt", lang="en")
    feedback = " ".join(" ".join(plain(g.general_feedback)) for g in read(out.read_text(encoding="utf-8")))
    quote = "The article says: “Der Halbleiterkonzern investiert 3,5 Milliarden Euro in das neue Werk.”"
    assert quote in feedback
    assert "2024-03-14" in feedback and "Answer: 3,5 Milliarden Euro" in feedback


@pytest.mark.parametrize("broken", [
    "::Q1::Wer kam {am 3. Mai}? {=Kim}",  # a second, unescaped brace pair
    "::Q1::Wer kam? {=Kim \\q}",  # an escape GIFT does not know
    "::Q1::Wer kam? {=Kim =Putin ~Trump}",  # two right answers in single choice
    "::Q1::Wie viel? {#3,5}",  # Moodle reads numbers with a decimal point
    "::Q1::Wer kam? {=Kim",  # unclosed answer block
])
def test_the_reader_is_strict(broken):
    with pytest.raises(GiftError):
        read(broken)


def test_a_generated_correction_is_said_once_in_every_export():
    # the generator stores "Richtig ist: X. Im Artikel steht: „…“"; the feedback quotes the sentence itself
    sentence = "Wladiwostok liegt nur 130 Kilometer von der Grenze zu Nordkorea entfernt."
    question = {"kind": "truefalse", "correct": False, "sentence": sentence,
                "correction": f"Richtig ist: 130 Kilometer. Im Artikel steht: „{sentence}“"}
    assert truefalse_verdict(question) == "Die Aussage ist falsch. Richtig ist: 130 Kilometer."
    plain_correction = {**question, "correction": "130 Kilometer"}
    assert truefalse_verdict(plain_correction) == "Die Aussage ist falsch. Richtig ist: 130 Kilometer"
