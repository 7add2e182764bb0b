"""Numbers as printed (digits, full-width digits, Chinese numerals, magnitudes) and figures
read in English: what the Chinese and English finders share."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal



@dataclass
class Figure:
    """A number with its unit, found in a paragraph."""

    text: str  #: exactly as printed, e.g. `157.6万件`, `7,348 PFLOPS`, `38.58%`
    start: int  #: offset of `text` in the paragraph
    number: float  #: the value, magnitudes applied (`157.6万` -> 1576000.0); a range's lower end
    unit: str  #: as printed, without the magnitude: `件`, `元`, `PFLOPS`, `large models`; or ``
    measure: str  #: what it measures when the text says it (`大模型`); `` when it cannot be told
    english: str  #: the figure in English (`1.576 million`); for English input, `text` itself
    sentence: str  #: the sentence that holds it, stripped


# --- numbers --------------------------------------------------------------------------------

DIGIT = "[0-9０-９]"
#: `7,348`, `157.6`, `1979`: thousands commas only in groups of three, so `1,2` is two numbers.
NUMBER = rf"{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})+(?:\.{DIGIT}+)?|{DIGIT}+(?:\.{DIGIT}+)?"
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

#: `2G`…`6G` are mobile network generations; `8G` (memory) is a figure.
NETWORK_GENERATION = "[2-6２-６]"

MAGNITUDES_ZH = {"万亿": 10 ** 12, "亿": 10 ** 8, "万": 10 ** 4}
MAGNITUDES_EN = {"thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9,
                 "trillion": 10 ** 12}


def parse_number(printed: str) -> Decimal:
    """The value of digits as printed, exactly (a Decimal, so `1.3万` is 13000, not 13000.000…2).

    >>> parse_number("7,348"), parse_number("１５７.６")
    (Decimal('7348'), Decimal('157.6'))
    """
    return Decimal(printed.translate(FULL_WIDTH_DIGITS).replace(",", ""))


CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_TENS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "十百千万亿"


def parse_chinese_numeral(numeral: str) -> int:
    """The value of a Chinese numeral: `十` 10, `二十` 20, `三千亿` 300000000000.

    A numeral of magnitudes alone multiplies them: `万亿` is 10**12 (`超过万亿元`).

    >>> [parse_chinese_numeral(n) for n in ("十", "一百二十", "万亿")]
    [10, 120, 1000000000000]
    >>> parse_chinese_numeral("两万亿"), parse_chinese_numeral("一亿三千万")
    (2000000000000, 130000000)
    """
    if not any(c in CHINESE_DIGITS or c in CHINESE_TENS for c in numeral):
        value = 1
        for c in numeral:
            value *= 10 ** 4 if c == "万" else 10 ** 8
        return value
    total = section = digit = 0
    for c in numeral:
        if c in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[c]
        elif c in CHINESE_TENS:
            section += (digit or 1) * CHINESE_TENS[c]
            digit = 0
        elif c == "万":
            section = ((section + digit) or 1) * 10 ** 4
            digit = 0
        elif c == "亿":
            total = ((total + section + digit) or 1) * 10 ** 8
            section = digit = 0
    return total + section + digit


# --- English renderings -----------------------------------------------------------------

#: English for the Chinese units that have one, as (singular, plural). Measure words
#: (个 款 家 件 架 户 …) have none: `157.6万件` is "1.576 million", the sentence says of what.
#: 次 has none either: it counts requests, visits or times, depending on the sentence.
UNIT_GLOSSES = {
    "元": ("yuan", "yuan"), "美元": ("US dollar", "US dollars"), "欧元": ("euro", "euros"),
    "港元": ("Hong Kong dollar", "Hong Kong dollars"),
    "人": ("person", "people"), "人口": ("person", "people"),
    "人次": ("person-time", "person-times"), "人年": ("person-year", "person-years"),
    "倍": ("time", "times"),
    "个百分点": ("percentage point", "percentage points"),
    "百分点": ("percentage point", "percentage points"),
    "千瓦时": ("kWh", "kWh"), "度": ("kWh", "kWh"), "千瓦": ("kW", "kW"), "兆瓦": ("MW", "MW"),
    "吉瓦": ("GW", "GW"), "吨": ("tonne", "tonnes"),
    "平方米": ("square metre", "square metres"),
    "平方公里": ("square kilometre", "square kilometres"),
    "立方米": ("cubic metre", "cubic metres"), "公里": ("km", "km"), "千米": ("km", "km"),
    "米": ("metre", "metres"),
    "毫秒": ("ms", "ms"), "秒": ("second", "seconds"), "分钟": ("minute", "minutes"),
    "小时": ("hour", "hours"), "天": ("day", "days"), "年": ("year", "years"),
    "个月": ("month", "months"),
    "参数": ("parameter", "parameters"), "字": ("character", "characters"),
    "汉字": ("Chinese character", "Chinese characters"),
    "部门": ("government department", "government departments"),
    "版": ("edition", "editions"),
}
APPROXIMATIONS = {"余": "more than", "多": "more than", "以上": "more than",
                  "以下": "less than", "左右": "about",
                  # printed before the number (`近6000亿元`, `超过400家`)
                  "将近": "nearly", "接近": "nearly", "近": "nearly", "约": "about", "约为": "about",
                  "大约": "about", "超过": "more than", "逾": "more than", "超": "more than",
                  "不到": "less than", "不足": "less than"}
#: Words before a number that qualify it; longest first. `最近`/`附近` are not `近`.
QUALIFIER_BEFORE = re.compile(r"(?<![最附])(将近|接近|大约|约为|超过|不到|不足|近|约|逾|超)\s*$")


def qualifier_before(text: str, start: int) -> str:
    """The qualifier printed right before a number, if any.

    >>> qualifier_before("规模近6000亿元", 3), qualifier_before("最近6个月", 2)
    ('近', '')
    """
    match = QUALIFIER_BEFORE.search(text, max(0, start - 4), start)
    return match.group(1) if match else ""


def format_number(value: Decimal, scaled: bool) -> str:
    """A value in English: with a Chinese magnitude (`scaled`), in millions, billions or
    trillions from a million up; otherwise, and below a million, with thousands commas.

    >>> format_number(Decimal("1576000"), True), format_number(Decimal("13000.0"), True)
    ('1.576 million', '13,000')
    >>> format_number(Decimal("2.5E12"), True), format_number(Decimal("1979"), False)
    ('2.5 trillion', '1,979')
    """
    if scaled:
        for word, size in (("trillion", 10 ** 12), ("billion", 10 ** 9), ("million", 10 ** 6)):
            if value >= size:
                return f"{_plain(value / size)} {word}"
    return f"{value.normalize():,f}"


def _plain(value: Decimal) -> str:
    """`Decimal('1.5760')` -> `1.576`; never an exponent."""
    return f"{value.normalize():f}"


def render_english(low: Decimal, high: Decimal | None, scaled: bool, unit: str,
                   approximation: str) -> str:
    """The English of a Chinese figure: number, the unit's gloss if it has one, and the
    approximation printed with it.

    >>> render_english(Decimal("6E11"), None, True, "元", "")
    '600 billion yuan'
    >>> render_english(Decimal("400"), None, False, "家", "余")
    'more than 400'
    >>> render_english(Decimal("38.58"), None, False, "%", "")
    '38.58%'
    >>> render_english(Decimal("748"), None, False, "EFLOPS", "")
    '748 EFLOPS'
    >>> render_english(Decimal("3"), Decimal("5"), False, "个", "")
    '3-5'
    """
    number = format_number(low, scaled)
    if high is not None:
        number += "-" + format_number(high, scaled)
    if unit in ("%", "％", "‰"):
        text = number + ("‰" if unit == "‰" else "%")
    elif unit in UNIT_GLOSSES:
        singular, plural = UNIT_GLOSSES[unit]
        one = high is None and low == 1 and not approximation
        text = f"{number} {singular if one else plural}"
    elif unit in ("G", "B", "T"):  # `80G`, `7B`: one-letter units are written on the number
        text = number + unit
    elif unit and unit.isascii():  # a Latin unit: `748 EFLOPS`, `900 GB/s`
        text = f"{number} {unit}"
    else:  # a measure word, or no unit: the number says it all
        text = number
    prefix = APPROXIMATIONS.get(approximation, "")
    return f"{prefix} {text}" if prefix else text


# --- what is not a figure, and what both finders share ------------------------------------

#: Latin units written after a number, with or without a space. `B` (billions of
#: parameters) only before 参数/parameters: otherwise `910B` is a chip's name.
LATIN_UNITS = (r"(?i:[EPTGM]?FLOPS)|[KMGTPEZ]B/s|[KMGTPEZ]B|[GMk]bps|kWh|[kMGT]W|GHz|MHz"
               r"|nm|km|ms|G|B(?=\s?(?:参数|parameters))")

#: How far back a measure is looked for: a clause longer than this is not read (its
#: measure would be far longer than 14 characters anyway), and the search stays linear.
CLAUSE_WINDOW = 80


def not_a_figure(text: str, start: int, num: str, num2: str | None) -> bool:
    """A number inside something else (a date, a code, a name) or shaped like a code."""
    return (is_part_of_something_else(text, start) or is_code_like(num)
            or bool(num2 and is_code_like(num2)))


def collect(pattern: re.Pattern, text: str, build) -> list[Figure]:
    """The figures `build(text, match)` makes of a pattern's matches (None: not a figure)."""
    return [figure for match in pattern.finditer(text) if (figure := build(text, match))]


def is_part_of_something_else(text: str, start: int) -> bool:
    """Digits that continue a name, a code or another number are not a figure.

    Left alone: after a letter or digit (`H100`, `Web3`, `FP16`), after a hyphen, dot or
    slash that follows one (`GPT-4`, `0591-87095403`, `v1.2`, `9/16`), after a colon
    between digits (`9:00`), after 第 or 前 (`第2期`, `总第 285 期`, `前10名`).

    >>> is_part_of_something_else("GPT-4", 4), is_part_of_something_else("9:00", 2)
    (True, True)
    >>> is_part_of_something_else("达到748EFLOPS", 2), is_part_of_something_else("第 2 期", 2)
    (False, True)
    """
    before = text[start - 1] if start else " "
    before2 = text[start - 2] if start > 1 else " "
    if before.isascii() and before.isalnum() or before in ("_", "#", "＃"):
        return True
    if before in ("-", ".", ",", ":", "/") and before2.isascii() and before2.isalnum():
        return True
    if before == " ":
        before = before2
    return before in ("第", "前")


def is_code_like(printed: str) -> bool:
    """A leading zero (`0591`) or eight digits and more in one run are codes, phone and
    licence numbers, not quantities: people write `1043万`, not `10430000`.

    >>> is_code_like("0591"), is_code_like("87095403"), is_code_like("0.5"), is_code_like("7,348")
    (True, True, False, False)
    """
    digits = printed.translate(FULL_WIDTH_DIGITS)
    whole = digits.split(".")[0]
    return (len(whole) > 1 and whole.startswith("0")) or bool(re.search(r"[0-9]{8}", digits))


def is_year(value: Decimal, printed: str) -> bool:
    """Four digits from 1900 to 2100, no comma, no decimals: a year when no unit says
    otherwise (`(2024-2025)`, `in 2023`; but `2000 PFLOPS`)."""
    return "," not in printed and "." not in printed and 1900 <= value <= 2100


_TOKEN = re.compile(r"[A-Za-z0-9０-９][A-Za-z0-9０-９\-.]*")


def has_number(phrase: str) -> bool:
    """Whether a phrase holds a number of its own; digits in a name (`5G`, `FP16`, `GPT-4`)
    do not count.

    >>> has_number("5G移动电话用户"), has_number("从 2012 年的 5%")
    (False, True)
    """
    return any(not re.search("[A-Za-z]", token) and re.search("[0-9０-９]", token)
               for token in _TOKEN.findall(phrase))
