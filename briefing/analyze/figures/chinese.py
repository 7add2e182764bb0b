"""Figures in Chinese text, and what each measures (`433款大模型`: 大模型)."""
from __future__ import annotations

import re
from decimal import Decimal

from ... import chardata as cd
from .numbers import (CHINESE_DIGITS, CHINESE_NUMERAL_CHARS, CLAUSE_WINDOW, DIGIT,
                      FULL_WIDTH_DIGITS, LATIN_UNITS, MAGNITUDES_ZH, NETWORK_GENERATION, NUMBER,
                      Figure, collect, has_number, is_year, not_a_figure, parse_chinese_numeral,
                      parse_number, qualifier_before, render_english)


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


def find_chinese(text: str) -> list[Figure]:
    figures = collect(ZH_FIGURE, text, _chinese_figure)
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

    >>> [(f.text, f.english, f.measure) for f in find_chinese("形成八大国家算力枢纽节点、十大数据中心集群的布局")]
    [('八大', '8', '国家算力枢纽节点'), ('十大', '10', '数据中心集群')]
    >>> [f.english for f in find_chinese("七部门联合发布。党的十八大以来，二十大，发布了三版报告")]
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


#: What makes `N年` a date or a decade rather than a duration: `24年3月`, `90年代`.
DATE_AFTER_YEAR = re.compile(rf" ?{DIGIT}{{1,2}} ?月|代")


def _chinese_figure(text: str, match: re.Match) -> Figure | None:
    """A figure from a match of `ZH_FIGURE`, or None when it is not one (see module doc)."""
    num, num2, mag = match["num"], match["num2"], match["mag"]
    unit = match["unit"] or match["latin"] or ""
    start = match.start()
    if not_a_figure(text, start, num, num2):
        return None
    low = parse_number(num)
    high = parse_number(num2) if num2 else None
    if high is not None and is_year(low, num) and is_year(high, num2):
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
                  english=match["frac"].translate(FULL_WIDTH_DIGITS),
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


def _is_measure_zh(phrase: str, longest: int) -> bool:
    if len(phrase) > longest:
        return False
    han = re.findall(f"[{cd.HAN}]", phrase)
    return (len(han) >= 2
            and not phrase.startswith("的") and not phrase.endswith("的")
            and not has_number(phrase)
            and phrase not in NOT_A_MEASURE_ZH and phrase not in VERBS_ZH
            and not phrase.startswith(PREDICATE_STARTS_ZH))
