"""Figures in English text (`82 large models`, `7,348 PFLOPS`), and what each measures."""
from __future__ import annotations

import re

from .numbers import (CLAUSE_WINDOW, LATIN_UNITS, MAGNITUDES_EN, NETWORK_GENERATION, NUMBER,
                      Figure, collect, has_number, is_year, not_a_figure, parse_number)


# --- English --------------------------------------------------------------------------------

ENGLISH_UNITS = (r"percentage points?|per cent|percent|yuan|RMB|US dollars|dollars|euros"
                 r"|kilowatt-hours|people|times")
#: `$3 billion`, `US$1.5 million`, `¥200`: the currency sign is the unit, and part of the text.
CURRENCY_SIGNS = r"US\$|\$|¥|€|£"
EN_FIGURE = re.compile(
    rf"(?P<currency>{CURRENCY_SIGNS})?(?P<num>{NUMBER})"
    rf"(?: ?(?P<dash>[-–]) ?(?P<num2>{NUMBER}))?"
    rf"(?: (?P<mag>thousand|million|billion|trillion)\b)?"
    rf"(?: ?(?P<pct>%)| (?P<word>{ENGLISH_UNITS})\b| ?(?P<latin>{LATIN_UNITS})(?![A-Za-z0-9]))?")

#: Words that end a counted noun phrase (`5 benchmark application projects that …`) and
#: never start one. `and`/`or` may stand inside it after a comma (`advanced, usable, and
#: autonomously controllable … products`).
STOP_WORDS_EN = set("""a an the and or of in on at to for from by with that which who whose
    was were is are be been being will would shall should can could may might must have has
    had do does did than as into over under across among this these those its their his her
    our your per each such not no if when while where after before since until about around
    up down out more most less least including accounting ranking""".split())
IRREGULAR_PLURALS = {"people", "personnel", "staff", "children"}


def find_english(text: str) -> list[Figure]:
    return collect(EN_FIGURE, text, _english_figure)


def _english_figure(text: str, match: re.Match) -> Figure | None:
    """A figure from a match of `EN_FIGURE`, or None when it is not one (see module doc)."""
    num, num2, mag = match["num"], match["num2"], match["mag"]
    start = match.start()
    if not_a_figure(text, start, num, num2):
        return None
    low = parse_number(num)
    unit = match["pct"] or match["word"] or match["latin"] or match["currency"] or ""
    if unit == "G" and not mag and not num2 and re.fullmatch(NETWORK_GENERATION, num):
        return None  # `5G`, `6G`
    if num2 and is_year(low, num) and is_year(parse_number(num2), num2):
        return None  # `(2024-2025)`
    end = match.end()
    measure = ""
    if not unit:
        counted = counted_phrase(text, end)
        if counted is None:
            if not mag:
                return None
        else:
            if not mag and is_year(low, num):
                return None  # `2023 large models` is more likely a year than a count
            phrase, end = counted
            unit, measure = head_of(phrase), phrase
    # With an explicit unit even a year-like number is a quantity: `2000 PFLOPS`.
    if not measure:
        measure = measure_english(text, start, end, unit)
    size = MAGNITUDES_EN[mag] if mag else 1
    printed = text[start:end]
    return Figure(text=printed, start=start, number=float(low * size), unit=unit,
                  measure=measure, english=printed, sentence="")


_WORD = re.compile(r" (?P<word>[A-Za-z][A-Za-z'\-]*)(?P<comma>,?)")


def counted_phrase(text: str, end: int, longest: int = 10) -> tuple[str, int] | None:
    """The counted noun phrase after a number at `end`, and where it ends; None if none.

    It runs to the first plural noun that is followed by punctuation, a stop word, a verb
    form in -ing/-ed, or the end: `82 large models, accounting` -> `large models`.

    >>> s = ("form 3-5 advanced, usable, and autonomously controllable basic large-scale "
    ...      "model products, 100")
    >>> counted_phrase(s, s.index(" advanced"))
    ('advanced, usable, and autonomously controllable basic large-scale model products', 89)
    >>> counted_phrase("in 2023 in Beijing", 7) is None
    True
    """
    words: list[str] = []
    position = end
    after_comma = False
    while len(words) < longest:
        match = _WORD.match(text, position)
        if not match:
            return None
        word = match["word"]
        lower = word.lower()
        if lower in STOP_WORDS_EN and not (after_comma and lower in ("and", "or")):
            return None
        words.append(word + match["comma"])
        position = match.end()
        if _is_plural(word) and (match["comma"] or _ends_phrase(text, match.end())):
            phrase_end = match.end() - len(match["comma"])
            return text[end + 1:phrase_end], phrase_end
        after_comma = bool(match["comma"])
    return None


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if word[0].isupper() or lower in STOP_WORDS_EN:
        return False
    return lower in IRREGULAR_PLURALS or (
        len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")))


def _ends_phrase(text: str, position: int) -> bool:
    following = _WORD.match(text, position)
    if not following:
        return True  # punctuation, a digit or the end
    word = following["word"].lower()
    return word in STOP_WORDS_EN or word.endswith(("ing", "ed"))


def head_of(phrase: str) -> str:
    """The unit of a counted phrase: its last three words at most, after any list of
    adjectives: `excellent industry large-scale model products` -> `large-scale model products`.

    >>> head_of("large models")
    'large models'
    >>> head_of("advanced, usable, and autonomously controllable basic large-scale model products")
    'large-scale model products'
    """
    tail = re.split(r",\s*|\s+(?:and|or)\s+", phrase)[-1]
    return " ".join(tail.split()[-3:])


#: Between the measure and an English number, read back from the number.
QUALIFIERS_EN = ["more than", "over", "nearly", "almost", "about", "around", "approximately",
                 "some", "up to", "at least", "roughly", "close to"]
VERBS_EN = ["will exceed", "exceeded", "exceeds", "exceed", "will reach", "reached", "reaches",
            "reach", "stood at", "amounted to", "totaled", "totalled", "rose to", "grew to",
            "increased to", "hit", "was", "were", "is", "are", "of", "to", "at",
            "accounting for", "accounted for", "accounts for"]
LEADING_WORDS_EN = {"the", "a", "an", "with", "and", "by", "in", "at", "for", "from", "while",
                    "including", "its", "their", "this", "that"}
_CLAUSE_START_EN = re.compile(r"[,;:()\"“”]|\b(?:that|which|while|where|when)\b\s")


def measure_english(text: str, start: int, end: int, unit: str) -> str:
    """What an English figure with an explicit unit measures; `` when it cannot be told.

    `N unit of X` -> X (`7,348 PFLOPS of public intelligent computing were added`), except
    for a share (`40% of the country` names the whole, not what is measured); otherwise
    the noun phrase before `will exceed`/`reached`/`of`… back to the clause's start, at
    most 12 words: `the core output value of the city's AI industry will exceed 250 billion
    yuan` -> `core output value of the city's AI industry`.

    >>> s = "with a total scale of over 20,000 PFLOPS."
    >>> measure_english(s, s.index("20"), s.index("."), "PFLOPS")
    'total scale'
    """
    if unit not in ("%", "percent", "per cent"):
        of = re.match(r" of (?:the )?(?P<x>[A-Za-z][A-Za-z'\- ]*?)"
                      r"(?=$|[,.;:()]| (?:were|was|is|are|will|have|has|had|in|to|and|for|"
                      r"with|from|by|at|on|that|which)\b)", text[end:end + 200])
        if of and _is_measure_en(of["x"]):
            return of["x"]
    window_start = max(0, start - 2 * CLAUSE_WINDOW)
    before = text[window_start:start]
    starts = [m.end() for m in _CLAUSE_START_EN.finditer(before)]
    starts += [m.end() for m in re.finditer(r"[.!?]\s", before)]
    if not starts and window_start > 0:
        return ""  # the clause began too far back to be read
    phrase = before[max(starts, default=0):].strip()
    phrase, _ = _strip_words_en(phrase, QUALIFIERS_EN, repeat=True)
    phrase, verb = _strip_words_en(phrase, VERBS_EN, repeat=False)
    if not verb:
        return ""  # `… 40% of the country`: without a verb, nothing says what N measures
    tokens = phrase.split()
    while tokens and tokens[-1].lower() in ("will", "would", "has", "have", "had", "also"):
        tokens.pop()
    while tokens and tokens[0].lower() in LEADING_WORDS_EN:
        tokens.pop(0)
    phrase = " ".join(tokens)
    return phrase if _is_measure_en(phrase) else ""


def _strip_words_en(phrase: str, words: list[str], repeat: bool) -> tuple[str, bool]:
    """`_strip_suffixes` for English: whole words only (`reached` does not end `overreached`
    as `reach`; `of` does not end `roof`)."""
    stripped = False
    ordered = sorted(words, key=len, reverse=True)
    while True:
        cut = next((w for w in ordered if phrase == w or phrase.endswith(" " + w)), None)
        if cut is None:
            return phrase, stripped
        phrase, stripped = phrase[: -len(cut)].rstrip(), True
        if not repeat:
            return phrase, stripped


def _is_measure_en(phrase: str) -> bool:
    words = phrase.split()
    return (1 <= len(words) <= 12 and len(phrase) <= 120 and bool(re.search("[A-Za-z]", phrase))
            and not has_number(phrase)
            and words[0].lower() not in STOP_WORDS_EN)
