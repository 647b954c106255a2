"""The words a rewrite writes come from a language's word set: a second language is data."""

from __future__ import annotations

from dataclasses import replace

from discreet.language import RewriteWords
from discreet.languages.en import ENGLISH
from discreet.model import Action, Category, Finding, Severity
from discreet.rewrite import advise
from discreet.rewrite.figures import Figure, FigureKind
from discreet.rewrite.ladders import count_phrase, money_noun, plain_phrase

# A tiny second word set: German ladder words, stand-ins and titles over the English set's grammar.
GERMAN: RewriteWords = replace(
    ENGLISH.rewrite,
    money_nouns=((1e6, "Millionen"), (1e3, "Tausende"), (0, "eine kleine Summe")),
    counts=((100, "Hunderte"), (10, "Dutzende"), (0, "einige")),
    client="ein Großkunde",
    initiative="ein internes Projekt",
    titles=dict.fromkeys(Category, "Vertrauliches"),
    public_phrases=dict.fromkeys(Action, "öffentlich anpassen"),
    resume_phrases=dict.fromkeys(Action, "im Lebenslauf behalten"),
)


def test_the_ladders_read_the_second_word_set() -> None:
    assert money_noun(Figure(FigureKind.MONEY, 4.2e6, "euro"), GERMAN) == "Millionen"
    assert money_noun(Figure(FigureKind.MONEY, 4.2e3, "euro"), GERMAN) == "Tausende"
    assert count_phrase(40, GERMAN) == "Dutzende"
    assert plain_phrase(Figure(FigureKind.MONEY, 4.2e6, "euro"), ENGLISH.rewrite) == "millions"


def test_a_sentence_is_rewritten_and_advised_in_the_second_word_set() -> None:
    sentence = "Generated €4.2M with Contoso Logistics."
    findings = [
        Finding("financial.money-amount", Category.FINANCIAL, Severity.HIGH, 10, 15, "€4.2M"),
        Finding(
            "confidential.client-name", Category.CONFIDENTIAL, Severity.HIGH, 21, 38, "Contoso Logistics"
        ),
    ]
    advice = advise(sentence, findings, {}, words=GERMAN)
    assert {one.rewrite for one in advice} == {"Generated Millionen with ein Großkunde."}
    assert advice[0].reason == "Vertrauliches: öffentlich anpassen, im Lebenslauf behalten"
    english = advise(sentence, findings, {})
    assert english[0].rewrite == "Generated millions with a key client."
