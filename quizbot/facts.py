"""Facts: typed answer spans in an article's sentences.

A fact is what a teacher could ask about: an amount, a count, a year, a
person with their role, a place, an organisation, a quotation. Quantities
come from ``quizbot.numbers`` (the one place that reads German numbers);
names come from lexicons in ``data/`` (roles, given names, places,
organisations) plus a few patterns around them:

- a role word before a name: "der russische Präsidentenberater Juri Uschakow",
  "Sicherheitsberater der USA, Jake Sullivan,"
- a given name before a surname: "sagte Andrei Lankow"
- a name with its institution: "Jeong Young-tae vom Seouler Institut für Nordkoreastudien"
- later mentions by surname ("Putin", "Kim") of a person named earlier.

Everything here is pure: no I/O beyond the cached lexicons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional

from quizbot import numbers
from quizbot.models import Article, Fact, Sentence
from quizbot.resources import lexicon_lines, lexicon_rows
from quizbot.text import fold

# Quantity kinds that make facts; a bare "number" has no meaning of its own.
QUANTITY_KINDS = frozenset(
    {"amount", "count", "duration", "distance", "percent", "factor", "year", "date", "ordinal"}
)

MAX_NAME_TOKENS = 4
MIN_QUOTE_WORDS = 2
MAX_QUOTE_WORDS = 30

# Word tokens keep hyphens and apostrophes ("US-Präsident", "al-Assad");
# numbers keep their separators; every other non-space character is a token.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-'’]\w+)*|\S")
# Letters of names beyond German: "Erdoğan", "Stanišić", "Łukasz", "Ștefan" (Latin Extended-A and -B).
_EXTENDED = [chr(code) for code in range(0x100, 0x250)]
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(ch for ch in _EXTENDED if ch.isupper())
_LOWER = "a-zß-öø-ÿ" + "".join(ch for ch in _EXTENDED if ch.islower())
_NAME_WORD = re.compile(rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}{_LOWER}][{_LOWER}]*)*")
# Name parts that start lowercase: "al-Assad", "il-Sung", "bin Salman", "von der Leyen".
_NAME_PARTICLE_WORD = re.compile(r"(?:al|el|il|bin|ibn|ben|da|de|di|du|van|von|ter|le|la)-[A-ZÄÖÜ]\w+")
# Capitalised words with these endings are common nouns, never names.
_NOUN_ENDING = re.compile(
    r"\w{3,}(?:ung|heit|keit|schaft|tion|ismus|tät|ium|ment|nis|ungen|heiten|keiten|schaften|tionen)$"
)
_ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")
_ROLE_INFLECTIONS = ("ens", "en", "es", "n", "s")
_DETERMINERS = frozenset(
    {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines"}
)
_AFFILIATION_WORDS = ("vom", "von der", "von", "von dem", "aus dem", "an der", "am")
_QUOTE = re.compile(r"„([^“”„\"]+)[“”\"]|»([^«»]+)«|“([^”“]+)”|\"([^\"]+)\"|«([^«»]+)»")
# "nannte das Ergebnis „bitter, aber nicht überraschend“": a characterisation, like "… als „…“".
_NAMING_VERB = re.compile(r"\b(?:nannte|nennt|bezeichnete|bezeichnet)\b[^„\"»“,.]{0,60}$")
_YEAR_DIGITS = re.compile(r"1\d{3}|20\d{2}")
_GENITIVE_S = re.compile(r"(?<=[a-zäöüß])s$")
_ROMAN_NUMERAL = re.compile(r"I{1,3}|IV|V|VI{1,3}|IX|X")
# "eine 71 Jahre alte Rentnerin": a duration that is somebody's age
_AGE_AFTER = re.compile(r"\s+alt(?:e[nmrs]?)?\b")
_AGE_NOUN = re.compile(r"\d+-Jährige[nmr]?")  # "der 39-Jährige": a person by age


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Word, number and punctuation tokens with their offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# --------------------------------------------------------------------------
# Lexicons (read once)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    stem: str
    group: str
    gender: str


@dataclass(frozen=True)
class Organisation:
    type: str
    gender: str  # m, f, n, pl: the article a gap before it takes
    canonical: str  # the name of the group of spellings: "WHO" and "Weltgesundheitsorganisation" share one
    inflected: bool  # "Europäischen Union" is written "Europäische Union" as an answer


@dataclass(frozen=True)
class Place:
    name: str
    type: str
    region: str
    article: Optional[str] = None  # m, f, n, pl for names used with an article ("die Ukraine")
    after_preposition_only: bool = False  # also a common word: "Essen", "Halle"
    alias_of: Optional[str] = None  # "Vereinigte Staaten" is another name of "USA"
    importance: int = 2  # 1 a world power or its capital, 2 well known, 3 small or rarely in the news


@lru_cache(maxsize=None)
def roles() -> dict[str, Role]:
    """Folded role stem -> Role."""
    return {fold(row[0]): Role(row[0], row[1], row[2]) for row in lexicon_rows("roles.tsv")}


@lru_cache(maxsize=None)
def _role_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(stem) for stem in roles()}, reverse=True))


@lru_cache(maxsize=None)
def given_names() -> frozenset[str]:
    return frozenset(lexicon_lines("given_names.txt"))


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """A listed given name, or a double name of listed ones ("Klaus-Dieter", "Anna-Lena")."""
    names = given_names()
    return word in names or ("-" in word and all(part in names for part in word.split("-")))


@lru_cache(maxsize=None)
def given_name_genders() -> dict[str, Optional[str]]:
    """Given name -> "f" or "m", None for a name both carry (listed names are male unless noted)."""
    table: dict[str, Optional[str]] = {name: "m" for name in given_names()}
    for row in lexicon_rows("given_name_genders.tsv"):
        table[row[0]] = row[1] if row[1] in ("f", "m") else None
    return table


def person_gender(name: str, role_stem: Optional[str] = None) -> Optional[str]:
    """"f" or "m" from the given name, else from the role word ("Vorstandschefin"); None if unknown."""
    parts = name.split()
    genders = given_name_genders()
    first = parts[0] if parts[0] in genders else parts[0].split("-")[0]  # "Klaus-Dieter" as "Klaus"
    gender = genders.get(first) if len(parts) > 1 else None
    if gender is None and role_stem:
        role = roles().get(fold(role_stem))
        gender = role.gender if role else None
    return gender


@lru_cache(maxsize=None)
def name_particles() -> tuple[frozenset[str], frozenset[str]]:
    """(particles inside names, articles that may follow a particle)."""
    rows = lexicon_rows("name_particles.txt")
    return frozenset(r[0] for r in rows if len(r) == 1), frozenset(r[0] for r in rows if len(r) > 1)


@lru_cache(maxsize=None)
def quote_title_words() -> frozenset[str]:
    return frozenset(lexicon_lines("quote_title_words.txt"))


@lru_cache(maxsize=None)
def generic_nouns() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon_lines("generic_nouns.txt"))


@lru_cache(maxsize=None)
def not_names() -> frozenset[str]:
    return frozenset(lexicon_lines("not_names.txt"))


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    return frozenset(lexicon_lines("function_words.txt"))


@lru_cache(maxsize=None)
def speech_verbs() -> frozenset[str]:
    return frozenset(lexicon_lines("speech_verbs.txt"))


@lru_cache(maxsize=None)
def places() -> dict[str, Place]:
    """Place name (and its genitive) -> Place; multi-word names keyed by their words joined by spaces."""
    table: dict[str, Place] = {}
    for row in lexicon_rows("places.tsv"):
        flags = row[3].split(",") if len(row) > 3 else []
        article = next((flag for flag in flags if flag in ("m", "f", "n", "pl")), None)
        alias = next((flag[1:] for flag in flags if flag.startswith("=")), None)
        importance = int(row[4]) if len(row) > 4 and row[4] else 2
        place = Place(row[0], row[1], row[2], article, "prep" in flags, alias, importance)
        table.setdefault(place.name, place)
    return table


@lru_cache(maxsize=None)
def place_heads() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon_rows("place_heads.txt")}


@lru_cache(maxsize=None)
def organisations() -> dict[str, Organisation]:
    """Organisation name as written -> Organisation."""
    table = {}
    for row in lexicon_rows("organisations.tsv"):
        alias = row[3] if len(row) > 3 else ""
        table[row[0]] = Organisation(row[1], row[2], alias[1:] or row[0], alias.startswith("="))
    return table


@lru_cache(maxsize=None)
def organisation_heads() -> dict[str, tuple[str, str]]:
    """Head word -> (organisation type, grammatical gender)."""
    return {row[0]: (row[1], row[2]) for row in lexicon_rows("organisation_heads.txt")}


@lru_cache(maxsize=None)
def _name_lengths(table_name: str) -> dict[str, tuple[int, ...]]:
    """First word -> the word counts of the names that start with it, longest first."""
    table = places() if table_name == "places" else organisations()
    lengths: dict[str, set[int]] = {}
    for name in table:
        words = name.split()
        lengths.setdefault(words[0], set()).add(len(words))
        if table_name == "places" and len(words) == 1:
            lengths.setdefault(name + "s", set()).add(1)  # the genitive "Russlands"
    return {first: tuple(sorted(counts, reverse=True)) for first, counts in lengths.items()}


# --------------------------------------------------------------------------
# Word classes
# --------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def role_of(word: str) -> Optional[tuple[Role, str]]:
    """The role a word names and its uninflected form: "Verteidigungsministers" -> (Minister, "Verteidigungsminister")."""
    if not word[:1].isupper():
        return None
    for ending in ("",) + _ROLE_INFLECTIONS:
        base = word[: len(word) - len(ending)] if ending else word
        if ending and not word.endswith(ending):
            continue
        folded = fold(base)
        for length in _role_lengths():
            if length > len(folded):
                continue
            suffix = folded[-length:]
            role = roles().get(suffix)
            # A short stem inside a compound must sit after a hyphen ("Kreml-Chef"),
            # so that "Sekretariat" is not a "Rat"; a longer stem may close a compound
            # with a real first part ("Abteilungsleiter", but not "Begleiter").
            prefix = len(folded) - length
            if role and (prefix == 0 or folded[-length - 1] == "-" or (length >= 5 and prefix >= 4)):
                return role, base
    return None


def place_at(words: list[str], i: int) -> Optional[tuple[Place, int, bool]]:
    """The place starting at word i: (place, number of words, genitive?)."""
    table = places()
    for length in _name_lengths("places").get(words[i], ()):
        name = " ".join(words[i : i + length])
        if name in table:
            return table[name], length, False
        base = table.get(name[:-1]) if _GENITIVE_S.search(name) else None
        if base and base.article is None and not base.name.endswith(("s", "x", "z", "ß")):
            return base, length, True
    return None


@lru_cache(maxsize=65536)
def is_place_word(word: str) -> bool:
    """Is this single word a place name (or its genitive)?"""
    return place_at([word], 0) is not None


def organisation_at(words: list[str], i: int) -> Optional[tuple[Organisation, int]]:
    """A lexicon organisation starting at word i: (organisation, number of words)."""
    table = organisations()
    for length in _name_lengths("organisations").get(words[i], ()):
        name = " ".join(words[i : i + length])
        if name in table:
            return table[name], length
    return None


@lru_cache(maxsize=65536)
def is_name_word(word: str) -> bool:
    """Could this capitalised word be part of a person's name?"""
    if not _NAME_WORD.fullmatch(word) or _NOUN_ENDING.search(word) or word in not_names():
        return False
    return not (
        fold(word) in function_words()
        or is_place_word(word)
        or word in organisations()
        or role_of(word)
    )


# --------------------------------------------------------------------------
# Persons
# --------------------------------------------------------------------------


@dataclass
class _Mention:
    first: int  # token index of the name's first word
    last: int  # token index of its last word
    role_first: Optional[int] = None  # token index where the role phrase starts
    role_last: Optional[int] = None  # token index of the role word (or of its genitive attribute)
    role: Optional[Role] = None
    affiliation: Optional[str] = None


def _name_end(tokens: list[Token], i: int) -> int:
    """Index after the name that starts at token i (i itself when there is none)."""
    if i >= len(tokens) or not is_name_word(tokens[i].text):
        return i
    end = i + 1
    while end < len(tokens) and end - i < MAX_NAME_TOKENS:
        word = tokens[end].text
        if tokens[end].start != tokens[end - 1].end + 1:
            break  # names are written with single spaces between their parts
        after_given_name = is_given_name(tokens[end - 1].text)  # "Martin Richter": a surname, not a judge
        if (
            _NAME_WORD.fullmatch(word)
            and (after_given_name or not _NOUN_ENDING.search(word))
            and word not in not_names()
            and not is_place_word(word)
            and (after_given_name or not role_of(word))
        ):
            # Korean names have short capitalised syllables ("Moon Jae In") that are
            # function words elsewhere; inside a name they are name parts.
            end += 1
        elif _NAME_PARTICLE_WORD.fullmatch(word):
            end += 1
        elif word in name_particles()[0]:  # "von der Leyen"
            rest = end + 1 + (end + 1 < len(tokens) and tokens[end + 1].text in name_particles()[1])
            if rest >= len(tokens) or not is_name_word(tokens[rest].text):
                break
            end = rest + 1
        else:
            break
    return end


def _role_phrase_start(tokens: list[Token], role_index: int) -> int:
    """Walk back from a role word over adjectives, a genitive place and a determiner."""
    start = role_index
    words = [t.text for t in tokens]
    while start > 0:
        word = words[start - 1]
        if word.islower() and word.endswith(_ADJECTIVE_ENDINGS) and word not in function_words() | speech_verbs():
            start -= 1  # "russische", "damaligen"; not the verb in "Das teilte Kultusminister … mit"
        elif (
            word[:1].isupper()
            and word.endswith(_ADJECTIVE_ENDINGS)
            and fold(word) not in function_words()
            and not role_of(word)
            and start - 2 >= 0
            and words[start - 2].lower() in _DETERMINERS
        ):
            start -= 1  # "der Moskauer Experte", "Der Nationale Sicherheitsberater"
        elif (found := place_at(words, start - 1)) and found[2] and found[1] == 1:
            start -= 1  # "Nordkoreas Machthaber"
        else:
            break
    if start > 0 and words[start - 1].lower() in _DETERMINERS:
        return start - 1
    if start < role_index and start > 0 and words[start].islower():
        return role_index  # "…“, sagte DWD-Meteorologin": lowercase words without an article are no adjectives
    return start


def _role_label(tokens: list[Token], first: int, last: int, role: Role, role_index: int, lemma: str) -> str:
    """The role as a teacher writes it, nominative without article: "russischer Präsidentenberater"."""
    ending = {"m": "er", "f": "e", "n": "es"}.get(role.gender, "er")
    parts = []
    for index in range(first, last + 1):
        word = tokens[index].text
        if index == role_index:
            parts.append(lemma)
        elif index < role_index and word.lower() in _DETERMINERS:
            continue
        elif index < role_index and word.endswith(("e", "en", "em", "es")) and not place_at([word], 0):
            stem = _adjective_stem(word)  # "russischen" -> "russischer", "Nationale" -> "Nationaler"
            parts.append(stem + ending)
        else:
            parts.append(word)
    return " ".join(parts)


def _adjective_stem(word: str) -> str:
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


class PersonRegistry:
    """The persons of one article: the names used for them, their roles and institutions."""

    def __init__(self) -> None:
        self.names: dict[str, int] = {}  # name as written -> sentence of its first mention
        self.roles: dict[str, tuple[str, str]] = {}  # name -> (role label, role word)
        self.groups: dict[str, str] = {}  # name -> role group
        self.affiliations: dict[str, str] = {}
        self.short: set[str] = set()  # surnames of multi-word names: later mentions use them
        self.lengths: dict[str, tuple[int, ...]] = {}  # first word -> word counts of names, longest first

    def add(
        self, name: str, sentence: int, role: Optional[tuple[str, str]], group: Optional[str], affiliation: Optional[str]
    ) -> None:
        self.names.setdefault(name, sentence)
        parts = name.split()
        self.lengths[parts[0]] = tuple(sorted({len(parts), *self.lengths.get(parts[0], ())}, reverse=True))
        for part in (parts[0], parts[-1]) if len(parts) > 1 else ():
            if len(part) > 2 and not is_given_name(part):
                self.short.add(part)
        if role:
            self.roles.setdefault(name, role)
        if group:
            self.groups.setdefault(name, group)
        if affiliation:
            self.affiliations.setdefault(name, affiliation)

    def known(self, words: list[str], i: int) -> int:
        """Length in words of a known name starting at word i (0 if none)."""
        for length in self.lengths.get(words[i], ()):
            if " ".join(words[i : i + length]) in self.names:
                return length
        return 1 if words[i] in self.short else 0

    def full_name(self, name: str) -> str:
        """The longest name of the same person.

        "Putin" is "Wladimir Putin" (the surname closes the full name). A first
        part ("Kim" of "Kim Jong Un") is that person only if the full name came
        first in the article or both carry the same role: in an article about
        Kim Jong Un, a later "Kim Jong Il" does not take over "Kim".
        """
        if " " in name:
            return name
        for full, first_seen in self.names.items():
            parts = full.split()
            if len(parts) < 2 or name not in (parts[0], parts[-1]):
                continue
            same_role = name in self.roles and full in self.roles and self.roles[name][1] == self.roles[full][1]
            if name == parts[-1] or first_seen <= self.names.get(name, first_seen) or same_role:
                return full
        return name


def _find_mentions(tokens: list[Token], org_spans: list[tuple[int, int, str]], registry: PersonRegistry) -> list[_Mention]:
    """The persons named in a sentence: after a role word, then known, given or speaking names."""
    words = [t.text for t in tokens]
    mentions: list[_Mention] = []
    # Organisation names win over persons: "Robert Koch-Institut" is no person.
    taken: set[int] = {i for first, last, _ in org_spans for i in range(first, last + 1)}

    def add(mention: _Mention) -> None:
        mention = _before_institution(mention, words, taken)
        if mention is None:
            return
        after = words[mention.last + 1] if mention.last + 1 < len(words) else ""
        if words[mention.last].endswith("s") and after[:1].isupper() and not is_name_word(after):
            return  # a genitive before its noun: "Kim Jong-uns Großvater", "Putins Bemühungen"
        if not taken.intersection(range(mention.first, mention.last + 1)):
            mentions.append(mention)
            taken.update(range(mention.first, mention.last + 1))

    for i in range(len(words)):
        mention = _role_mention(tokens, words, i)
        if mention:
            add(mention)
    for i in range(len(words)):
        if i not in taken:
            mention = _name_mention(tokens, words, i, org_spans, registry)
            if mention:
                add(mention)
    for mention in mentions:
        mention.affiliation = _affiliation(words, mention.last + 1, org_spans)
    return sorted(mentions, key=lambda m: m.first)


def _before_institution(mention: _Mention, words: list[str], taken: set[int]) -> Optional[_Mention]:
    """A name that ran into an institution ("Johanna Reiter von der Medizinischen Universität")
    ends before its particle; None when nothing of the name is left."""
    inside = [i for i in range(mention.first, mention.last + 1) if i in taken]
    if not inside or inside[0] == mention.first:
        return mention
    last = inside[0] - 1
    while last >= mention.first and words[last] in name_particles()[0] | name_particles()[1]:
        last -= 1
    if last < mention.first:
        return None
    return replace(mention, last=last)


def _role_mention(tokens: list[Token], words: list[str], i: int) -> Optional[_Mention]:
    """A name after the role word at i: "Präsident Putin", "der Sicherheitsberater der USA, Jake Sullivan,"."""
    found = role_of(words[i])
    if not found:
        return None
    role, lemma = found
    phrase_start = _role_phrase_start(tokens, i)
    if words[phrase_start] in ("die", "Die") and lemma != words[i] and role.gender == "m":
        return None  # "die Meteorologen Höchstwerte": a plural role names nobody
    end = _name_end(tokens, i + 1)
    if end > i + 1:
        return _Mention(i + 1, end - 1, phrase_start, i, role)
    # Apposition: "der Sicherheitsberater der USA, Jake Sullivan," — but not after a genitive
    # role, which belongs to another noun: "der Vater des aktuellen Machthabers, Kim Jong-il".
    j = i + 1
    if j < len(words) and words[j] in ("der", "des"):
        j += 1
        while j < len(words) and j <= i + 4 and words[j][:1].isupper():
            j += 1
    if j < len(words) and words[j] == "," and words[phrase_start] != "des":
        end = _name_end(tokens, j + 1)
        if end > j + 1 and (end == len(words) or words[end] in (",", ".", ";")):
            return _Mention(j + 1, end - 1, phrase_start, j - 1, role)
    return None


def _name_mention(
    tokens: list[Token], words: list[str], i: int, org_spans: list[tuple[int, int, str]], registry: PersonRegistry
) -> Optional[_Mention]:
    """A name without a role word: known from earlier, after a given name, speaking, or with an institution."""
    known = registry.known(words, i)
    end = _name_end(tokens, i)
    if known and (end <= i + known or registry.known(words, i + known)):
        return _Mention(i, i + known - 1)  # "Putin", "Kim Jong Un" again
    if is_given_name(words[i]) and _name_end(tokens, i + 1) > i + 1:
        return _Mention(i, _name_end(tokens, i + 1) - 1)  # "Andrei Lankow"
    if known:
        return _Mention(i, end - 1)  # a longer, new name: "Kim Jong Il" after "Kim Jong Un"
    if end == i + 1 and _next_to_speech_verb(words, i):
        return _Mention(i, i)  # "Putin sprach …", "…, sagte Lankow."
    institution_follows = any(start in (end + 1, end + 2) for start, _, _ in org_spans)
    if end - i >= 2 and end < len(words) and words[end] in ("vom", "von") and institution_follows:
        return _Mention(i, end - 1)  # "Jeong Young-tae vom Seouler Institut …"
    return None


def _next_to_speech_verb(words: list[str], i: int) -> bool:
    """A lone surname as the speaker: "Putin sagte", "sagte Putin" (no article before it)."""
    verbs = speech_verbs()
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    opener = words[i - 2] if i > 1 else ""
    return (after in verbs and after != "so" and (i == 0 or before in (",", "–", ":"))) or (
        before in verbs and before != "so" and opener in (",", "“", '"', "«", "»")  # "…“, sagte Höler"
    )


def _affiliation(words: list[str], i: int, org_spans: list[tuple[int, int, str]]) -> Optional[str]:
    """The organisation right after a name: "vom Seouler Institut …", "von der Kookmin-Universität"."""
    for connector in _AFFILIATION_WORDS:
        parts = connector.split()
        if words[i : i + len(parts)] == parts:
            for start, end, name in org_spans:
                if start == i + len(parts):
                    return name
    return None


# --------------------------------------------------------------------------
# Places and organisations
# --------------------------------------------------------------------------

_PLACE_PREPOSITIONS = frozenset(
    {"in", "im", "nach", "aus", "von", "vom", "bei", "bis", "über", "durch", "Richtung", "nahe"}
)


def _find_places(tokens: list[Token], skip: set[int]) -> list[tuple[int, int, Place, bool]]:
    """(first, last, place, genitive) for every place name in the sentence."""
    words = [t.text for t in tokens]
    found = []
    i = 0
    while i < len(words):
        if i in skip:
            i += 1
            continue
        hit = place_at(words, i)
        head = place_heads().get(words[i])
        if hit:
            place, length, genitive = hit
            compound = i + length < len(words) and words[i + length] == "-"
            after_preposition = i > 0 and words[i - 1] in _PLACE_PREPOSITIONS
            # "Der Kanton Basel-Stadt", "Den Bayern reicht ein Remis": a name that takes no
            # article, after one, is a common noun or a team, not the place.
            after_article = i > 0 and words[i - 1].lower() in _DETERMINERS and place.article is None
            if not compound and not after_article and (after_preposition or not place.after_preposition_only):
                found.append((i, i + length - 1, place, genitive))
                i += length
                continue
        elif head and i + 1 < len(words) and is_name_word(words[i + 1]) and i + 1 not in skip and not place_at(words, i + 1):
            name = f"{words[i]} {words[i + 1]}"
            found.append((i, i + 1, Place(name, head, ""), False))
            i += 2
            continue
        i += 1
    return found


def _find_organisations(tokens: list[Token], sentence_text: str) -> list[tuple[int, int, str, Organisation]]:
    """(first, last, name as an answer, organisation) for lexicon names and names around a head word."""
    words = [t.text for t in tokens]
    found: list[tuple[int, int, str, Organisation]] = []
    i = 0
    while i < len(words):
        hit = organisation_at(words, i)
        if hit:
            organisation, length = hit
            name = organisation.canonical if organisation.inflected else " ".join(words[i : i + length])
            found.append((i, i + length - 1, name, organisation))
            i += length
            continue
        word = words[i]
        head = _organisation_head(word) or ("-" in word and _organisation_head(word.rsplit("-", 1)[1])) or None
        compound_head = "-" in word and head is not None and not _organisation_head(word)
        if head and i + 1 < len(words) and organisation_at(words, i + 1):
            i += 1  # "die Gewerkschaft IG Metall": the lexicon name is the answer, not "Gewerkschaft IG"
            continue
        if head:
            first, last = i, i
            founder = i >= 2 and is_given_name(words[i - 2]) and is_name_word(words[i - 1])
            if founder:
                first = i - 2  # "Christoph Merian Stiftung", "Robert Bosch Krankenhaus"
            while first > max(0, i - 2) and _name_adjective(words[first - 1]) and not founder:
                first -= 1  # "Seouler Institut", "Deutschen Alzheimer Gesellschaft"
            if words[i + 1 : i + 2] == ["für"] and i + 2 < len(words) and words[i + 2][:1].isupper():
                last = i + 2  # "Institut für Nordkoreastudien"
                while last + 2 < len(words) and words[last + 1] == "und" and words[last + 2][:1].isupper():
                    last += 2
            elif i + 1 < len(words) and (
                words[i + 1].isupper() and len(words[i + 1]) > 1
                or place_at(words, i + 1)
                or organisation_at(words, i + 1)
                or (words[i + 1][:1].isupper() and is_name_word(words[i + 1]) and word in ("Agentur", "Nachrichtenagentur"))
            ):
                last = i + 1  # "Agentur Tass", "Universität Hamburg", "Nachrichtenagentur KCNA"
                if last + 1 < len(words) and _ROMAN_NUMERAL.fullmatch(words[last + 1]):
                    last += 1  # "Landgericht München I"
            elif i + 3 < len(words) and words[i + 1] in "„\"»" and words[i + 3] in "“\"«":
                last = i + 3  # Zeitung „Wedomosti“
            if first < i or last > i or compound_head:
                text = sentence_text[tokens[first].start : tokens[last].end]
                if text.count(" ") == last - first and not founder:  # plain words: the label may be put in the nominative
                    text = _nominative_name(words[first : last + 1], i - first, head[1])
                found.append((first, last, text, Organisation(head[0], head[1], text, False)))
                i = last + 1
                continue
        i += 1
    return found


def _name_adjective(word: str) -> bool:
    """A capitalised adjective that may open an institution's name: "Deutsches", "Seouler", "Alzheimer"."""
    return (
        word[:1].isupper() and word.endswith(_ADJECTIVE_ENDINGS)
        and fold(word) not in function_words() and not role_of(word)
    )


def _initials_before(tokens: list[Token], bracket: int, abbreviation: str) -> bool:
    """Do the words before a bracket spell the abbreviation in it: "Gewerkschaft Erziehung und
    Wissenschaft (GEW)"? Its capitals are the initials of capitalised words, in order."""
    capitals = [ch for ch in abbreviation if ch.isupper()]
    initials = [t.text[0] for t in tokens[max(0, bracket - 8) : bracket] if t.text[:1].isupper()]
    if len(capitals) < 2 or len(initials) < len(capitals):
        return False
    return initials[-len(capitals):] == capitals


@lru_cache(maxsize=65536)
def _organisation_head(word: str) -> Optional[tuple[str, str]]:
    """(type, gender) when ``word`` is a head word, also in the genitive ("Instituts", "Komitees")."""
    heads = organisation_heads()
    for form in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if form in heads:
            return heads[form]
    return None


def _nominative_name(words: list[str], head_index: int, gender: str) -> str:
    """"Deutschen Institut für …" -> "Deutsches Institut für …": the name as a teacher writes it."""
    if head_index == 0 or not words[0].endswith("en") or words[0].endswith("er"):
        return " ".join(words)  # no inflected adjective ("Seouler Institut", "Agentur Tass")
    ending = {"m": "er", "f": "e", "n": "es"}.get(gender, "en")
    return " ".join([words[0][:-2] + ending, *words[1:]])


# --------------------------------------------------------------------------
# Terms: concrete things ("beschenkten sich mit einem Säbel", "ein Teeglas-Set")
# --------------------------------------------------------------------------

NOMINATIVE_PRONOUNS = frozenset({"er", "sie", "es", "ich", "wir", "man"})
_INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
_ABSTRACT_ENDING = re.compile(r"(?:ung|heit|keit|schaft|tion|ismus|tät|ie|enz|anz|ik|ungen|ismen|arbeit)$")
_NOUN_FORM = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{3,}(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*")


def _find_terms(tokens: list[Token], taken: set[int]) -> list[tuple[int, str]]:
    """(token index, noun) of concrete nouns after an indefinite article and at most two adjectives."""
    found = []
    for i, token in enumerate(tokens):
        if token.text not in _INDEFINITE:
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 2 and tokens[j].text.islower() and tokens[j].text.endswith(_ADJECTIVE_ENDINGS):
            j += 1
        if j >= len(tokens) or j in taken:
            continue
        noun = tokens[j].text
        after = tokens[j + 1].text if j + 1 < len(tokens) else ""
        if not _NOUN_FORM.fullmatch(noun) or after == "-" or _ABSTRACT_ENDING.search(noun.lower()):
            continue
        if _is_generic(noun) or role_of(noun) or is_place_word(noun) or _organisation_head(noun) or noun in not_names():
            continue
        found.append((j, noun))
    return found


@lru_cache(maxsize=65536)
def _is_generic(noun: str) -> bool:
    """A listed generic noun, also in its case forms ("Gipfels", "Menschen") and as the end of
    a compound ("Gipfeltreffens", "Vermittlerrolle")."""
    folded = fold(noun).replace("-", "")
    generic = generic_nouns()
    for ending in ("", "s", "es", "n", "en", "e", "r"):
        if not folded.endswith(ending):
            continue
        stem = folded[: len(folded) - len(ending)]
        if stem in generic or any(stem.endswith(word) for word in generic if len(word) >= 5):
            return True
    return False


# --------------------------------------------------------------------------
# Quotations
# --------------------------------------------------------------------------


def _find_quotes(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, content, characterisation?) of quotations; end excludes the closing mark.

    A characterisation is a quotation after "als": "bezeichnete die Gespräche als „sehr substanziell“".
    """
    quotes = []
    for match in _QUOTE.finditer(text):
        group = next(g for g in range(1, 6) if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        content = text[start:end].rstrip(" .,;:!?")
        end = start + len(content)
        words = content.split()
        after = text[match.end() : match.end() + 1]
        if not (MIN_QUOTE_WORDS <= len(words) <= MAX_QUOTE_WORDS) or after == "-":
            continue  # single words and "Juche"-Doktrin are names, not quotations
        preceding = text[: match.start()].split()[-1:]
        if (preceding and preceding[0] in quote_title_words()) or all(w[:1].isupper() for w in words):
            continue  # a title or name in quotation marks: Zeitung „Wedomosti“, "Neue Seidenstraße"
        before = text[: match.start()].rstrip()
        characterisation = before.endswith(" als") or bool(_NAMING_VERB.search(before))
        quotes.append((start, end, content, characterisation))
    return quotes


def _speaker(tokens: list[Token], speakers: list[Fact], quote_start: int, quote_end: int) -> Optional[Fact]:
    """Who said the quotation: "…“, sagte Putin", "Putin sagte: „…“", "Kim bezeichnete … als „…“",
    "…“, teilte der Kreml mit". Not Kim in "Kim lobte er als „…“": there "er" speaks."""
    verbs = speech_verbs()
    for speaker in speakers:
        if quote_start < speaker.end and speaker.start < quote_end:
            continue  # a name inside the quotation
        before = [t.text for t in tokens if t.end <= speaker.extra.get("phrase_start", speaker.start)][-2:]
        after = [t.text for t in tokens if t.start >= speaker.end][:2]
        if any(word in verbs for word in before):
            return speaker
        # Institutions speak only after the verb ("…, teilte der Kreml mit"):
        # "wie die Agentur KCNA berichtete" names the reporter, not the speaker.
        if speaker.kind == "person" and after[:1] and after[0] in verbs and not set(after[1:]) & NOMINATIVE_PRONOUNS:
            return speaker
    return None


# --------------------------------------------------------------------------
# Quantities
# --------------------------------------------------------------------------


def _quantity_facts(sentence: Sentence, quantities: list[numbers.Quantity]) -> list[Fact]:
    facts = []
    for quantity in quantities:
        if quantity.kind not in QUANTITY_KINDS:
            continue
        if _year_read_as_count(sentence.text, quantity):
            quantity = replace(quantity, kind="year", noun=None, iso=quantity.text)
        extra = {key: value for key, value in (("noun", quantity.noun), ("iso", quantity.iso)) if value}
        if quantity.kind == "duration" and (
            _AGE_AFTER.match(sentence.text, quantity.end) or _AGE_NOUN.fullmatch(quantity.text)
        ):
            extra["age"] = True  # "eine 71 Jahre alte Rentnerin", "der 39-Jährige": asked and confused as an age
        facts.append(
            Fact(
                kind=quantity.kind,
                text=quantity.text,
                sentence_index=sentence.index,
                start=quantity.start,
                end=quantity.end,
                value=quantity.value,
                unit=quantity.unit,
                qualifier=quantity.qualifier,
                label=numbers.format_quantity(quantity),
                extra=extra,
            )
        )
    return facts


def _year_read_as_count(text: str, quantity: numbers.Quantity) -> bool:
    """"den 1953 geschlossenen Waffenstillstand": a bare year with a participle between it and the noun;
    "bis 2030 Projekte": a bare year after a word of time."""
    if quantity.kind != "count" or not _YEAR_DIGITS.fullmatch(quantity.text) or not quantity.noun:
        return False
    before = text[: quantity.start].split()[-1:]
    if before and fold(before[0]) in year_prepositions() and quantity.value >= 1900:
        return True
    between = text[quantity.end : text.find(quantity.noun, quantity.end)]
    return bool(between.strip())


@lru_cache(maxsize=None)
def year_prepositions() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon_lines("year_prepositions.txt"))


# --------------------------------------------------------------------------
# The article
# --------------------------------------------------------------------------


def extract_facts(article: Article, sentences: list[Sentence]) -> list[Fact]:
    """Every fact of every sentence, in sentence order, then by position in the sentence."""
    registry = PersonRegistry()
    facts: list[Fact] = []
    for sentence in sentences:
        facts.extend(sentence_facts(sentence, registry))
    # A person first named by surname alone ("Präsident Putin") may get a full name
    # later ("Wladimir Putin"): every mention carries the longest form and known role.
    for fact in facts:
        if fact.kind == "person":
            _complete_person(fact, registry)
    return facts


def sentence_facts(sentence: Sentence, registry: PersonRegistry) -> list[Fact]:
    """The facts of one sentence; persons are registered for the sentences after it."""
    text = sentence.text
    tokens = tokenize(text)
    orgs = _find_organisations(tokens, text)
    org_spans = [(first, last, name) for first, last, name, _ in orgs]
    mentions = _find_mentions(tokens, org_spans, registry)
    person_tokens = {i for m in mentions for i in range(m.first, m.last + 1)}
    org_tokens = {i for first, last, _, _ in orgs for i in range(first, last + 1)}
    quantities = numbers.find_quantities(text)
    facts = _quantity_facts(sentence, quantities)
    persons = [_person_fact(sentence, tokens, mention, registry) for mention in mentions]
    facts.extend(persons)
    org_ends = {last for _, last, _, _ in orgs}
    for first, last, name, organisation in orgs:
        if _in_a_web_address(text, tokens[first].start, tokens[last].end):
            continue  # "science.ORF.at" names a website, not the ORF
        if not person_tokens.intersection(range(first, last + 1)):
            extra = {"type": organisation.type, "gender": organisation.gender, "canonical": organisation.canonical}
            if first >= 2 and tokens[first - 1].text == "(" and (
                first - 2 in org_ends or _initials_before(tokens, first - 1, name)
            ):
                extra["spelt_out_before"] = True  # "der Bundesgerichtshof (BGH)", "Erziehung und Wissenschaft (GEW)"
            facts.append(Fact("organisation", text[tokens[first].start : tokens[last].end], sentence.index,
                              tokens[first].start, tokens[last].end, label=name, extra=extra))
    for first, last, place, genitive in _find_places(tokens, person_tokens | org_tokens):
        if _in_a_web_address(text, tokens[first].start, tokens[last].end):
            continue
        extra = {"type": place.type, "region": place.region}
        if place.article:
            extra["article"] = place.article
        if first > 0 and tokens[first - 1].text in _PLACE_PREPOSITIONS:
            extra["preposition"] = tokens[first - 1].text
        if genitive:
            extra["genitive"] = True
            if last + 1 in person_tokens:
                extra["before_name"] = True  # "Bayerns Harry Kane", "Russlands Putin": the person's team or country
        if not place.region:
            extra["head"] = place.name.split()[0]  # "Insel Russki": found by its head word
        facts.append(
            Fact("place", text[tokens[first].start : tokens[last].end], sentence.index,
                 tokens[first].start, tokens[last].end, label=place.alias_of or place.name, extra=extra)
        )
    spans = [(f.start, f.end) for f in facts] + [(q.start, q.end) for q in quantities]
    taken = person_tokens | org_tokens | {i for i, t in enumerate(tokens) for start, end in spans if start <= t.start < end}
    for i, noun in _find_terms(tokens, taken):
        facts.append(Fact("term", noun, sentence.index, tokens[i].start, tokens[i].end, label=noun,
                          extra={"article": tokens[i - 1].text if tokens[i - 1].text in _INDEFINITE else None}))
    speakers = persons + [f for f in facts if f.kind == "organisation"]
    for start, end, content, characterisation in _find_quotes(text):
        speaker = _speaker(tokens, speakers, start, end)
        extra: dict = {"characterisation": True} if characterisation else {}
        if speaker:
            extra["speaker"] = speaker.answer
        facts.append(Fact("quote", content, sentence.index, start, end, label=content, extra=extra))
    return sorted(_without_overlaps(facts), key=lambda f: (f.start, f.end))


def _in_a_web_address(text: str, start: int, end: int) -> bool:
    """Is the span a part of a dotted name ("science.ORF.at", "orf.at")?"""
    before = start >= 2 and text[start - 1] == "." and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] == "." and text[end + 1].isalnum()
    return before or after


def _person_fact(sentence: Sentence, tokens: list[Token], mention: _Mention, registry: PersonRegistry) -> Fact:
    name = " ".join(t.text for t in tokens[mention.first : mention.last + 1])
    role = None
    extra: dict = {}
    if mention.role is not None:
        role_word = next(i for i in range(mention.role_first, mention.first) if role_of(tokens[i].text))
        _, lemma = role_of(tokens[role_word].text)
        label = _role_label(tokens, mention.role_first, mention.role_last, mention.role, role_word, lemma)
        role = (label, mention.role.stem)
        extra["phrase_start"] = tokens[mention.role_first].start
    registry.add(name, sentence.index, role, mention.role.group if mention.role else None, mention.affiliation)
    if mention.affiliation:
        extra["affiliation"] = mention.affiliation
    return Fact("person", sentence.text[tokens[mention.first].start : tokens[mention.last].end], sentence.index,
                tokens[mention.first].start, tokens[mention.last].end, label=name,
                role=role[0] if role else None, extra=extra)


def _complete_person(fact: Fact, registry: PersonRegistry) -> None:
    """Full name, role, role group and institution from every mention of the same person."""
    full = registry.full_name(fact.label)
    fact.extra["full_name"] = full
    role = registry.roles.get(fact.label) or registry.roles.get(full)
    fact.role = fact.role or (role[0] if role else None)
    group = registry.groups.get(fact.label) or registry.groups.get(full)
    if group:
        fact.extra["group"] = group
    affiliation = registry.affiliations.get(full) or registry.affiliations.get(fact.label)
    if affiliation:
        fact.extra.setdefault("affiliation", affiliation)
    gender = person_gender(full, role[1] if role else None)
    if gender:
        fact.extra["gender"] = gender  # options for "sagte Vorstandschefin _____" are women


def _without_overlaps(facts: Iterable[Fact]) -> list[Fact]:
    """Where spans overlap, the longer fact wins (a quotation containing a name keeps both)."""
    kept: list[Fact] = []
    for fact in sorted(facts, key=lambda f: (-(f.end - f.start), f.start)):
        if fact.kind == "quote" or not any(
            k.kind != "quote" and fact.start < k.end and k.start < fact.end for k in kept
        ):
            kept.append(fact)
    return kept
