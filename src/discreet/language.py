"""The words discreet needs to read one language's resumes: headings, months, date and title words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from discreet.model import Action, Category, Section

# A ladder: (floor, phrase) from the top down; the first floor at or below a value gives its phrase.
Ladder = tuple[tuple[float, str], ...]


@dataclass(frozen=True, slots=True)
class RewriteReading:
    """The words a rewrite reads around a figure or a name in one language; the patterns are code."""

    # Words that join the members of a list ("and", "or"), and that open a range of two ("between").
    list_joiners: tuple[str, ...]
    between: tuple[str, ...]
    # Words around a figure: approximations ("nearly"), percent and multiple signs, "plus".
    approximators: tuple[str, ...]
    percent_words: tuple[str, ...]
    fold_words: tuple[str, ...]
    plus_words: tuple[str, ...]
    # A period after an amount: a lead word ("per", "a") and the period ("month", "yr").
    period_leads: tuple[str, ...]
    period_words: tuple[str, ...]
    # Currencies written as words, with the currency they name.
    currency_words: tuple[tuple[str, str], ...]
    # Scale words and their value ("k" is 1e3); those that are rupees, and those that are a year's pay.
    scales: tuple[tuple[str, float], ...]
    rupee_scales: frozenset[str]
    yearly_scales: frozenset[str]
    # Verbs that grow something by a multiple ("grew"), and that reach a goal ("achieved").
    growth_verbs: tuple[str, ...]
    quota_verbs: tuple[str, ...]
    # Adverbs that make a result a habit ("consistently"), and the goals a result is measured against.
    often: tuple[str, ...]
    goals: tuple[str, ...]
    # Words that name a margin; verbs of saving that take an amount as their object.
    margins: tuple[str, ...]
    savings_verbs: tuple[str, ...]
    # Words that make a name a client's ("accounts"), a code name ("Project"), or examples ("such as"),
    # and words that say a list of examples goes on ("etc").
    client_words: tuple[str, ...]
    codename_words: tuple[str, ...]
    example_leads: tuple[str, ...]
    etc: tuple[str, ...]
    # Words that mark work as secret ("confidential"), and deals a name may be the other party to.
    secret_markers: tuple[str, ...]
    deals: tuple[str, ...]
    # Work under a non-disclosure agreement: the lead ("bound by") and the agreement ("NDA"); after a
    # copula ("is") it reads as the secret adjective ("is confidential").
    nda_leads: tuple[str, ...]
    ndas: tuple[str, ...]
    copulas: tuple[str, ...]
    secret_adjective: str
    # A pending reorganisation is the secret itself ("layoffs"): its noun reads as a description.
    reorganizations: tuple[str, ...]
    reorganization: str
    # Nouns of change after a percentage ("growth"); comparatives after a multiple ("faster").
    change_nouns: tuple[str, ...]
    comparatives: tuple[str, ...]
    # What a range or a change opens and closes with ("from", "to"), and a start that is nothing ("scratch").
    range_starts: tuple[str, ...]
    range_ends: tuple[str, ...]
    zero_words: tuple[str, ...]
    # Verbs that give a spread rather than a change ("ranging"); words that say a figure is a floor ("over").
    spread_verbs: tuple[str, ...]
    at_least_words: tuple[str, ...]
    # Words after which a figure is an amount reached ("exceeding"); words joining it to what it is
    # in ("in"); "of" before things an amount is made of; plural scales that read as counts ("millions").
    amount_leads: tuple[str, ...]
    amount_joiners: tuple[str, ...]
    part_of: tuple[str, ...]
    scale_counts: tuple[str, ...]
    # Demonstratives, which open a noun phrase as articles and possessives do ("this", "those").
    demonstratives: tuple[str, ...]
    # Periods as adjectives before a noun ("monthly").
    period_adjectives: tuple[str, ...]
    # Where an article the figure stood for may go: after a verb's ending ("-ed"), or these words ("led").
    verb_endings: tuple[str, ...]
    article_slot_words: tuple[str, ...]
    # Things sized by the amount after them ("deals"), as written, and what joins them to it ("worth").
    sized_things: tuple[str, ...]
    size_joiners: tuple[str, ...]
    # Around a percentage: the word of its amount ("by"), adverbs of change ("up"), words of a result
    # against a plan ("under" ... "budget"), "all" after a share's "of", words after which it is a level
    # ("retention of"), and where a result stands ("at").
    by_words: tuple[str, ...]
    change_adverbs: tuple[str, ...]
    against_words: tuple[str, ...]
    plans: tuple[str, ...]
    all_words: tuple[str, ...]
    level_leads: tuple[str, ...]
    at_words: tuple[str, ...]
    # An attainment named before its percentage: the goal ("quota"), the word ("attainment") and what
    # joins it to the figure ("of").
    attainment_goals: tuple[str, ...]
    attainment_words: tuple[str, ...]
    attainment_joiners: tuple[str, ...]
    # A goal named after a percentage: what leads it ("against"), words before it ("annual", "sales"),
    # words that make the goal word no goal ("target market"); a goal's own that is no goal ("all").
    goal_leads: tuple[str, ...]
    goal_modifiers: tuple[str, ...]
    not_goals_before: tuple[str, ...]
    quantifiers: tuple[str, ...]
    # Abbreviations whose stop ends no sentence ("Dr.", "e.g."), as written, without their stop.
    abbreviations: tuple[str, ...]
    # Articles ("a", "the"); determiners before a noun ("our", "each"); function words, which are no noun.
    articles: tuple[str, ...]
    determiners: tuple[str, ...]
    function_words: tuple[str, ...]
    # Words and starts whose vowel letter is a consonant's sound ("one", "uni"), and starts whose
    # consonant is a vowel's sound ("hour", "8"): they choose between "a" and "an".
    consonant_sound_words: tuple[str, ...]
    consonant_sound_starts: tuple[str, ...]
    vowel_sound_starts: tuple[str, ...]
    # The article before a consonant's sound and before a vowel's ("a", "an"), as the sounds choose it.
    sound_articles: tuple[str, str]
    # The definite article, which a list of names may repeat before each ("A, the B").
    definite_articles: tuple[str, ...]
    # Possessive determiners ("our"): with the definite article they own the capitalised words before a
    # code name ("The BruCrew Project X"); with any article they lead a name's description ("ORCA, our
    # internal engine"), as does an owner noun's possessive ("the company's").
    possessives: tuple[str, ...]
    owner_nouns: tuple[str, ...]
    # Nouns a client's name can modify as it stands ("the Walmart account"); others take "'s".
    compound_nouns: tuple[str, ...]
    # A name's own aside in brackets saying it is secret ("confidential", "code name").
    secret_asides: tuple[str, ...]
    # Words that qualify a deal ("proposed"), and that join a deal to its other party ("of").
    deal_qualifiers: tuple[str, ...]
    deal_joiners: tuple[str, ...]
    # How many names, when the language has no word for their count ("several").
    several: str
    # Last words of a stand-in that give way to the noun a name modified ("the ORCA engine").
    generic_heads: frozenset[str]
    # Stand-ins a trade can describe: a head noun, and no description but a size word before it.
    kind_heads: frozenset[str]
    size_words: frozenset[str]
    # How a name that says what it is opens ("University of"), and the trade that shows.
    bodies: tuple[tuple[str, str], ...]
    # A company's legal suffix ("Inc", "& Co"), which names no trade.
    corporate_suffixes: tuple[str, ...]
    # A tool described as the company's own ("internal" ... "platform"), which a name beside it names.
    in_house: tuple[str, ...]
    software_nouns: tuple[str, ...]
    # What introduces a code name in a clause of its own ("code-named").
    codenamed: tuple[str, ...]
    # Labels of a personal value ("Date of Birth"), the words that qualify them ("home") and end them
    # ("number"), and the words that join two labels of one field ("and").
    labels: tuple[str, ...]
    label_modifiers: tuple[str, ...]
    label_suffixes: tuple[str, ...]
    label_joiners: tuple[str, ...]
    # Who a referee is as a label ("Supervisor's name"), a request to call them ("contact my manager"),
    # leave to call them ("may contact"), why to call ("for verification"), and words that say nothing more.
    referee_labels: tuple[str, ...]
    referee_requests: tuple[str, ...]
    leave_to_call: tuple[str, ...]
    call_reasons: tuple[str, ...]
    referee_filler: frozenset[str]
    # A request to get in touch: its verb ("call"), whom ("me") and by what ("at"; also between a
    # referee's name and number).
    contact_verbs: tuple[str, ...]
    contact_objects: tuple[str, ...]
    contact_ways: tuple[str, ...]
    # Prepositions that only led to a value; one that follows it and goes with it ("from").
    prepositions: tuple[str, ...]
    source_leads: tuple[str, ...]
    # What leads a place a stand-in names ("in" {city}), and the street words of an address ("road").
    place_leads: tuple[str, ...]
    street_words: tuple[str, ...]
    # What only qualifies a value: a rate's unit after a period lead ("hour"), a rate word ("hourly"),
    # an age's years ("yrs old"), an expectation's floor ("or more").
    rate_units: tuple[str, ...]
    rate_words: tuple[str, ...]
    age_words: tuple[str, ...]
    floor_tails: tuple[str, ...]
    # Words that introduce a personal value or a pay figure and say nothing once it is gone ("aged").
    value_leads: tuple[str, ...]
    # The kind of a phone number in brackets after it ("mobile", "m").
    phone_kinds: tuple[str, ...]
    # Kinship that introduces family details ("father of", "married to").
    kin_phrases: tuple[str, ...]
    # Words that leave a clause saying nothing once its value is gone ("well", "kindly").
    filler_words: tuple[str, ...]
    # When something happened: the word that leads ("in"), part of a month ("early"), the month's first
    # letters ("sept"), and what joins it to its year ("of").
    time_leads: tuple[str, ...]
    month_parts: tuple[str, ...]
    month_stems: tuple[str, ...]
    month_year_joiners: tuple[str, ...]
    # The ending of a verb's continuous form ("achieving"), which starts a clause after a noun, and
    # the endings of a possessive ("'s"), which join the word before them without a space.
    progressive_endings: tuple[str, ...]
    # Nouns that make a personal value family ("sons", "wife"): after "my" it reads "my family".
    kin_nouns: tuple[str, ...]
    # Words that give a thing's name after it ("a system called X"): without the name, they say nothing.
    naming_words: tuple[str, ...]
    possessive_endings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RewriteWriting:
    """The words a rewrite writes around its ladders' phrases; "{}" takes the phrase it wraps."""

    # Money by its number of digits ("{} figures"), an amount in something ("{} in "), a figure as a
    # sum ("a {} sum"), what a figure reached ("to {}"), and a floor of sized things ("{} of {} or more").
    figures: str
    amount_in: str
    sum: str
    reached: str
    at_least_of: str
    # A spread of sizes after the noun it sizes, where "between" stood: "campaigns of {}".
    sized: str
    # A count or an amount of something ("{} of {}"): the count phrases that take it ("thousands").
    of: str
    counts_of: frozenset[str]
    # A currency's name as written before a noun and as a plural: "dollar" -> ("dollar", "dollars").
    currencies: Mapping[str, tuple[str, str]]
    # A money adjective where no currency is known: "multi-million-{}" -> "multi-million".
    without_currency: Mapping[str, str]
    # A change by an amount ("by {}") and a level by the tens below it ("over {}%"), or under a tenth.
    by: str
    level_over: str
    level_tenth: str
    level_single_digit: str
    # A result against a goal, past and continuous: ("exceeded", "exceeding"), ("met", "meeting").
    exceeded: tuple[str, str]
    met: tuple[str, str]
    # A goal named with its own words ("the {}"); less than all of it ("most of {}", "part of {}").
    the_goal: str
    most_of: str
    part_of: str
    # Where a result finished against a goal ("above {}", "at {}", "below {}") and, again in a
    # list, the results themselves ("above-{} results", "on-{} results").
    above: str
    at: str
    below: str
    above_results: str
    on_results: str
    # How far from a plan, by at least a tenth or less ("well", "slightly" under budget).
    well: str
    slightly: str
    # A percentage after a determiner ("a double-digit {}"), and a high rate before a noun: all of
    # it, nearly all of it, past the tens below it ("{}%-plus").
    percentage: str
    perfect: str
    near_perfect: str
    tens_plus: str
    # A stand-in that owns what follows ("{}'s"); several stand-ins that do ("{}'").
    possessive: str
    plural_possessive: str
    # What stands for family details after a possessive: "raise my {two sons}" -> "raise my family".
    family: str
    # An action the same for the public and the resume ("remove everywhere").
    everywhere: Mapping[Action, str]


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
    # Money read only by its digits, for a list of amounts: "six figures", "seven-figure".
    money_digit_nouns: Ladder
    money_digit_adjectives: Ladder
    # How a phrase that is true of every larger value starts or ends ("more than", "-plus").
    at_least_starts: tuple[str, ...]
    at_least_ends: tuple[str, ...]
    # A spread from the lowest to the highest of a list: "{} to {}".
    spread: str
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
    # The words a rewrite reads in the sentence around what it rewrites.
    reading: RewriteReading
    # The words it writes around the ladders' phrases.
    writing: RewriteWriting


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
