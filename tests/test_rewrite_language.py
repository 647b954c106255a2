"""The words a rewrite writes come from a language's word set: a second language is data."""

from __future__ import annotations

from dataclasses import replace

import pytest

from discreet.language import RewriteWords, RewriteWriting
from discreet.languages.en import ENGLISH
from discreet.model import Action, Category, DocumentKind, Finding, Format, Severity
from discreet.parsers.text import document_from_text
from discreet.rewrite import advise, rewrite_sentence
from discreet.rewrite.boundaries import sentence_spans
from discreet.rewrite.figures import Figure, FigureKind
from discreet.rewrite.grammar import without_article
from discreet.rewrite.ladders import count_phrase, money_noun, plain_phrase
from discreet.rewrite.names import trade_of
from discreet.rewrite.spans import Span, Treatment

# The words a German rewrite writes around its ladders' phrases: templates, goals, possessives.
GERMAN_WRITING = RewriteWriting(
    figures="{} Stellen",
    amount_in="{} an ",
    sum="{} Summe",
    reached="auf {}",
    at_least_of="{} von {} oder mehr",
    sized="im Umfang von {}",
    of="{} {}",
    counts_of=frozenset({"Hunderte", "Dutzende"}),
    currencies={
        "dollar": ("Dollar", "Dollar"),
        "euro": ("Euro", "Euro"),
        "pound": ("Pfund", "Pfund"),
        "rupee": ("Rupien", "Rupien"),
        "yen": ("Yen", "Yen"),
    },
    without_currency={"multi-million-{}": "Millionen-"},
    by="um {}",
    level_over="über {} %",
    level_tenth="rund ein Zehntel",
    level_single_digit="ein einstelliger Anteil",
    exceeded=("übertraf", "übertreffend"),
    met=("erreichte", "erreichend"),
    the_goal="das {}",
    most_of="den Großteil {}",
    part_of="einen Teil {}",
    above="über {}",
    at="bei {}",
    below="unter {}",
    above_results="Ergebnisse über {}",
    on_results="Ergebnisse im {}",
    well="deutlich",
    slightly="knapp",
    percentage="{} Prozentsatz",
    perfect="vollständige",
    near_perfect="nahezu vollständige",
    tens_plus="über {} %",
    family="Familie",
    possessive="{}s",
    plural_possessive="{}",
    everywhere=dict.fromkeys(Action, "überall entfernen"),
)

# A tiny second word set: German ladder words, stand-ins and titles over the English set's grammar,
# and German words to read around what it rewrites: list joiners, approximations, secret markers.
GERMAN: RewriteWords = replace(
    ENGLISH.rewrite,
    money_nouns=((1e6, "Millionen"), (1e3, "Tausende"), (0, "eine kleine Summe")),
    counts=((100, "Hunderte"), (10, "Dutzende"), (0, "einige")),
    client="ein Großkunde",
    initiative="ein internes Projekt",
    titles=dict.fromkeys(Category, "Vertrauliches"),
    public_phrases=dict.fromkeys(Action, "öffentlich anpassen"),
    resume_phrases=dict.fromkeys(Action, "im Lebenslauf behalten"),
    reading=replace(
        ENGLISH.rewrite.reading,
        list_joiners=("und", "oder"),
        approximators=("etwa", "rund"),
        secret_markers=("vertraulich", "vertraulichen"),
        articles=("ein", "eine", "einen", "der", "die", "das"),
        determiners=("ein", "eine", "einen", "der", "die", "das", "unser", "unsere", "jede", "jeder"),
        function_words=("im", "in", "pro", "für", "mit", "und", "oder", "jährlich", "monatlich"),
        abbreviations=("Dr", "Nr", "bzw", "z.B", "u.a", "ca", "Jan", "Feb"),
        bodies=(("stadt", "öffentlicher"), ("universität", "Bildungs")),
        corporate_suffixes=("gmbh", "ag", "kg", "& co"),
        labels=("telefon", "handy", "geburtsdatum"),
        prepositions=("unter", "bei", "per"),
        kin_phrases=("vater von", "mutter von", "verheiratet mit"),
        possessives=("unser", "unsere", "ihr", "ihre", "sein", "seine"),
        owner_nouns=("firma",),
        compound_nouns=("konto", "team", "projekt"),
        secret_asides=("vertraulich", "intern"),
        deal_qualifiers=("geplante", "mögliche"),
        deal_joiners=("von", "mit"),
        several="mehrere",
        sound_articles=("ein", "ein"),
        nda_leads=("unter",),
        ndas=("NDA", "Geheimhaltungsvereinbarung"),
        copulas=("ist", "sind", "war", "waren"),
        secret_adjective="vertraulich",
        reorganizations=("Stellenabbau", "Umstrukturierung"),
        reorganization="Umbau",
        range_starts=("von",),
        range_ends=("auf", "bis"),
        zero_words=("null",),
        spread_verbs=("reichte", "reichten"),
        at_least_words=("über", "mehr als"),
        amount_leads=("auf", "über"),
        amount_joiners=("an",),
        part_of=("an",),
        scale_counts=("Millionen", "Tausende"),
        demonstratives=("dieser", "diese", "dieses"),
        period_adjectives=("monatliche", "jährliche"),
        verb_endings=("te", "ten"),
        article_slot_words=("in", "für", "mit"),
        sized_things=("Aufträge", "Projekte"),
        size_joiners=("über", "im Wert von"),
        by_words=("um",),
        change_adverbs=("plus", "minus"),
        against_words=("unter", "über"),
        plans=("Budget", "Plan", "Ziel"),
        all_words=("alle", "aller"),
        level_leads=("von", "auf", "bei"),
        at_words=("bei",),
        attainment_goals=("Quote", "Ziel"),
        attainment_words=("Erreichung",),
        attainment_joiners=("von",),
        goal_leads=("von", "gegen"),
        goal_modifiers=("der", "die", "jährliche", "Vertriebs"),
        not_goals_before=("Markt",),
        quantifiers=("alle", "jede", "jeder"),
        place_leads=("in",),
        street_words=("straße", "str", "weg", "platz"),
        rate_units=("stunde", "std", "tag"),
        rate_words=("stündlich",),
        age_words=("jahre", "jahre alt"),
        floor_tails=("oder mehr", "und mehr"),
        value_leads=("geboren in", "ich bin", "suche", "erwarte"),
        progressive_endings=("end",),
        naming_words=("namens", "genannt"),
        kin_nouns=("Söhne", "Kinder", "Frau", "Mann"),
        possessive_endings=(),
    ),
    writing=GERMAN_WRITING,
)


def test_the_ladders_read_the_second_word_set() -> None:
    assert money_noun(Figure(FigureKind.MONEY, 4.2e6, "euro"), GERMAN) == "Millionen"
    assert money_noun(Figure(FigureKind.MONEY, 4.2e3, "euro"), GERMAN) == "Tausende"
    assert count_phrase(40, GERMAN) == "Dutzende"
    assert plain_phrase(Figure(FigureKind.MONEY, 4.2e6, "euro"), ENGLISH.rewrite) == "millions"


def findings(sentence: str) -> list[Finding]:
    """A money amount and a client's name in the sentence, each found by its text."""
    money, name = "€4.2M", "Contoso Logistics"
    start, named = sentence.index(money), sentence.index(name)
    return [
        Finding(
            "financial.money-amount", Category.FINANCIAL, Severity.HIGH, start, start + len(money), money
        ),
        Finding(
            "confidential.client-name", Category.CONFIDENTIAL, Severity.HIGH, named, named + len(name), name
        ),
    ]


def test_a_sentence_is_rewritten_and_advised_in_the_second_word_set() -> None:
    german = "Erzielte €4.2M mit Contoso Logistics."
    advice = advise(german, findings(german), {}, words=GERMAN)
    assert {one.rewrite for one in advice} == {"Erzielte Millionen mit ein Großkunde."}
    assert advice[0].reason == "Vertrauliches: öffentlich anpassen, im Lebenslauf behalten"
    english = "Generated €4.2M with Contoso Logistics."
    assert advise(english, findings(english), {})[0].rewrite == "Generated millions with a key client."


def figures(sentence: str, *texts: str) -> list[Span]:
    """Spans of money figures in the sentence, each found by its text."""
    return [
        Span(sentence.index(t), sentence.index(t) + len(t), Treatment.FIGURE, Category.FINANCIAL)
        for t in texts
    ]


def test_a_list_is_read_by_the_language_s_own_joiners() -> None:
    sentence = "Erzielte $2M und $5M."
    spans = figures(sentence, "$2M", "$5M")
    assert rewrite_sentence(sentence, spans, GERMAN) == "Erzielte Millionen."
    # English does not read "und" as a list: each figure is rewritten on its own, "und" taken for a noun.
    assert rewrite_sentence(sentence, spans, ENGLISH.rewrite) == "Erzielte multi-million-dollar und millions."


def test_an_approximation_is_read_by_the_language_s_own_words() -> None:
    sentence = "Erzielte etwa $4M."
    spans = figures(sentence, "$4M")
    assert rewrite_sentence(sentence, spans, GERMAN) == "Erzielte Millionen."
    assert rewrite_sentence(sentence, spans, ENGLISH.rewrite) == "Erzielte etwa millions."


def test_a_secret_marker_is_read_by_the_language_s_own_words() -> None:
    sentence = "Betreute einen vertraulichen Kunden."
    start = sentence.index("vertraulichen")
    span = Span(start, start + len("vertraulichen Kunden"), Treatment.MARKER, Category.CONFIDENTIAL)
    assert rewrite_sentence(sentence, [span], GERMAN) == "Betreute einen Kunden."
    # English reads no marker there, so nothing it marked can be kept.
    assert rewrite_sentence(sentence, [span], ENGLISH.rewrite) == "Betreute einen."


def sentences(text: str, words: RewriteWords) -> list[str]:
    """The sentences of a text, as a language's abbreviations split them."""
    document = document_from_text(text, "<test>", Format.TEXT, DocumentKind.RESUME)
    return [text[start:end] for start, end in sentence_spans(document, words)]


def test_a_sentence_ends_by_the_language_s_own_abbreviations() -> None:
    text = "Leitete Teams bzw. Projekte. Mit Dr. Roe."
    assert sentences(text, GERMAN) == ["Leitete Teams bzw. Projekte.", "Mit Dr. Roe."]
    # English knows "Dr." but not "bzw.": its stop ends a sentence there.
    assert sentences(text, ENGLISH.rewrite) == ["Leitete Teams bzw.", "Projekte.", "Mit Dr. Roe."]


def test_what_a_name_says_it_is_is_read_by_the_language_s_own_words() -> None:
    assert trade_of("Universität Wien", GERMAN) == "Bildungs"
    assert trade_of("University of Kentucky", GERMAN) == ""
    assert trade_of("University of Kentucky", ENGLISH.rewrite) == "education"
    assert trade_of("Universität Wien", ENGLISH.rewrite) == ""
    # A legal suffix the language knows comes off before the trade is read; English ends the name on "KG".
    assert trade_of("Müller Logistics KG", GERMAN) == "logistics"
    assert trade_of("Müller Logistics KG", ENGLISH.rewrite) == ""


def dropped(sentence: str, value: str, words: RewriteWords) -> str:
    """The sentence rewritten without a personal value, found by its text."""
    start = sentence.index(value)
    span = Span(start, start + len(value), Treatment.DROP, Category.PERSONAL)
    return rewrite_sentence(sentence, [span], words)


def test_what_only_led_to_a_value_is_read_by_the_language_s_own_words() -> None:
    number = "0170 1234567"
    assert dropped("Berlin | Telefon 0170 1234567 | Deutsch", number, GERMAN) == "Berlin | Deutsch"
    assert dropped("Erreichbar unter 0170 1234567.", number, GERMAN) == "Erreichbar."
    assert dropped("Sportlich, Vater von zwei Kindern.", "zwei Kindern", GERMAN) == "Sportlich."
    # English reads neither the label, the preposition nor the kinship: each stays behind.
    assert (
        dropped("Berlin | Telefon 0170 1234567 | Deutsch", number, ENGLISH.rewrite)
        == "Berlin | Telefon | Deutsch"
    )
    assert dropped("Erreichbar unter 0170 1234567.", number, ENGLISH.rewrite) == "Erreichbar unter."
    assert (
        dropped("Sportlich, Vater von zwei Kindern.", "zwei Kindern", ENGLISH.rewrite)
        == "Sportlich, Vater von."
    )


def test_a_figure_s_noun_and_an_article_are_read_by_the_language_s_own_words() -> None:
    sentence = "Erzielte $4M jährlich."
    spans = figures(sentence, "$4M")
    # "jährlich" is no noun to German: the figure stands alone, as a noun phrase.
    assert rewrite_sentence(sentence, spans, GERMAN) == "Erzielte Millionen jährlich."
    assert rewrite_sentence(sentence, spans, ENGLISH.rewrite) == "Erzielte multi-million-dollar jährlich."
    assert without_article("das Projekt", GERMAN.reading) == "Projekt"
    assert without_article("das Projekt", ENGLISH.rewrite.reading) == "das Projekt"


def named(sentence: str, name: str, words: RewriteWords) -> str:
    """The sentence rewritten without a client's name, found by its text."""
    start = sentence.index(name)
    span = Span(start, start + len(name), Treatment.NAME, Category.CONFIDENTIAL)
    return rewrite_sentence(sentence, [span], words)


def test_a_name_s_secret_aside_is_read_by_the_language_s_own_words() -> None:
    sentence = "Betreute Contoso (vertraulich) weltweit."
    assert named(sentence, "Contoso", GERMAN) == "Betreute ein internes Projekts weltweit."
    # English reads no secret in "(vertraulich)": the aside stays behind.
    assert (
        named(sentence, "Contoso", ENGLISH.rewrite)
        == "Betreute an internal initiative (vertraulich) weltweit."
    )


def test_what_only_leads_or_qualifies_a_value_is_read_by_the_language_s_own_words() -> None:
    assert dropped("Teamfähig. Ich bin 34 Jahre alt.", "34", GERMAN) == "Teamfähig."
    assert dropped("Erwarte 90000 EUR oder mehr.", "90000 EUR", GERMAN) == ""
    # English reads neither the lead nor the years nor the floor: they stay behind.
    assert (
        dropped("Teamfähig. Ich bin 34 Jahre alt.", "34", ENGLISH.rewrite) == "Teamfähig. Ich bin Jahre alt."
    )
    assert dropped("Erwarte 90000 EUR oder mehr.", "90000 EUR", ENGLISH.rewrite) == "Erwarte oder mehr."


def test_the_article_a_seam_agrees_with_is_read_by_the_language_s_own_words() -> None:
    sentence = "Leitete a Contoso Rollout."
    # English makes its "a" agree with the stand-in's vowel; German reads no article in "a" and leaves it.
    assert named(sentence, "Contoso", ENGLISH.rewrite) == "Leitete an internal Rollout."
    assert named(sentence, "Contoso", GERMAN) == "Leitete a ein internes Projekts Rollout."


def unmarked_sentence(sentence: str, marked: str, words: RewriteWords) -> str:
    """The sentence rewritten without a secret marker, found by its text."""
    start = sentence.index(marked)
    span = Span(start, start + len(marked), Treatment.MARKER, Category.CONFIDENTIAL)
    return rewrite_sentence(sentence, [span], words)


def test_an_nda_and_a_reorganisation_are_read_by_the_language_s_own_words() -> None:
    layoffs = "Leitete einen vertraulichen Stellenabbau."
    assert unmarked_sentence(layoffs, "vertraulichen Stellenabbau", GERMAN) == "Leitete einen Umbau."
    assert (
        unmarked_sentence("Das Projekt ist unter NDA.", "unter NDA", GERMAN) == "Das Projekt ist vertraulich."
    )
    # English reads neither the marker, the copula nor the lead: nothing it marked is kept.
    assert unmarked_sentence(layoffs, "vertraulichen Stellenabbau", ENGLISH.rewrite) == "Leitete einen."
    assert unmarked_sentence("Das Projekt ist unter NDA.", "unter NDA", ENGLISH.rewrite) == "Das Projekt ist."


def test_a_change_from_nothing_and_sized_things_are_read_by_the_language_s_own_words() -> None:
    grown, won = "Steigerte den Umsatz von null auf $4M.", "Gewann Aufträge über $100K."
    # German reads a change from nothing and the deals sized (its number words are the English set's).
    assert rewrite_sentence(grown, figures(grown, "$4M"), GERMAN) == "Steigerte den Umsatz auf seven Stellen."
    assert rewrite_sentence(won, figures(won, "$100K"), GERMAN) == "Gewann six-figure Aufträge."
    assert (
        rewrite_sentence(grown, figures(grown, "$4M"), ENGLISH.rewrite)
        == "Steigerte den Umsatz von null auf millions."
    )
    assert (
        rewrite_sentence(won, figures(won, "$100K"), ENGLISH.rewrite) == "Gewann Aufträge über six figures."
    )


def test_a_percentage_s_amount_and_plan_are_read_by_the_language_s_own_words() -> None:
    cut, under = "Senkte die Kosten um 12%.", "Blieb 15% unter Budget."
    # German reads "um" as the amount's "by" and "unter Budget" as a result against a plan.
    assert rewrite_sentence(cut, figures(cut, "12%"), GERMAN) == "Senkte die Kosten um double digits."
    assert rewrite_sentence(under, figures(under, "15%"), GERMAN) == "Blieb deutlich unter Budget."
    assert (
        rewrite_sentence(cut, figures(cut, "12%"), ENGLISH.rewrite)
        == "Senkte die Kosten um by double digits."
    )
    assert (
        rewrite_sentence(under, figures(under, "15%"), ENGLISH.rewrite) == "Blieb double-digit unter Budget."
    )


def test_a_goal_after_a_percentage_is_read_by_the_language_s_own_words() -> None:
    # The test set keeps English goals and verbs: only the lead before the goal is German.
    sentence = "Achieved 120% gegen quota."
    assert rewrite_sentence(sentence, figures(sentence, "120%"), GERMAN) == "Übertraf quota."
    assert (
        rewrite_sentence(sentence, figures(sentence, "120%"), ENGLISH.rewrite)
        == "Achieved triple-digit gegen quota."
    )


# English reading with German writing: every word written around a ladder's phrase comes from the set.
WRITTEN_IN_GERMAN: RewriteWords = replace(ENGLISH.rewrite, writing=GERMAN_WRITING)


def figured(sentence: str, text: str, words: RewriteWords) -> str:
    """The sentence rewritten without one money figure, found by its text."""
    return rewrite_sentence(sentence, figures(sentence, text), words)


@pytest.mark.parametrize(
    ("sentence", "figure", "english", "german"),
    [
        # ladders.py: digits, a count's "of", a currency's name, an amount's "by", a level's tens.
        ("Raised funding from $0 to $4M.", "$4M", "to seven figures", "to seven Stellen"),
        ("Reached 5.2 million users.", "5.2 million", "millions of users", "millions users"),
        (
            "Managed a $2.5M budget.",
            "$2.5M",
            "a multi-million-dollar budget",
            "a multi-million-Dollar budget",
        ),
        ("Grew accounts 1.5x.", "1.5x", "by half", "um half"),
        ("Retention of 95%.", "95%", "of over 90%", "of über 90 %"),
        ("Retention of 10%.", "10%", "of around a tenth", "of rund ein Zehntel"),
        ("Retention of 5%.", "5%", "of a single-digit percentage", "of ein einstelliger Anteil"),
        # figure_edits.py: a floor of sized things, a sum, an amount in something, what was reached.
        (
            "Won deals of over $100,000.",
            "$100,000",
            "deals of six figures or more",
            "deals von six Stellen oder mehr",
        ),
        ("Received a $50,000.", "$50,000", "a five-figure sum", "a five-figure Summe"),
        (
            "Raised $40 million of equity.",
            "$40 million",
            "millions of dollars in equity",
            "millions Dollar an equity",
        ),
        ("Grew members from 0 to over 500 members.", "500", "to hundreds of members", "auf hundreds members"),
        # percent_edits.py: a result against a goal, in the verb's own form, and where it finished.
        ("Achieved 120% of quota.", "120%", "Exceeded quota", "Übertraf quota"),
        ("Achieved 100% of quota.", "100%", "Met quota", "Erreichte quota"),
        ("Consistently achieving 120% of quota.", "120%", "exceeding quota", "übertreffend quota"),
        (
            "Achieved 100% of the FY15 sales goal.",
            "100%",
            "Met the FY15 sales goal",
            "Erreichte das FY15 sales goal",
        ),
        ("Reached 70% of quota.", "70%", "most of quota", "den Großteil quota"),
        ("Reached 30% of quota.", "30%", "part of quota", "einen Teil quota"),
        ("Finished the year at 121% of quota.", "121%", "above quota", "über quota"),
        ("Finished the year at 100% of quota.", "100%", "at quota", "bei quota"),
        ("Finished the year at 90% of quota.", "90%", "below quota", "unter quota"),
        (
            "Ranked second with 160% of sales quota in 2000.",
            "160%",
            "above-quota results",
            "Ergebnisse über quota",
        ),
        ("Came in 15% under budget.", "15%", "well under budget", "deutlich under budget"),
        ("Came in 5% under budget.", "5%", "slightly under budget", "knapp under budget"),
        ("Cut costs by 12%.", "12%", "by double digits", "um double digits"),
        ("Held 98% retention.", "98%", "near-perfect retention", "nahezu vollständige retention"),
        ("Held 100% retention.", "100%", "perfect retention", "vollständige retention"),
        ("Held 92% retention rate.", "92%", "90%-plus retention", "über 90 % retention"),
    ],
)
def test_what_a_figure_s_rewrite_writes_comes_from_the_language(
    sentence: str, figure: str, english: str, german: str
) -> None:
    assert english in figured(sentence, figure, ENGLISH.rewrite)
    assert german in figured(sentence, figure, WRITTEN_IN_GERMAN)
    assert english not in figured(sentence, figure, WRITTEN_IN_GERMAN)


def clients(sentence: str, *names: str, words: RewriteWords) -> str:
    """The sentence rewritten without clients' names, each found by its text."""
    spans = [
        Span(
            sentence.index(n),
            sentence.index(n) + len(n),
            Treatment.NAME,
            Category.CONFIDENTIAL,
            "a key client",
        )
        for n in names
    ]
    return rewrite_sentence(sentence, spans, words)


def test_a_stand_in_s_possessive_comes_from_the_language() -> None:
    one, two = "Grew Contoso revenue.", "Managed Contoso and Fabrikam revenue."
    assert clients(one, "Contoso", words=ENGLISH.rewrite) == "Grew a key client's revenue."
    assert clients(one, "Contoso", words=WRITTEN_IN_GERMAN) == "Grew a key clients revenue."
    assert clients(two, "Contoso", "Fabrikam", words=ENGLISH.rewrite) == "Managed two key clients' revenue."
    assert clients(two, "Contoso", "Fabrikam", words=WRITTEN_IN_GERMAN) == "Managed two key clients revenue."


def test_a_possessive_s_ending_is_read_by_the_language_s_own_words() -> None:
    sentence = "Grew Contoso 's revenue."
    # English joins its "'s" to the stand-in; German reads no such ending and leaves the space.
    assert clients(sentence, "Contoso", words=ENGLISH.rewrite) == "Grew a key client's revenue."
    assert clients(sentence, "Contoso", words=GERMAN) == "Grew a key client 's revenue."


def test_a_clause_s_continuous_verb_is_read_by_the_language_s_own_ending() -> None:
    sentence = "Secured $2M revenue streaming online."
    # English ends the noun at "streaming", whose clause follows; German reads it as part of the noun.
    assert (
        figured(sentence, "$2M", ENGLISH.rewrite) == "Secured multi-million-dollar revenue streaming online."
    )
    ending = replace(ENGLISH.rewrite, reading=replace(ENGLISH.rewrite.reading, progressive_endings=("end",)))
    assert figured(sentence, "$2M", ending) == "Secured a multi-million-dollar revenue streaming online."


def test_an_action_the_same_everywhere_is_said_in_the_language() -> None:
    sentence = "Call referee on 555-0100 today."
    start = sentence.index("555-0100")
    finding = Finding(
        "references.referee-contact", Category.REFERENCES, Severity.HIGH, start, start + 8, "555-0100"
    )
    assert advise(sentence, [finding], {})[0].reason == "Referee detail: remove everywhere"
    assert advise(sentence, [finding], {}, words=GERMAN)[0].reason == "Vertrauliches: überall entfernen"


def test_a_spread_of_sizes_after_its_noun_is_framed_by_the_language() -> None:
    sentence = "Ran campaigns between $5M - $20M."
    spans = figures(sentence, "$5M", "$20M")
    assert rewrite_sentence(sentence, spans, ENGLISH.rewrite) == "Ran campaigns of seven to eight figures."
    assert (
        rewrite_sentence(sentence, spans, WRITTEN_IN_GERMAN)
        == "Ran campaigns im Umfang von seven to eight Stellen."
    )


def test_a_name_given_after_its_thing_is_read_by_the_language_s_own_words() -> None:
    sentence = "Entwickelte ein System namens MINT für Recruiting."
    assert named(sentence, "MINT", GERMAN) == "Entwickelte ein System für Recruiting."
    # English reads no "namens": the name gets its stand-in where it stood.
    assert (
        named(sentence, "MINT", ENGLISH.rewrite)
        == "Entwickelte ein System namens an internal für Recruiting."
    )
