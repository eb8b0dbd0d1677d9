"""Reading one article file: decoding, HTML, boilerplate, metadata (quizbot.ingest)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from quizbot.ingest import IngestError, clean_text, decode, find_date, parse_article
from quizbot.resources import seeds_dir

FIXTURES = Path(__file__).parent / "fixtures"

UMLAUT_TEXT = "Präsident Müller eröffnete die Straße für 3,5 Mio. € – „größer“ als geplant.\n"


def read(path: Path):
    raw = path.read_bytes()
    return parse_article(raw, path, file_hash=hashlib.sha256(raw).hexdigest())


def seed(prefix: str):
    (path,) = seeds_dir().glob(f"{prefix}_*.txt")
    return read(path)


# --------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252"])
def test_decoding_keeps_umlauts(encoding):
    raw = UMLAUT_TEXT.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw  # with its byte order mark
    assert decode(raw) == UMLAUT_TEXT


def test_latin1_and_utf16_without_bom():
    text = "Die Gemeinde Übersee zählt 5.000 Einwohner.\n"
    assert decode(text.encode("latin-1")) == text
    assert decode(text.encode("utf-16-le")) == text


def test_text_that_was_utf8_read_as_cp1252_is_repaired():
    garbled = UMLAUT_TEXT.encode("utf-8").decode("cp1252").encode("utf-8")
    assert decode(garbled) == UMLAUT_TEXT


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (bytes(range(256)) * 4, "Binärdatei"),
    ],
)
def test_binary_files_are_refused_with_a_reason(raw, reason):
    with pytest.raises(IngestError, match=reason):
        decode(raw)


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "leere Datei"),
        (b"   \n\t\n", "enthält nur Leerzeichen"),
        ("\u00a0\n\u2003\u200b".encode("utf-8"), "enthält nur Leerzeichen"),
        ("\ufeff \n".encode("utf-16"), "enthält nur Leerzeichen"),
    ],
)
def test_empty_and_whitespace_only_files_are_refused(raw, reason, tmp_path):
    with pytest.raises(IngestError, match=f"^{reason}$"):
        parse_article(raw, tmp_path / "leer.txt", file_hash="x")


def test_boilerplate_only_is_no_article(tmp_path):
    raw = "Foto: dpa\nAnzeige\nNewsletter abonnieren: Jetzt kostenlos anmelden!\n".encode()
    with pytest.raises(IngestError, match="kein Artikeltext"):
        parse_article(raw, tmp_path / "boilerplate.txt", file_hash="x")


# --------------------------------------------------------------------------
# The five samples
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, title, date, time, author, source",
    [
        ("000", "Treffen in Wladiwostok: Was Kim bei Putin erreichen will", None, None, None, None),
        ("001", "Reine Symbolpolitik beim Gipfel von Putin und Kim", None, None, "Fabian Kretschmer", "taz"),
        ("002", "Putin und Kim haben den Tag gemütlich ausklingen lassen", "2019-04-25", None, "André Ballin",
         "DER STANDARD"),
        ("003", "Es wird ein Treffen geben", "2023-09-11", "22:38", None, "Vorarlberger Nachrichten"),
        ("004", "Betont gute Stimmung in Wladiwostok", None, None, None, "ORF"),
    ],
)
def test_sample_metadata(prefix, title, date, time, author, source):
    article = seed(prefix)
    assert (article.title, article.date, article.time, article.author, article.source) == (
        title, date, time, author, source,
    )


@pytest.mark.parametrize(
    "mark",
    [
        "Foto:", "APA/", "Reuters/", "Bild nicht mehr verfügbar", "Fotostrecke", "Videoquelle",
        "taz lesen", "Genossenschaft", "unterstützen", "KCNA\n", "Politik / 11.09.2023", "25.4.2019",
        "Fabian Kretschmer", "die nachricht", "\u00a0", "\u00ad",
    ],
)
def test_samples_lose_their_boilerplate(mark):
    for prefix in ("000", "001", "002", "003", "004"):
        assert mark not in seed(prefix).text + "\n", prefix


def test_captions_that_state_facts_stay_but_gallery_labels_go():
    orf = seed("004")
    assert "Rund neun Stunden dauert die Fahrt aus Nordkorea nach Wladiwostok" in orf.text
    assert "Besuch von Kim Jong Un in Wladiwostok" not in orf.text
    assert "Besuch von Kim Jong Un in Wladiwostok" in orf.removed
    standard = seed("002")
    assert "2002 traf Putin – ebenfalls in Wladiwostok – den Vater des aktuellen Machthabers, Kim Jong-il." in standard.text
    assert "\n\nORF\n\n" not in standard.text and "ORF" in standard.removed


def test_duplicated_lines_are_kept_once():
    article = seed("003")
    caption = "Anlässlich der Militärparade zum 70. Jahrestag des Waffenstillstands in Nordkorea besuchte Sergei Schoigu (l.) Kim Jong-un."
    assert article.text.count(caption) == 1
    assert article.text.count("Bereits ab heute nimmt Putin am Wirtschaftsforum in Wladiwostok teil.") == 1


def test_dateline_places_are_cut_from_the_first_sentence():
    article = seed("003")
    assert "\n\nNach tagelangen Spekulationen haben Moskau und Pjöngjang" in article.text


def test_body_text_first_line_is_kept_and_the_title_is_not_repeated():
    standard = seed("002")
    assert standard.text.startswith("Putin und Kim haben den Tag gemütlich ausklingen lassen: Bei russischem Sekt")
    taz = seed("001")
    assert not taz.text.startswith("die nachricht") and "Reine Symbolpolitik" not in taz.text


def test_article_identity_and_paragraphs(tmp_path):
    article = seed("000")
    assert Path(article.path).is_absolute() and article.file.startswith("000_")
    assert article.hash == hashlib.sha256(Path(article.path).read_bytes()).hexdigest()
    assert "\n\n\n" not in article.text and article.text == article.text.strip()


# --------------------------------------------------------------------------
# Other outlets, other topics
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, title, date, author, source",
    [
        ("spiegel_inflation.html", "Inflation in Deutschland: Preise steigen im März langsamer", "2024-04-02",
         "Stefan Kaiser", "DER SPIEGEL"),
        ("zeit_bundesliga.html", "Bundesliga: Leverkusen gewinnt Spitzenspiel gegen Bayern mit 3:0", "2024-02-10",
         None, "DIE ZEIT"),
        ("tagesschau_unwetter.html", "Unwetter in Süddeutschland: Hunderte Einsätze nach Starkregen", "2024-06-02",
         None, "tagesschau"),
        ("sz_exoplanet.txt", "Astronomie: Forscher entdecken erdähnlichen Planeten in 40 Lichtjahren Entfernung",
         "2024-03-12", "Marlene Weiß", "Süddeutsche Zeitung"),
        ("dpa_landtagswahl.txt", "Landtagswahl in Sachsen: CDU knapp vor AfD", "2024-09-01",  # dpa's stamp
         "Anna Lehmann und Jörg Schurig", "dpa"),
        ("standard_hitzesommer.txt",
         "Der Sommer 2024 war in Österreich der heißeste seit Beginn der Messgeschichte …", "2024-08-30",
         "Julia Schilly", "DER STANDARD"),
        ("orf_skiweltcup.txt", "Feller siegt beim Nachtslalom in Schladming", None, None, "ORF"),
        ("pressemitteilung_wrapped.txt", "Windkraft: Ausbau an Land erreicht Rekordwert", None, None, None),
    ],
)
def test_fixture_metadata(name, title, date, author, source):
    article = read(FIXTURES / name)
    assert (article.title, article.date, article.author, article.source) == (title, date, author, source)


@pytest.mark.parametrize(
    "name, gone, kept",
    [
        ("spiegel_inflation.html",
         ["Cookies", "Startseite", "Mehr zum Thema", "Zinswende", "Anzeige", "Newsletter", "Lesen Sie auch",
          "Alle Rechte"],
         ["Die Teuerung in Deutschland hat sich weiter abgeschwächt.",  # the teaser from the page's description
          "Die Inflationsrate in Deutschland ist im März auf 2,2 Prozent gesunken.",
          "Kerninflation bleibt hoch"]),
        ("zeit_bundesliga.html",
         ["Z+", "Anzeige", "Lesen Sie auch", "Harry Kane: Der Rekordjäger", "Kommentare", "© ZEIT",
          "Bundesliga Leverkusen gewinnt"],
         ["vor 30.210 Zuschauern mit 3:0 (1:0).", "Tuchel: „Wir waren nicht gut genug“"]),
        ("tagesschau_unwetter.html",
         ["Cookies", "Mehr zum Thema", "Hochwasser: So schützen", "Über dieses Thema berichtete", "Schlagworte"],
         ["Innerhalb von 24 Stunden fielen vielerorts mehr als 80 Liter Regen pro Quadratmeter",
          "Bahnverkehr eingeschränkt"]),
        ("sz_exoplanet.txt",
         ["Cookies", "SZ Plus", "Von Marlene Weiß", "17:12", "Foto: ESO", "Lesen Sie mehr", "Weltraumteleskop James Webb:",
          "Gibt es Leben da draußen?", "Anzeige", "Newsletter", "WhatsApp", "© SZ"],
         ["Künstlerische Darstellung des Planeten: Er umkreist seinen Stern in nur 12,4 Tagen.",
          "Rote Zwerge sind die häufigsten Sterne in der Milchstraße, z. B. auch Proxima Centauri"]),
        ("dpa_landtagswahl.txt",
         ["Dresden (dpa)", "Von Anna", "Lesen Sie auch", "Thüringen-Wahl", "(dpa/AFP)", "dpa-infocom"],
         ["Bei der Landtagswahl in Sachsen hat die CDU", "Die CDU stellt 41 Abgeordnete, die AfD 40."]),
        ("standard_hitzesommer.txt",
         ["Bild nicht mehr verfügbar", "FOHRINGER", "\nORF\n", "Julia Schilly", "30.8.2024"],
         ["Am Neusiedler See sank der Wasserstand im August auf den tiefsten Wert seit 2022.",
          "sagte Klimaforscher Klaus Haslinger."]),
        ("orf_skiweltcup.txt",
         ["Slalom in Schladming", "APA/EXPA", "GEPA/", "Reuters/", "Fotostrecke", "Videoquelle"],
         ["Die Planai war mit 40.000 Fans ausverkauft", "sagte Feller im ORF-Interview."]),
        ("pressemitteilung_wrapped.txt",
         ["Windenergie-\n", "An-\nlagen"],
         ["250 neue Windenergieanlagen an Land mit einer Leistung von zusammen 1,3 Gigawatt in Betrieb gegangen.",
          "Im Vorjahreszeitraum waren es 331 Anlagen mit 1,6 Gigawatt gewesen."]),
    ],
)
def test_fixture_boilerplate_goes_and_content_stays(name, gone, kept):
    article = read(FIXTURES / name)
    for mark in gone:
        assert mark not in article.text, mark
    for passage in kept:
        assert passage in article.text, passage


def test_html_is_recognised_by_content_whatever_the_suffix(tmp_path):
    page = tmp_path / "gespeichert.txt"
    page.write_bytes((FIXTURES / "spiegel_inflation.html").read_bytes())
    article = read(page)
    assert article.source == "DER SPIEGEL" and "<p>" not in article.text


def test_cp1252_html_page_keeps_umlauts(tmp_path):
    html = (FIXTURES / "tagesschau_unwetter.html").read_text(encoding="utf-8").replace("UTF-8", "windows-1252")
    page = tmp_path / "alt.htm"
    page.write_bytes(html.encode("cp1252"))
    article = read(page)
    assert "Günzburg" in article.text and article.title.startswith("Unwetter in Süddeutschland")


def test_related_headline_lines_after_a_read_more_line_go(tmp_path):
    text = (
        "Wetter: Sturm über der Nordsee\n"
        "Das Sturmtief erreichte am Montag Windstärke 11. Auf Sylt fielen Bäume um.\n"
        "Mehr zum Thema\n"
        "Klimawandel: Werden Stürme stärker?\n"
        "Bahn stellt Verkehr im Norden ein\n"
        "Der Deutsche Wetterdienst erwartet erst am Mittwoch eine Beruhigung.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.paragraphs == [
        "Das Sturmtief erreichte am Montag Windstärke 11. Auf Sylt fielen Bäume um.",
        "Der Deutsche Wetterdienst erwartet erst am Mittwoch eine Beruhigung.",
    ]
    assert cleaned.title == "Wetter: Sturm über der Nordsee"


@pytest.mark.parametrize(
    "first_line, title",
    [
        ("Kommentar: Die Zinswende kommt zu spät", "Die Zinswende kommt zu spät"),
        ("die these: Fußball braucht keine Superliga", "Fußball braucht keine Superliga"),
        ("Nahost-Konflikt Was wir über die Waffenruhe wissen", "Nahost-Konflikt: Was wir über die Waffenruhe wissen"),
    ],
)
def test_title_rubrics_and_toplines(first_line, title):
    cleaned = clean_text(f"{first_line}\nDie Bundesbank hat am Montag neue Zahlen vorgelegt.\n")
    assert cleaned.title == title


@pytest.mark.parametrize(
    "line, agency",
    [
        ("BERLIN. Die Bundesregierung hat den Haushalt für 2025 beschlossen.", None),
        ("BERLIN taz | Die Bundesregierung hat den Haushalt für 2025 beschlossen.", None),
        ("Washington (AFP/dpa) - Die Bundesregierung hat den Haushalt für 2025 beschlossen.", "AFP"),
        ("Selb – Die Bundesregierung hat den Haushalt für 2025 beschlossen.", None),
    ],
)
def test_datelines_leave_the_sentence(line, agency):
    cleaned = clean_text(f"Haushalt beschlossen\n{line}\nDer Bundestag stimmt im Dezember ab.\n")
    assert cleaned.paragraphs[0] == "Die Bundesregierung hat den Haushalt für 2025 beschlossen."
    assert cleaned.source == agency


@pytest.mark.parametrize(
    "text, iso",
    [
        ("(Ballin aus Moskau, 25.4.2019)", "2019-04-25"),
        ("Politik / 11.09.2023 • 22:38 Uhr", "2023-09-11"),
        ("12. März 2024, 17:12 Uhr", "2024-03-12"),
        ("3. Jänner 2022", "2022-01-03"),
        ("Stand: 02.06.24", "2024-06-02"),
        ("2019-04-25T10:00", "2019-04-25"),
        ("am 32.13.2020", None),
        ("© dpa-infocom, dpa:250408-930-427611/3", "2025-04-08"),  # dpa's story stamp, YYMMDD
        ("Bestellnummer 250408-930", None),
    ],
)
def test_dates(text, iso):
    assert find_date(text) == iso


def test_a_date_at_the_top_wins_over_the_footer_stamp():
    cleaned = clean_text("Titel\n\n12.03.2024\n\nBerlin (dpa) - Ein Satz.\n\ndpa-infocom, dpa:250408-930-427611/3")
    assert cleaned.date == "2024-03-12"
    assert not any("infocom" in paragraph for paragraph in cleaned.paragraphs)


def test_one_sentence_a_line_is_not_mistaken_for_wrapped_text():
    lines = [
        "Bahn erhöht die Preise",
        "Die Deutsche Bahn erhöht zum Fahrplanwechsel ihre Preise im Fernverkehr.",
        "Der Flexpreis steigt im Durchschnitt um 4,9 Prozent, teilte das Unternehmen mit.",
        "Sparpreise und die Bahncard 100 bleiben nach Angaben der Bahn unverändert.",
        "Fahrgastverbände kritisierten die Erhöhung als falsches Signal für Pendler.",
        "Die neuen Preise gelten ab dem 15. Dezember für alle Verbindungen.",
        "Im vergangenen Jahr hatte die Bahn die Preise um 2,9 Prozent angehoben.",
    ]
    cleaned = clean_text("\n".join(lines))
    assert cleaned.title == lines[0] and cleaned.paragraphs == lines[1:]


def test_words_from_boilerplate_in_ordinary_sentences_stay():
    body = [
        "Die Bäckereikette verkaufte im vergangenen Jahr rund 12 Millionen Cookies, teilte das Unternehmen mit.",
        "Jetzt können Kunden die Kekse auch im Supermarkt kaufen, sagte Sprecherin Anna Berg.",
        "Der Newsletter des Branchenverbands meldete zuletzt einen Umsatzanstieg von 4 Prozent.",
        "Fotos der neuen Filiale am Marktplatz zeigte die Stadt am Montag.",
        "Quelle des Erfolgs sei vor allem das Weihnachtsgeschäft, erklärte der Verband.",
        "Mehr zum Thema Ernährung will die Kette im Herbst auf ihren Verpackungen drucken.",
    ]
    cleaned = clean_text("Bäckerei verkauft mehr Kekse\n" + "\n".join(body))
    assert cleaned.paragraphs == body
    assert cleaned.removed == ["Bäckerei verkauft mehr Kekse"]


# --------------------------------------------------------------------------
# Articles written after the engine (tests/articles_unseen): outlets' furniture
# --------------------------------------------------------------------------

UNSEEN = Path(__file__).parent / "articles_unseen"


@pytest.mark.parametrize(
    "name, date, author, source",
    [
        ("sz_bgh_eigenbedarf.txt", "2025-03-12", "Katharina Lenz", "Süddeutsche Zeitung"),
        ("orf_studie_hoergeraete.txt", "2025-05-07", None, "ORF"),  # not "JAMA Neurology" from the link list
        ("spiegel_quartalszahlen.html", "2024-10-24", "Jonas Brecht", "DER SPIEGEL"),
        ("taz_bvg_warnstreik.txt", None, "Lena Hoffmann", "taz"),
        ("bz_gemeinderat_freibad.txt", "2025-01-15", "Jana Brugger", "Badische Zeitung"),
        ("mdr_lehrermangel.txt", "2025-08-04", "Tobias Krause", "MDR"),  # "von Tobias Krause, MDR SACHSEN"
    ],
)
def test_unseen_article_metadata(name, date, author, source):
    article = read(UNSEEN / name)
    assert (article.date, article.author, article.source) == (date, author, source)


@pytest.mark.parametrize(
    "name, gone, kept",
    [
        ("sz_bgh_eigenbedarf.txt",
         ["Lesen Sie mehr", "Mieten in München: Wo", "Wohnungsnot: Was", "Bestens informiert", "SZ Plus",
          "Newsletter", "© SZ", "Foto: Uli Deck"],
         ["urteilte der für Mietrecht zuständige VIII. Zivilsenat.", "Mieterbund begrüßt die Entscheidung"]),
        ("orf_studie_hoergeraete.txt",
         ["science.ORF.at/Agenturen", "Links:", "JAMA Neurology\n", "Mehr zum Thema", "Warum Einsamkeit",
          "APA/Helmut Fohringer"],
         ["Erste Ergebnisse werden 2029 erwartet.", "im Fachjournal „JAMA Neurology“ erschienen"]),
        ("spiegel_quartalszahlen.html",
         ["Zustimmung", "Akzeptieren", "Schlagzeilen", "Lesen Sie auch", "Krise der Autoindustrie",
          "Die Lage am Morgen", "jbr/dpa", "Diskutieren", "Impressum", "Foto: Marijan Murat"],
         ["Der operative Gewinn (Ebit) sank von Juli bis September auf 212 Millionen Euro"]),
        ("taz_bvg_warnstreik.txt",
         ["BERLIN taz |", "Mehr zum Thema", "Kommentar zum BVG-Streik", "#BVG", "Genossenschaft",
          "fehlerhinweis", "Foto: Carsten Koall"],
         ["Berlinerinnen und Berliner müssen sich ab Donnerstag", "Leere Gleise: Schon beim ersten Warnstreik"]),
        ("bz_gemeinderat_freibad.txt",
         ["Artikel verschenken", "Artikel anhören", "Mehr zum Thema", "Hallenbad Emmendingen", "BZ-Newsletter",
          "BZ-Plus", "Foto: Jana Brugger"],
         ["Das Freibad in Waldkirch wurde 1962 eröffnet.", "Der Antrag fand keine Mehrheit."]),
        ("mdr_lehrermangel.txt",
         ["von Tobias Krause", "Stand:", "Mehr zum Thema", "Wie andere Bundesländer", "Dieses Thema im Programm"],
         ["Zum Start des neuen Schuljahres am Montag fehlen", "Gewerkschaft: Unterricht fällt weiter aus"]),
    ],
)
def test_unseen_article_boilerplate_goes_and_content_stays(name, gone, kept):
    article = read(UNSEEN / name)
    for mark in gone:
        assert mark not in article.text, mark
    for passage in kept:
        assert passage in article.text, passage


def test_a_read_more_box_after_a_blank_line_goes_but_a_later_subheading_stays():
    text = (
        "Sturm über der Nordsee\n"
        "Das Sturmtief erreichte am Montag Windstärke 11. Auf Sylt fielen Bäume um.\n\n"
        "Lesen Sie mehr zum Thema\n\n"
        "Klimawandel: Werden Stürme stärker?\n"
        "Bahn stellt Verkehr im Norden ein\n\n"
        "Fähren fahren wieder\n"
        "Der Deutsche Wetterdienst erwartet erst am Mittwoch eine Beruhigung.\n"
    )
    assert clean_text(text).paragraphs == [
        "Das Sturmtief erreichte am Montag Windstärke 11. Auf Sylt fielen Bäume um.",
        "Fähren fahren wieder",
        "Der Deutsche Wetterdienst erwartet erst am Mittwoch eine Beruhigung.",
    ]


def test_a_credit_after_a_captions_last_sentence_goes_and_the_caption_stays():
    cleaned = clean_text("Werk schließt\nDie Öfen sollen noch bis März laufen. Foto: Florian Miedl\n\n"
                         "Der Betrieb endet im Frühjahr. © Westend61/Getty Images\n")
    assert cleaned.paragraphs == ["Die Öfen sollen noch bis März laufen.", "Der Betrieb endet im Frühjahr."]


def test_a_broadcasts_programme_line_is_read_as_the_date():
    cleaned = clean_text("Museum eröffnet\nDer Neubau hat 214 Millionen Franken gekostet.\n\n"
                         "SRF 1, Regionaljournal Basel Baselland, 18.10.2025, 17:30 Uhr\n")
    assert cleaned.paragraphs == ["Der Neubau hat 214 Millionen Franken gekostet."]
    assert cleaned.date == "2025-10-18"


# --------------------------------------------------------------------------
# Articles written after the second review (tests/articles_fresh)
# --------------------------------------------------------------------------

FRESH = Path(__file__).parent / "articles_fresh"


@pytest.mark.parametrize(
    "name, gone, kept",
    [
        ("dpa_champions_league_kane.txt",
         ["Foto: Sven Hoppe", "Mehr zum Thema", "Liveticker", "dpa-infocom"],
         ["Der FC Bayern München hat sich", "Es war sein elftes Tor"]),
        ("spiegel_mittelmeergipfel.txt",
         ["Von Britta Sandberg", "19.42 Uhr", "Ludovic Marin", "Streit um Asylzentren", "Feedback", "© DER SPIEGEL"],
         ["Emmanuel Macron hatte sich viel vorgenommen.", "Gastgeber Macron mit dem türkischen Präsidenten"]),
        ("frankenpost_porzellanwerk_schliessung.txt",
         ["Selb –", "Foto: Florian Miedl", "Von Martina Hebel", "Lesen Sie auch", "Newsletter"],
         ["Es war eine kurze Betriebsversammlung", "sollen die Brennöfen noch bis März laufen."]),
        ("srf_museum_basel.txt",
         ["Autorin:", "Keystone/Georgios Kefalas", "SRF 1, Regionaljournal", "Mehr zum Thema", "Teilen"],
         ["Das neue Gebäude an der Entenweidstrasse", "in 17'500 Schubladen transportiert"]),
        ("zeit_schlafstudie_demenz.html",
         ["Cookies", "Zustimmen", "Mehr zum Thema", "Schlafstörungen: Was", "Anzeige", "Kommentare", "Impressum",
          "Artikel teilen", "Newsletter", "© ZEIT"],
         ["Sie werteten Daten von 12.417 Erwachsenen aus", "rund 440.000 Neuerkrankungen"]),
    ],
)
def test_fresh_article_boilerplate_goes_and_content_stays(name, gone, kept):
    article = read(FRESH / name)
    for mark in gone:
        assert mark not in article.text, mark
    for passage in kept:
        assert passage in article.text, passage


def test_an_html_page_without_a_date_gets_none_from_a_year_in_its_text():
    # htmldate's extensive search would read "bis 2026" as the page's date, 1 January 2026
    html = ("<html><head><title>Stadt baut neue Schulen</title></head><body><article>"
            "<h1>Stadt baut neue Schulen</h1><p>Die Stadt Ulm baut bis 2026 drei neue Schulen. Der Gemeinderat "
            "hat am Dienstag zugestimmt. Die Kosten liegen bei rund 90 Millionen Euro.</p><p>Die erste Schule soll "
            "im Westen der Stadt entstehen. Rund 600 Kinder sollen dort lernen.</p></article></body></html>")
    article = parse_article(html.encode(), Path("schule.html"), file_hash="h")
    assert article.title == "Stadt baut neue Schulen" and article.date is None
