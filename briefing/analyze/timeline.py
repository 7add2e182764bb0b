"""Dated events in a paragraph, for a timeline of the corpus.

`find_events(text, language, document_date)` returns every date a paragraph prints, where it
stands, the ISO date it means and the sentence around it. Like the rest of the pipeline it
only reports what the text says and never invents: a date without a year is placed only when
the document itself is dated, and a year alone is not an event (too coarse for a timeline).

Handled:

- Chinese (`language="zh"`, Simplified text as the cleaner leaves it):
  `2018年10月31日` (spaces allowed: `2025 年 2 月 27 日`; `号` for `日`), `2022 年 11 月`
  (month precision; `2025年4月份` too), `4月29日` (year from the document's date), and
  `今年3月份`, `去年7月`, `明年1月1日` (year counted from the document's date).
- English (`language="en"`): `September 16, 2025`, `Sept. 16, 2025`, `16 September 2025`,
  `April 2025` (month precision), `April 29` (year from the document's date).
- Both: `2025-09-16`, `2025/09/16`, `2025.09.16`, with an optional time after them
  (`2025-05-01 11:54:40`) that belongs to the printed text but not to `date`.

Deliberately left alone (never events):

- a year alone (`2023年`, `in 2023`), year ranges (`2024—2025年`, `(2024-2025)`), seasons and
  parts of a year (`2024年底`, `上半年`, `12月中旬`), a month without a year (`4月份`);
- relative words in English (`Yesterday`, `last month`, `this year`): the brief is to resolve
  only what is printed as a date; Chinese `今年/去年/明年` + month are resolved because they
  name a calendar month exactly;
- `M月D日` / `April 29` in a document without a date, and `同年4月` / `每年3月15日`
  (the year word names a year we cannot know, or no year at all);
- numbers that only look like dates: phone numbers (`0591-87095403`), licence numbers
  (`闽B2-20100029`), version numbers (`v2024.10.1`, `版本 2024.10.1`), times (`9:00-12:00`),
  and impossible dates (`2月30日`, `2025-13-01`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

LANGUAGES = ("zh", "en")

#: A yearless date is put in the document's year unless that lands it more than this far
#: after the document: reports announce the coming weeks ("5月20日将举行"), but a date
#: months ahead in a report is far more likely last year's (12月20日 in a January report).
FUTURE_TOLERANCE = timedelta(days=62)

#: Years accepted in purely numeric dates (`2025-09-16`): outside this range a
#: `dddd-dd-dd` is much more likely a code or an id than a date.
NUMERIC_YEARS = range(1900, 2100)

#: Chinese year words that name a year relative to the document's own.
RELATIVE_YEARS = {"去年": -1, "今年": 0, "明年": 1}

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}


@dataclass
class Event:
    """A date printed in a paragraph."""

    date: str  #: ISO: `2018-10-31`, or `2025-04` when only year and month are printed
    text: str  #: the date exactly as printed (`2018年10月31日`, `2025-05-01 11:54:40`)
    start: int  #: offset of `text` in the paragraph
    resolved_year: bool  #: True when the year is not printed but taken from the document
    sentence: str  #: the sentence that contains the date, stripped


@dataclass
class _Candidate:
    """A span that looks like a date, before overlaps are settled.

    `date` is None when the span is not a valid date (`2025年2月30日`): such a span still
    hides the shorter patterns inside it, so `2月30日` is not tried on its own.
    """

    start: int
    end: int
    date: str | None
    resolved_year: bool = False


# --- patterns ----------------------------------------------------------------------------
# Each pattern finds its own candidates; `_settle` then keeps the longest of overlapping
# ones. This keeps every pattern simple: `4月29日` need not know it may sit inside
# `2025年4月29日`.

_S = r"\s*"  # Chinese dates are often printed with spaces between the parts (from PDF).
ZH_FULL = re.compile(rf"(?<!\d)(\d{{4}}){_S}年{_S}(\d{{1,2}}){_S}月{_S}(\d{{1,2}}){_S}[日号]")
ZH_MONTH = re.compile(rf"(?<!\d)(\d{{4}}){_S}年{_S}(\d{{1,2}}){_S}月(?:份)?")
ZH_MONTH_DAY = re.compile(rf"(?<!\d)(\d{{1,2}}){_S}月{_S}(\d{{1,2}}){_S}[日号]")
ZH_RELATIVE = re.compile(
    rf"(去年|今年|明年){_S}(\d{{1,2}}){_S}月(?:{_S}(\d{{1,2}}){_S}[日号]|份)?")
#: The same separator twice, so that `2024-2025` or `2025.5` cannot pass; no letter, digit
#: or separator before or after, so that codes like `B2-2010-01-29` or `1.2025.03.01` and
#: longer chains like `2025-09-16-3` are left alone. The one letter allowed after is the
#: `T` of ISO 8601 before a time (`2025-09-16T10:00`).
NUMERIC = re.compile(r"(?<![A-Za-z0-9./_-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"
                     r"(?!\d|T(?!\d)|[A-SU-Za-z]|[-/.]\d)")
TIME = re.compile(r"(?:\s*|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)")
VERSION_BEFORE = re.compile(r"(?i)(?:\bv|\bver\.?|\bversion|\brelease|版本|版本号)\s*$")

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))  # longest first: Sept before Sep
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?(?![\d:])"
EN_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\b\.?\s+{_DAY},?\s+(\d{{4}})(?!\d)")
EN_DAY_MONTH_YEAR = re.compile(rf"(?<![\d.]){_DAY}\s+({_MONTH})\b\.?,?\s+(\d{{4}})(?!\d)")
EN_MONTH_YEAR = re.compile(rf"\b({_MONTH})\b\.?,?\s+(\d{{4}})(?!\d)")
EN_MONTH_DAY = re.compile(rf"\b({_MONTH})\b\.?\s+{_DAY}")


def find_events(text: str, language: str, document_date: str | None) -> list[Event]:
    """Every dated event printed in `text`, in reading order.

    `document_date` (ISO `YYYY-MM-DD`, as `Document.date`) places dates printed without a
    year; when it is None or not an ISO date, such dates are not events.

    >>> [(e.date, e.text, e.resolved_year) for e in find_events(
    ...     "2018年10月31日，会议召开。4月29日，总书记来到这里。", "zh", "2025-05-01")]
    [('2018-10-31', '2018年10月31日', False), ('2025-04-29', '4月29日', True)]
    >>> [(e.date, e.text) for e in find_events("自 2022 年 11 月 ChatGPT 发布以来", "zh", None)]
    [('2022-11', '2022 年 11 月')]
    >>> find_events("4月29日，2023年，2024—2025年，4月份", "zh", None)
    []
    >>> [(e.date, e.text) for e in find_events(
    ...     "Released on Sept. 16, 2025. More in April 2025.", "en", None)]
    [('2025-09-16', 'Sept. 16, 2025'), ('2025-04', 'April 2025')]
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    today = _document_day(document_date)
    candidates = _numeric_candidates(text)
    if language == "zh":
        candidates += _chinese_candidates(text, today)
    else:
        candidates += _english_candidates(text, today)
    kept = [c for c in _settle(candidates) if c.date is not None]
    spans = [(c.start, c.end) for c in kept]
    return [Event(date=c.date, text=text[c.start:c.end], start=c.start,
                  resolved_year=c.resolved_year,
                  sentence=sentence_at(text, c.start, language, protected=spans))
            for c in kept]


# --- candidates --------------------------------------------------------------------------

def _numeric_candidates(text: str) -> list[_Candidate]:
    """`2025-09-16`, `2025/9/16`, `2025.09.16`, with a following time kept in the span.

    >>> [(c.date, c.end) for c in _numeric_candidates("2025-05-01 11:54:40 来源")]
    [('2025-05-01', 19)]
    >>> _numeric_candidates("电话:0591-87095403 闽B2-20100029 v2024.10.1 9:00-12:00")
    []
    """
    found = []
    for match in NUMERIC.finditer(text):
        year, month, day = int(match[1]), int(match[3]), int(match[4])
        if _after_version_word(text, match.start()):
            continue
        value = _iso_day(year, month, day) if year in NUMERIC_YEARS else None
        found.append(_Candidate(match.start(), _end_with_time(text, match.end()), value))
    return found


def _chinese_candidates(text: str, today: date | None) -> list[_Candidate]:
    """Chinese dates: full, year and month, month and day, and `今年/去年/明年` + month.

    >>> [(c.date, c.resolved_year) for c in _chinese_candidates("去年7月以来", date(2024, 1, 31))]
    [('2023-07', True)]
    >>> [c.date for c in _chinese_candidates("12月20日", date(2025, 1, 10))]
    ['2024-12-20']
    """
    found = []
    for match in ZH_FULL.finditer(text):
        value = _iso_day(int(match[1]), int(match[2]), int(match[3]))
        found.append(_Candidate(match.start(), _end_with_time(text, match.end()), value))
    for match in ZH_MONTH.finditer(text):
        found.append(_Candidate(match.start(), match.end(),
                                _iso_month(int(match[1]), int(match[2]))))
    for match in ZH_MONTH_DAY.finditer(text):
        if _after_year_word(text, match.start()):
            continue  # 同年4月29日, 每年3月15日: a year we cannot know, or none at all
        value = _yearless(int(match[1]), int(match[2]), today)
        found.append(_Candidate(match.start(), _end_with_time(text, match.end()), value,
                                resolved_year=True))
    for match in ZH_RELATIVE.finditer(text):
        if today is None:
            continue  # 今年 of an undated document: no year to count from
        value = _relative(match[1], int(match[2]), match[3], today)
        end = _end_with_time(text, match.end()) if match[3] else match.end()
        found.append(_Candidate(match.start(), end, value, resolved_year=True))
    return found


def _english_candidates(text: str, today: date | None) -> list[_Candidate]:
    """English dates: `September 16, 2025`, `16 September 2025`, `April 2025`, `April 29`.

    Candidates may overlap; `_settle` keeps the longest:

    >>> [c.date for c in _english_candidates("16 September 2025", None)]
    ['2025-09-16', '2025-09']
    >>> [c.date for c in _settle(_english_candidates("16 September 2025", None))]
    ['2025-09-16']
    """
    found = []
    for match in EN_MONTH_DAY_YEAR.finditer(text):
        value = _iso_day(int(match[3]), MONTHS[match[1]], int(match[2]))
        found.append(_Candidate(match.start(), _end_with_time(text, match.end()), value))
    for match in EN_DAY_MONTH_YEAR.finditer(text):
        value = _iso_day(int(match[3]), MONTHS[match[2]], int(match[1]))
        found.append(_Candidate(match.start(), _end_with_time(text, match.end()), value))
    for match in EN_MONTH_YEAR.finditer(text):
        found.append(_Candidate(match.start(), match.end(),
                                _iso_month(int(match[2]), MONTHS[match[1]])))
    if today is not None:  # without the document's year, `April 29` is not placed at all
        for match in EN_MONTH_DAY.finditer(text):
            value = _yearless(MONTHS[match[1]], int(match[2]), today)
            found.append(_Candidate(match.start(), match.end(), value, resolved_year=True))
    return found


def _settle(candidates: list[_Candidate]) -> list[_Candidate]:
    """The non-overlapping candidates, earliest first, the longest winning at a tie.

    Invalid candidates take part too: `2025年2月30日` must hide `2月30日`.

    >>> [(c.start, c.end) for c in _settle([_Candidate(5, 10, "x"), _Candidate(0, 10, "y")])]
    [(0, 10)]
    """
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


# --- values ------------------------------------------------------------------------------

def _iso_day(year: int, month: int, day: int) -> str | None:
    """`YYYY-MM-DD`, or None when there is no such day (datetime knows the calendar).

    >>> _iso_day(2024, 2, 29), _iso_day(2025, 2, 29), _iso_day(2025, 13, 1)
    ('2024-02-29', None, None)
    """
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso_month(year: int, month: int) -> str | None:
    """`YYYY-MM`, or None for a month that does not exist.

    >>> _iso_month(2022, 11), _iso_month(2022, 0)
    ('2022-11', None)
    """
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1 <= year <= 9999 else None


def _yearless(month: int, day: int, today: date | None) -> str | None:
    """A day printed without a year, placed in the document's year (or the one before).

    >>> _yearless(4, 29, date(2025, 5, 1)), _yearless(6, 30, date(2025, 5, 1))
    ('2025-04-29', '2025-06-30')
    >>> _yearless(12, 20, date(2025, 1, 10)), _yearless(4, 29, None)
    ('2024-12-20', None)
    """
    if today is None:
        return None
    value = _iso_day(today.year, month, day)
    # A difference, not `today + FUTURE_TOLERANCE`, which overflows for a document dated 9999.
    if value is not None and date.fromisoformat(value) - today > FUTURE_TOLERANCE:
        value = _iso_day(today.year - 1, month, day)
    return value


def _relative(word: str, month: int, day: str | None, today: date | None) -> str | None:
    """`今年3月份`, `去年7月`, `明年1月1日`: a year counted from the document's.

    No two-month rule here: the text says which year it means.

    >>> _relative("今年", 3, None, date(2025, 5, 1)), _relative("去年", 12, "20", date(2025, 5, 1))
    ('2025-03', '2024-12-20')
    """
    if today is None:
        return None
    year = today.year + RELATIVE_YEARS[word]
    return _iso_day(year, month, int(day)) if day else _iso_month(year, month)


def _document_day(document_date: str | None) -> date | None:
    """The document's date as a `date`; None when unknown or not ISO `YYYY-MM-DD`.

    >>> _document_day("2025-05-01"), _document_day("2025-05"), _document_day(None)
    (datetime.date(2025, 5, 1), None, None)
    """
    if not document_date:
        return None
    try:
        return date.fromisoformat(document_date) if len(document_date) == 10 else None
    except ValueError:
        return None


# --- context -----------------------------------------------------------------------------

def _end_with_time(text: str, end: int) -> int:
    """Where a date ends once a valid time printed right after it (`11:54:40`) is included.

    >>> text = "2025-05-01 11:54:40 ok"; text[:_end_with_time(text, 10)]
    '2025-05-01 11:54:40'
    >>> _end_with_time("2025-05-01 25:00", 10)
    10
    """
    match = TIME.match(text, end)
    if match is None:
        return end
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    return match.end() if hour < 24 and minute < 60 and second < 60 else end


def _after_year_word(text: str, start: int) -> bool:
    """Whether `年` (with spaces) stands right before `start`: `同年4月`, `每年3月15日`.

    Digits-and-年 before it are a full date, already found by the longer pattern.
    """
    return text[:start].rstrip().endswith("年")


def _after_version_word(text: str, start: int) -> bool:
    """Whether a version label stands right before `start` (`v2024.10.1`, `版本 2024.10.1`)."""
    return VERSION_BEFORE.search(text, max(0, start - 12), start) is not None


#: Where a sentence ends: Chinese full stops (with closing quotes and brackets that belong
#: to the sentence), and, in English, `.`, `!` or `?` followed by a space.
SENTENCE_END = {
    "zh": re.compile(r"[。！？]+[”’」』）)\"']*|\n"),
    "en": re.compile(r"[.!?]+[\"”’')]*(?=\s)|\n"),
}


def sentence_at(text: str, position: int, language: str,
                protected: list[tuple[int, int]] = ()) -> str:
    """The sentence of `text` that contains `position`, stripped.

    A full stop inside a `protected` span (a date such as `Sept. 16, 2025`) ends nothing.
    Abbreviations such as `Mr. ` are not known and do end an English sentence.

    >>> sentence_at("前一句。4月29日，他来到这里。后一句", 5, "zh")
    '4月29日，他来到这里。'
    >>> sentence_at("Old news. On Sept. 16, 2025 it came. Next", 14, "en", [(13, 27)])
    'On Sept. 16, 2025 it came.'
    """
    begin, end = 0, len(text)
    for match in SENTENCE_END[language].finditer(text):
        if any(lo <= match.start() < hi for lo, hi in protected):
            continue
        if match.end() <= position:
            begin = match.end()
        elif match.start() >= position:
            end = match.end()
            break
    return text[begin:end].strip()
