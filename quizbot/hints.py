"""The answer-type hint shown with a gap ("Gesucht: Zeitdauer"), in either language.

Hints are stored with the question in the language of the ingest; ``shown_hint``
gives a stored hint in the language of whoever reads it now.
"""

from __future__ import annotations

from typing import Optional

from quizbot.i18n import tr

HINTS: dict[str, tuple[str, str]] = {  # answer kind: (deutsch, English)
    "amount": ("Betrag mit Einheit", "amount with unit"),
    "count": ("Anzahl", "number"),
    "duration": ("Zeitdauer", "duration"),
    "age": ("Alter (in Jahren)", "age (in years)"),
    "distance": ("Entfernung mit Einheit", "distance with unit"),
    "percent": ("Prozentwert", "percentage"),
    "factor": ("Faktor (das Wievielfache)", "factor (how many times)"),
    "year": ("Jahr", "year"),
    "date": ("Datum", "date"),
    "ordinal": ("Ordnungszahl", "ordinal number"),
    "person": ("Name einer Person", "name of a person"),
    "place": ("Ort", "place"),
    "organisation": ("Organisation oder Einrichtung", "organisation or institution"),
    "quote": ("wörtliches Zitat", "exact quotation"),
    "term": ("Begriff (ein Wort aus dem Artikel)", "term (a word from the article)"),
}
FALLBACK = ("Antwort", "answer")
_BY_TEXT = {text: pair for pair in (*HINTS.values(), FALLBACK) for text in pair}


def hint_for(kind: str) -> str:
    """The hint for an answer of this kind, in the current language."""
    return tr(*HINTS.get(kind, FALLBACK))


def shown_hint(stored: Optional[str]) -> Optional[str]:
    """A stored hint in the current language (a teacher's own wording stays as written)."""
    pair = _BY_TEXT.get(stored or "")
    return tr(*pair) if pair else stored
