"""The words discreet needs to read one language's resumes: headings, months, date and title words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from discreet.model import Action, Category, Section

# A ladder: (floor, phrase) from the top down; the first floor at or below a value gives its phrase.
Ladder = tuple[tuple[float, str], ...]


@dataclass(frozen=True, slots=True)
class RewriteWords:
    """The words a public rewrite writes in one language: ladders for figures, stand-ins, titles."""

    # Money before a noun ("six-figure"; "{}" takes the currency) and on its own ("six figures").
    money_adjectives: Ladder
    money_nouns: Ladder
    # Rupee amounts read in lakhs and crores; below the lowest floor the general ladders apply.
    rupee_adjectives: Ladder
    rupee_nouns: Ladder
    # A number of digits as a word ("six" figures), and small counts as words ("three" clients).
    figure_words: Mapping[int, str]
    number_words: Mapping[int, str]
    # A percentage as an amount of change, as a share of something, before a noun, as points.
    percent_amounts: Ladder
    percent_shares: Ladder
    percent_adjectives: Ladder
    points: Ladder
    # A level of at least 100% against a goal, as a ratio ("one and a half times").
    times: Ladder
    # A ratio as an adverb ("threefold"), as a verb ("tripled"), before a comparative ("many times").
    folds: Ladder
    # A margin as its digits ("double digits"), wherever it stands.
    margins: Ladder
    fold_verbs: Ladder
    comparisons: Ladder
    counts: Ladder
    # A value exactly on a floor reads better without "more than".
    exact: Mapping[str, str]
    # A period as an adjective and as a phrase: "month" -> ("monthly", "a month").
    periods: Mapping[str, tuple[str, str]]
    # Nouns that take no article before a figure: "six-figure revenue", but "a six-figure budget".
    mass_nouns: frozenset[str]
    # Stand-ins for a client, an internal project and an amount that cannot be read.
    client: str
    initiative: str
    amount: str
    # Patterns of a name's last words and the trade they show: "Logistics" -> "logistics".
    trades: tuple[tuple[str, str], ...]
    # Patterns of words that name a country, and the country as written after "in".
    countries: tuple[tuple[str, str], ...]
    # Words a line does not end a sentence on: the next line carries it on ("across", "the").
    line_joiners: frozenset[str]
    # The title of a finding without a rule, and the phrases of each action.
    titles: Mapping[Category, str]
    public_phrases: Mapping[Action, str]
    resume_phrases: Mapping[Action, str]


@dataclass(frozen=True, slots=True)
class Language:
    """One language's words; the code reads them from here, so a second language is data."""

    code: str
    # Section headings as written, compared without case, decoration or spacing.
    headings: Mapping[Section, tuple[str, ...]]
    # Twelve months, January first: every spelling of each, lower case.
    months: tuple[tuple[str, ...], ...]
    # What stands for the end of a range that is still going on ("present").
    ongoing: tuple[str, ...]
    # Words that join the two dates of a range, besides dashes ("to", "until").
    until: tuple[str, ...]
    # Job-title shorthand and the word it stands for ("sr" -> "senior").
    title_words: Mapping[str, str]
    # Words two names can share without being alike ("of", "the").
    stopwords: tuple[str, ...]
    # Grades that do not make two job titles different ("ii", "3").
    levels: tuple[str, ...]
    # The words public rewrites are written in.
    rewrite: RewriteWords

    def __post_init__(self) -> None:
        if len(self.months) != 12:
            raise ValueError(f"language {self.code}: give twelve months, not {len(self.months)}")

    def __hash__(self) -> int:
        return hash(self.code)
