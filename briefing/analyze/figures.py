"""Key figures in a paragraph: every number with a unit, and what it measures.

A briefing quotes its documents' numbers (`433款大模型`, `748EFLOPS`, `7,348 PFLOPS`); this
module finds them in one paragraph of cleaned text (Simplified Chinese or English) and says,
for each, what was printed, its value, its unit, what it measures when the text says so, how
it reads in English and which sentence holds it. It is pure: text in, `Figure`s out.

What counts as a figure:

- Chinese: Arabic digits (ASCII or full width, with thousands commas and a decimal point), a
  magnitude (万, 亿, 万亿 — not 千 or 百: `5千瓦` is 5 kW, and nobody writes `3千家`), 余/多
  ("more than") and a unit: a measure word (个 款 家 项 件 架 台 …), money (元, 美元), %,
  个百分点, a physical unit (千瓦, 毫秒 …) or a Latin one written after the number (EFLOPS,
  ZB, GB/s …); or digits and a magnitude alone (`达到1亿，`, unit ``). Ranges (`3-5个`) and
  shares written as fractions after 占 (`占世界 1/3`) too.
- English: a number with commas or decimals, an optional thousand/million/billion/trillion,
  and a unit (yuan, %, percent, PFLOPS …) or a counted noun phrase ending in a plural
  (`82 large models`, `1,000 industry success cases`); ranges (`3-5 … products`).

What is deliberately left alone: dates and years (`2025年2月27日`, `2024年`, `4月29日`,
`2025-09-16`, `(2024-2025)`), times (`9:00`), phone, licence and ID numbers (a leading zero,
or eight digits or more in one run), ordinals and issue numbers (`第2期`, `总第285期`, `前10名`),
names and versions with digits in them (`GPT-4`, `H100`, `Web3`, `文心 1.0`), network
generations (`5G`, `6G`), and idioms made of numerals (`千行百业`, `百模争鸣`, `十九大`).

Chinese numerals are read only where they are unambiguous: before 倍 (`十倍`), before
个百分点, and before money when the numeral holds 万 or 亿 (`万亿元`, `三千亿元`). Elsewhere
(`三个方面`, `一批企业`, `一种技术`) a numeral is as often an article as a count, so it is not
taken. English number words (`five fields`) are not read either.

A qualifier printed before the number (`近6000亿元`, `超过1.3万个`, `more than 40%`) stays out
of the figure: it belongs to the sentence, which every figure carries. One printed inside the
figure (`400余家`, `3 倍多`, `13% 以上`) is part of it and of its English.

>>> [figure] = find_figures("我国人工智能专利申请量达157.6万件。", "zh")
>>> figure.text, figure.number, figure.english, figure.measure
('157.6万件', 1576000.0, '1.576 million', '人工智能专利申请量')
>>> [figure] = find_figures("The city registered 82 large models.", "en")
>>> figure.text, figure.unit, figure.measure
('82 large models', 'large models', 'large models')
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from .. import chardata as cd

LANGUAGES = ("zh", "en")


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


def find_figures(text: str, language: str) -> list[Figure]:
    """Every key figure of a paragraph, in reading order. `language` is `zh` or `en`.

    >>> [f.english for f in find_figures("核心产业规模近6000亿元，入驻企业100余家。", "zh")]
    ['nearly 600 billion yuan', 'more than 100']
    >>> find_figures("2025年4月29日第2期，千行百业，5G、GPT-4", "zh")
    []
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    found = _without_overlaps(_find_chinese(text) if language == "zh" else _find_english(text))
    # The finders leave `sentence` empty: it is filled here, each sentence cut out once and
    # shared by its figures (a long paragraph with many figures stays linear).
    spans = sentence_spans(text, language)
    ends = [end for _, end in spans]
    sentences: dict[int, str] = {}
    for figure in found:
        index = bisect_right(ends, figure.start)
        if index not in sentences:
            begin, end = spans[index]
            sentences[index] = text[begin:end].strip()
        figure.sentence = sentences[index]
    return found


def _without_overlaps(figures: list[Figure]) -> list[Figure]:
    """In reading order; where two readings overlap, the one that starts first wins."""
    kept: list[Figure] = []
    for figure in sorted(figures, key=lambda f: (f.start, -len(f.text))):
        if not kept or figure.start >= kept[-1].start + len(kept[-1].text):
            kept.append(figure)
    return kept


# --- numbers --------------------------------------------------------------------------------

DIGIT = "[0-9０-９]"
#: `7,348`, `157.6`, `1979`: thousands commas only in groups of three, so `1,2` is two numbers.
NUMBER = rf"{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})+(?:\.{DIGIT}+)?|{DIGIT}+(?:\.{DIGIT}+)?"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

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
    return Decimal(printed.translate(_FULL_WIDTH_DIGITS).replace(",", ""))


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


# --- sentences ------------------------------------------------------------------------------

_SENTENCE_END = {"zh": re.compile(r"[。！？!?][”’」』\"]*"),
                 "en": re.compile(r"[.!?][\"”’')]*(?=\s)")}


def sentence_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Where each sentence of a paragraph begins and ends; the last one ends with the text.

    Chinese sentences end at 。！？, English ones at `. ` (or ! ?) followed by white space,
    so `2.64` and `1.5%` do not end one. A closing quote after the mark stays with its
    sentence. (`U.S. ` would end an English sentence: accepted.)

    >>> sentence_spans("第一句。规模很大！尾", "zh")
    [(0, 4), (4, 9), (9, 10)]
    """
    spans, begin = [], 0
    for match in _SENTENCE_END[language].finditer(text):
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, len(text)))
    return spans


def sentence_at(text: str, position: int, language: str) -> str:
    """The sentence holding `position`, stripped.

    >>> sentence_at("第一句。规模达到748EFLOPS，很大！第三句", 8, "zh")
    '规模达到748EFLOPS，很大！'
    >>> sentence_at("It grew 2.5%. Then 7,348 PFLOPS were added. End", 20, "en")
    'Then 7,348 PFLOPS were added.'
    """
    spans = sentence_spans(text, language)
    begin, end = spans[bisect_right([e for _, e in spans], position)]
    return text[begin:end].strip()


# --- Chinese --------------------------------------------------------------------------------

#: Measure words: they count things, and the noun they count usually follows (`433款大模型`).
COUNTING_WORDS = ["个", "款", "家", "项", "件", "架", "台", "套", "名", "位", "所", "座", "条",
                  "部", "篇", "种", "类", "批", "户", "辆", "张", "块", "颗", "枚", "本", "份",
                  "场", "艘"]
#: Other Chinese units. 次 counts events (`2 亿次`); 度 is a unit only with a magnitude
#: (`128.7 万度` of electricity), never an angle or a temperature; 年 only for a duration.
OTHER_UNITS_ZH = ["个百分点", "百分点", "个月", "人年", "人次", "人口", "人", "次", "倍",
                  "平方公里", "平方米", "立方米", "千瓦时", "千瓦", "兆瓦", "吉瓦", "吨",
                  "公里", "千米", "米", "毫秒", "秒", "分钟", "小时", "天", "年",
                  "美元", "欧元", "港元", "元", "度", "参数", "汉字", "字", "%", "％", "‰"]
#: Latin units written after a number, with or without a space. `B` (billions of
#: parameters) only before 参数/parameters: otherwise `910B` is a chip's name.
LATIN_UNITS = (r"(?i:[EPTGM]?FLOPS)|[KMGTPEZ]B/s|[KMGTPEZ]B|[GMk]bps|kWh|[kMGT]W|GHz|MHz"
               r"|nm|km|ms|G|B(?=\s?(?:参数|parameters))")

#: Clause boundaries in Chinese text: the measure of a figure never reaches across one.
#: Quotation marks are not among them (`“新三样”产品出口值`).
BOUNDARY_ZH = set(cd.CJK_PUNCT) - set("“”‘’·") | set(",;:!?()[]")


def _units_pattern(units: list[str]) -> str:
    return "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))


ZH_FIGURE = re.compile(
    rf"(?P<num>{NUMBER})"
    rf"(?: ?(?P<dash>[-–—~～至]) ?(?P<num2>{NUMBER}))?"
    rf"(?: ?(?P<mag>万亿|亿|万))?"
    rf"(?P<approx>余|多)?"
    rf"(?: ?(?:(?P<unit>{_units_pattern(COUNTING_WORDS + OTHER_UNITS_ZH)})"
    rf"|(?P<latin>{LATIN_UNITS})(?![A-Za-z0-9])))?"
    rf"(?P<after>(?<=倍)多| ?(?:以上|以下|左右))?")

#: Numerals that start a number elsewhere, or make it a rank (`第十`, `前三`), or an
#: estimate rather than a figure (`数十倍`, `几十倍`, `上千亿元`, `成百上千`).
_NOT_BEFORE_NUMERAL = "数几第上成前多余0-9０-９" + CHINESE_NUMERAL_CHARS
ZH_NUMERAL_FIGURE = re.compile(
    rf"(?<![{_NOT_BEFORE_NUMERAL}])(?P<cn>[{CHINESE_NUMERAL_CHARS}]+)(?P<approx>余|多)?"
    rf"(?P<unit>倍|个百分点|美元|元)")

#: Counts written in Chinese numerals: `七部门` (departments), `三版` (editions), and
#: `八大国家算力枢纽节点` (N + 大 + what is counted). One numeral from 三 to 十, not after
#: another numeral: `十八大` (a congress), `二十大` are names, and 一/两 mostly are not
#: counts (`一批`, `两个方面`).
ZH_NUMERAL_COUNT = re.compile(
    rf"(?<![数几第前0-9０-９{CHINESE_NUMERAL_CHARS}])(?P<cn>[三四五六七八九十])"
    rf"(?:(?P<unit>部门|版)|大(?=[\u4e00-\u9fff]{{2}}))")

#: A share written as a fraction after 占: `工业机器人保有量占世界 1/3`.
ZH_FRACTION = re.compile(rf"占(?:全球|世界|全国)? ?(?P<frac>(?P<n>{DIGIT}{{1,2}})/"
                         rf"(?P<d>{DIGIT}{{1,3}}))(?![0-9０-９/])")


def _not_a_figure(text: str, start: int, num: str, num2: str | None) -> bool:
    """A number inside something else (a date, a code, a name) or shaped like a code."""
    return (is_part_of_something_else(text, start) or is_code_like(num)
            or bool(num2 and is_code_like(num2)))


def _collect(pattern: re.Pattern, text: str, build) -> list[Figure]:
    """The figures `build(text, match)` makes of a pattern's matches (None: not a figure)."""
    return [figure for match in pattern.finditer(text) if (figure := build(text, match))]


def _find_chinese(text: str) -> list[Figure]:
    figures = _collect(ZH_FIGURE, text, _chinese_figure)
    taken = [(f.start, f.start + len(f.text)) for f in figures]
    for match in ZH_NUMERAL_FIGURE.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            figure = _chinese_numeral_figure(text, match)
            if figure:
                figures.append(figure)
    taken = [(f.start, f.start + len(f.text)) for f in figures]
    for match in ZH_NUMERAL_COUNT.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            figures.append(_chinese_count_figure(text, match))
    for match in ZH_FRACTION.finditer(text):
        figures.append(_fraction_figure(text, match))
    return figures


def _chinese_count_figure(text: str, match: re.Match) -> Figure:
    """`七部门` -> 7 government departments; `八大国家算力枢纽节点` -> 8 (国家算力枢纽节点).

    >>> [(f.text, f.english, f.measure) for f in _find_chinese("形成八大国家算力枢纽节点、十大数据中心集群的布局")]
    [('八大', '8', '国家算力枢纽节点'), ('十大', '10', '数据中心集群')]
    >>> [f.english for f in _find_chinese("七部门联合发布。党的十八大以来，二十大，发布了三版报告")]
    ['7 government departments', '3 editions']
    """
    value = Decimal(parse_chinese_numeral(match["cn"]))
    unit = match["unit"] or "大"
    english = render_english(value, None, False, unit, "")
    # After 大, what is counted runs to a particle or punctuation (at most 12 characters).
    counted = re.match(r"[\u4e00-\u9fff]{2,12}?(?=之一|[的和与及、，。；：,;]|$)",
                       text[match.end():]) if not match["unit"] else None
    measure = counted.group(0) if counted else ""
    return Figure(text=match[0], start=match.start(), number=float(value), unit=unit,
                  measure=measure, english=english, sentence="")


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
    digits = printed.translate(_FULL_WIDTH_DIGITS)
    whole = digits.split(".")[0]
    return (len(whole) > 1 and whole.startswith("0")) or bool(re.search(r"[0-9]{8}", digits))


#: What makes `N年` a date or a decade rather than a duration: `24年3月`, `90年代`.
DATE_AFTER_YEAR = re.compile(rf" ?{DIGIT}{{1,2}} ?月|代")


def _is_year(value: Decimal, printed: str) -> bool:
    """Four digits from 1900 to 2100, no comma, no decimals: a year when no unit says
    otherwise (`(2024-2025)`, `in 2023`; but `2000 PFLOPS`)."""
    return "," not in printed and "." not in printed and 1900 <= value <= 2100


def _chinese_figure(text: str, match: re.Match) -> Figure | None:
    """A figure from a match of `ZH_FIGURE`, or None when it is not one (see module doc)."""
    num, num2, mag = match["num"], match["num2"], match["mag"]
    unit = match["unit"] or match["latin"] or ""
    start = match.start()
    if _not_a_figure(text, start, num, num2):
        return None
    low = parse_number(num)
    high = parse_number(num2) if num2 else None
    if high is not None and _is_year(low, num) and _is_year(high, num2):
        return None  # `2014—2023年`, `2018-2020`
    if unit == "度" and not mag:
        return None  # `360度`: an angle or a temperature, not electricity
    if unit == "年" and (not mag and low >= 100 or DATE_AFTER_YEAR.match(text, match.end())):
        return None  # a year (`2024年`), a date (`24年3月`), a decade (`90年代`)
    if unit == "G" and not mag and high is None and re.fullmatch(NETWORK_GENERATION, num):
        return None  # `5G`, `6G`: network generations, not gigabytes (`8G` is memory)
    if not unit and not mag:
        return None
    end = match.end()
    approximation = (match["approx"] or "") or (match["after"] or "").strip() \
        or qualifier_before(text, start)
    size = MAGNITUDES_ZH[mag] if mag else 1
    english = render_english(low * size, high * size if high is not None else None,
                             bool(mag), unit, approximation)
    return Figure(text=text[start:end], start=start, number=float(low * size), unit=unit,
                  measure=measure_chinese(text, start, end, unit),
                  english=english, sentence="")


def _chinese_numeral_figure(text: str, match: re.Match) -> Figure | None:
    numeral, unit = match["cn"], match["unit"]
    if unit in ("元", "美元") and not re.search("[万亿]", numeral):
        return None  # `三元锂电池`, `一元化`, `二元结构`: words, not money
    if not re.search(f"[{''.join(CHINESE_DIGITS)}十]", numeral) and "亿" not in numeral:
        return None  # `万元GDP能耗`: a per-unit expression, not an amount
    value = Decimal(parse_chinese_numeral(numeral))
    approximation = match["approx"] or qualifier_before(text, match.start())
    english = render_english(value, None, value >= 10 ** 4, unit, approximation)
    return Figure(text=match[0], start=match.start(), number=float(value), unit=unit,
                  measure=measure_chinese(text, match.start(), match.end(), unit),
                  english=english, sentence="")


def _fraction_figure(text: str, match: re.Match) -> Figure:
    start, end = match.span("frac")
    value = parse_number(match["n"]) / parse_number(match["d"]) if int(
        parse_number(match["d"])) else Decimal(0)
    return Figure(text=match["frac"], start=start, number=float(value), unit="",
                  measure=measure_chinese(text, start, end, ""),
                  english=match["frac"].translate(_FULL_WIDTH_DIGITS),
                  sentence="")


# --- what a Chinese figure measures -------------------------------------------------------

#: Words that end the noun after a measure word: particles, conjunctions, and the verbs
#: that most often follow a count (`433款大模型完成备案`).
NOUN_STOPS_ZH = ["的", "了", "在", "和", "与", "及", "并", "等", "是", "为", "已", "将", "被",
                 "中", "到", "从", "向", "对", "由", "于", "也", "都", "均", "或", "而", "共",
                 "完成", "实现", "进行", "开展", "参与", "入选", "获得", "通过", "上线",
                 "提供", "覆盖", "落地", "建成", "形成", "发布", "位居", "达到", "超过",
                 "占", "累计", "其中", "分别", "以上", "左右", "用于"]
#: Between the measure and the number, read from the number back: qualifiers, then one
#: verb, then adverbs. (`产业规模同比增长14.9%`, `数据生产总量超 32ZB`)
QUALIFIERS_ZH = ["近", "约", "超", "逾", "大约", "将近", "接近", "每天", "每年", "日均",
                 "年均", "全球", "世界", "全国"]
VERBS_ZH = ["达到了", "达到", "达", "超过了", "超过", "突破了", "突破", "增长了", "增长到",
            "增长至", "增长", "增加到", "增加至", "增加了", "增加", "增至", "提高到", "提高至",
            "提高了", "提升到", "提升至", "提升了", "下降到", "下降至", "下降了", "下降",
            "降至", "降低到", "降低至", "高达", "约为", "为", "是", "占", "到", "至", "实现",
            "新增", "拥有", "共有", "提高", "提升", "降低", "减少"]
ADVERBS_ZH = ["同比", "已经", "已", "将", "共", "合计", "累计", "均", "也", "分别", "预计",
              "首次", "总计", "总共"]
#: Context that opens a clause and is not part of the measure: a date, a time word, the
#: subject (`我国`), an adverb, or a 的 left over after a bracket (`H100 (SXM) 的 FP16 算力`).
LEADING_CONTEXT_ZH = re.compile(
    rf"^(?:(?:截至|截止到?|到) ?)?{DIGIT}{{4}} ?年(?: ?{DIGIT}{{1,2}} ?月)?"
    r"(?:份|底|末|初|以来|上半年|下半年)? ?"
    r"|^(?:的|今年以来|今年|去年|目前|当前|近年来|此外|同时|其中|例如|比如|而且|而|但|并|"
    r"我国|我们|全国|全省|全市|我市|本市|已经|已|累计|共|建成|拥有)")
NOT_A_MEASURE_ZH = {"支持", "具有", "以其", "其中", "同比", "比重", "总量"}
#: A phrase opening with a copula or a verb is a predicate, not what is measured (`已是其 3 倍`).
PREDICATE_STARTS_ZH = ("是", "为", "有", "占", "达", "比", "其")
#: Units that name what they count: `14 亿人口` measures the population.
SELF_NAMING_UNITS = {"人口": "人口"}


def measure_chinese(text: str, start: int, end: int, unit: str) -> str:
    """What the figure at `text[start:end]` measures, when the text says so; else ``.

    Tried in turn, each giving up rather than guessing:

    1. after a measure word (or a bare magnitude), the noun it counts, up to a particle,
       a following verb or punctuation, at most 10 characters: `433款大模型完成备案` ->
       `大模型`. A longer noun gives up at once (`400余家人工智能领域国家级专精特新的…`);
    2. `N unit 的 X`: `900GB/s 的卡间互联带宽` -> `卡间互联带宽`;
    3. `X 达到(了)/超过/突破/增长/为/约 N`, the noun phrase before the verb back to the clause's
       start, a leading date or subject (`2023年`, `我国`) dropped, at most 14 characters
       (or what follows its last 的): `智能算力的规模达到了748EFLOPS` -> `智能算力的规模`;
    4. `X N unit` ending a clause with no verb between: `国家企业技术中心 1798 家，`.

    A measure has two Chinese characters at least and no other number in it (`5G` and
    `FP16` are names, not numbers). A figure right after 的 (`是昇腾 910B 的 5.2 倍`)
    modifies something else and gets ``.

    >>> s = "我国已有433款大模型完成备案"
    >>> measure_chinese(s, s.index("433"), s.index("大"), "款")
    '大模型'
    >>> s = "智能算力的规模达到了748EFLOPS,5G"
    >>> measure_chinese(s, s.index("748"), s.index(","), "EFLOPS")
    '智能算力的规模'
    >>> s = "截至2025年4月，我国人工智能专利申请量达157.6万件，占全球38.58%"
    >>> measure_chinese(s, s.index("157"), s.index("，占"), "件")
    '人工智能专利申请量'
    >>> measure_chinese(s, s.index("38"), len(s), "%")
    ''
    """
    if unit in SELF_NAMING_UNITS:
        return SELF_NAMING_UNITS[unit]
    if unit in COUNTING_WORDS or not unit:
        counted = _noun_after(text, end)
        if counted is not None:
            return counted if _is_measure_zh(counted, 10) else ""
    described = _noun_after_de(text, end)
    if described:
        return described
    return _phrase_before_zh(text, start, end)


def _noun_after(text: str, end: int) -> str | None:
    """The noun right after a measure word; None when punctuation follows at once."""
    rest = text[end:end + 16]  # a window, not the rest of the text: measures are short
    if rest.startswith(" "):
        rest = rest[1:]
    if not rest or rest[0] in BOUNDARY_ZH or rest[0] == "的" or rest[0].isdigit():
        return None
    return _run_until_stop(rest)


def _run_until_stop(rest: str, longest: int = 10) -> str:
    """The text up to the first boundary, digit or stop word; past `longest` characters the
    run is returned cut one character beyond it (too long to be a measure: rejected)."""
    rest = rest[:longest + 1]
    for i, char in enumerate(rest):
        if char in BOUNDARY_ZH or char.isdigit() and not _glued_to_latin(rest, i):
            return rest[:i].strip()
        if any(rest.startswith(stop, i) for stop in NOUN_STOPS_ZH):
            return rest[:i].strip()
    return rest.strip()


def _glued_to_latin(text: str, i: int) -> bool:
    before = text[i - 1] if i else ""
    return before.isascii() and before.isalpha()


def _noun_after_de(text: str, end: int) -> str:
    match = re.compile(" ?的").match(text, end)
    if not match:
        return ""
    rest = text[match.end():match.end() + 16]
    noun = _run_until_stop(rest)
    return noun if _is_measure_zh(noun, 10) else ""


#: How far back a measure is looked for: a clause longer than this is not read (its
#: measure would be far longer than 14 characters anyway), and the search stays linear.
CLAUSE_WINDOW = 80


def _phrase_before_zh(text: str, start: int, end: int) -> str:
    window_start = max(0, start - CLAUSE_WINDOW)
    boundaries = [i for i in range(window_start, start) if text[i] in BOUNDARY_ZH]
    if boundaries:
        clause_start = boundaries[-1] + 1
    elif window_start == 0:
        clause_start = 0
    else:
        return ""
    phrase = text[clause_start:start].strip()
    phrase, qualified = _strip_suffixes(phrase, QUALIFIERS_ZH, repeat=True)
    phrase, verb = _strip_suffixes(phrase, VERBS_ZH, repeat=False)
    phrase, _ = _strip_suffixes(phrase, ADVERBS_ZH, repeat=True)
    if not (qualified or verb):
        # No verb: only `X N unit` closing its clause says that N measures X.
        rest = text[end:end + 8].lstrip(" ")
        if rest and rest[0] not in BOUNDARY_ZH:
            return ""
    while True:
        shorter = LEADING_CONTEXT_ZH.sub("", phrase, count=1).strip()
        if shorter == phrase:
            break
        phrase = shorter
    if len(phrase) > 14 and "的" in phrase:
        phrase = phrase.rsplit("的", 1)[1].strip()
    return phrase if _is_measure_zh(phrase, 14) else ""


def _strip_suffixes(phrase: str, words: list[str], repeat: bool) -> tuple[str, bool]:
    stripped = False
    ordered = sorted(words, key=len, reverse=True)
    while True:
        for word in ordered:
            if phrase.endswith(word):
                phrase = phrase[: -len(word)].rstrip()
                stripped = True
                break
        else:
            return phrase, stripped
        if not repeat:
            return phrase, stripped


_TOKEN = re.compile(r"[A-Za-z0-9０-９][A-Za-z0-9０-９\-.]*")


def has_number(phrase: str) -> bool:
    """Whether a phrase holds a number of its own; digits in a name (`5G`, `FP16`, `GPT-4`)
    do not count.

    >>> has_number("5G移动电话用户"), has_number("从 2012 年的 5%")
    (False, True)
    """
    return any(not re.search("[A-Za-z]", token) and re.search("[0-9０-９]", token)
               for token in _TOKEN.findall(phrase))


def _is_measure_zh(phrase: str, longest: int) -> bool:
    if len(phrase) > longest:
        return False
    han = re.findall(f"[{cd.HAN}]", phrase)
    return (len(han) >= 2
            and not phrase.startswith("的") and not phrase.endswith("的")
            and not has_number(phrase)
            and phrase not in NOT_A_MEASURE_ZH and phrase not in VERBS_ZH
            and not phrase.startswith(PREDICATE_STARTS_ZH))


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


def _find_english(text: str) -> list[Figure]:
    return _collect(EN_FIGURE, text, _english_figure)


def _english_figure(text: str, match: re.Match) -> Figure | None:
    """A figure from a match of `EN_FIGURE`, or None when it is not one (see module doc)."""
    num, num2, mag = match["num"], match["num2"], match["mag"]
    start = match.start()
    if _not_a_figure(text, start, num, num2):
        return None
    low = parse_number(num)
    unit = match["pct"] or match["word"] or match["latin"] or match["currency"] or ""
    if unit == "G" and not mag and not num2 and re.fullmatch(NETWORK_GENERATION, num):
        return None  # `5G`, `6G`
    if num2 and _is_year(low, num) and _is_year(parse_number(num2), num2):
        return None  # `(2024-2025)`
    end = match.end()
    measure = ""
    if not unit:
        counted = counted_phrase(text, end)
        if counted is None:
            if not mag:
                return None
        else:
            if not mag and _is_year(low, num):
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
