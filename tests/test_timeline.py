"""Dated events for the timeline (`briefing/analyze/timeline.py`): examples, non-dates, the real
corpus, and properties that hold for any text."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import pipeline
from briefing.read import read_seed
from briefing.analyze.timeline import Event, find_events

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# (paragraph, language, document date) -> [(date, text as printed, resolved_year)]
POSITIVE = [
    # Chinese, year printed
    ("※这是习近平总书记2018年10月31日在十九届中央政治局第九次集体学习时的讲话要点。", "zh",
     "2018-10-31", [("2018-10-31", "2018年10月31日", False)]),
    ("2025 年 2 月 27 日", "zh", None, [("2025-02-27", "2025 年 2 月 27 日", False)]),
    ("5月1号起施行", "zh", "2025-04-20", [("2025-05-01", "5月1号", True)]),
    ("自 2022 年 11 月 ChatGPT 发布以来", "zh", None, [("2022-11", "2022 年 11 月", False)]),
    ("截至2024年11月末，我国累计建成5G基站", "zh", "2025-01-13",
     [("2024-11", "2024年11月", False)]),
    ("截至2025年4月份", "zh", None, [("2025-04", "2025年4月份", False)]),
    ("2024年2月29日", "zh", None, [("2024-02-29", "2024年2月29日", False)]),
    # Chinese, year from the document's date
    ("4月29日，习近平总书记来到这里", "zh", "2025-05-01", [("2025-04-29", "4月29日", True)]),
    ("就在几天前，4月25日，习近平总书记主持", "zh", "2025-05-01",
     [("2025-04-25", "4月25日", True)]),
    ("12月20日举行", "zh", "2025-01-10", [("2024-12-20", "12月20日", True)]),  # last year
    ("6月30日前完成", "zh", "2025-05-01", [("2025-06-30", "6月30日", True)]),  # near future
    ("9月1日", "zh", "2025-05-01", [("2024-09-01", "9月1日", True)]),  # too far ahead
    ("截止到今年3月份，我们在用标准基架", "zh", "2025-05-01", [("2025-03", "今年3月份", True)]),
    ("去年7月以来，我在四川", "zh", "2024-01-31", [("2023-07", "去年7月", True)]),
    ("去年12月20日", "zh", "2025-05-01", [("2024-12-20", "去年12月20日", True)]),
    # numeric, both languages, with the time kept in the text
    ("2025-05-01 11:54:40 来源:央视新闻客户端", "zh", None,
     [("2025-05-01", "2025-05-01 11:54:40", False)]),
    ("2025/09/16 与 2025.9.16", "zh", None,
     [("2025-09-16", "2025/09/16", False), ("2025-09-16", "2025.9.16", False)]),
    ("2025-09-16", "en", None, [("2025-09-16", "2025-09-16", False)]),
    ("Posted 2025-09-16T10:00:00.", "en", None,
     [("2025-09-16", "2025-09-16T10:00:00", False)]),
    # English
    ("It was issued on September 16, 2025.", "en", None,
     [("2025-09-16", "September 16, 2025", False)]),
    ("It was issued on 16 September 2025.", "en", None,
     [("2025-09-16", "16 September 2025", False)]),
    ("It was issued on Sept. 16, 2025.", "en", None, [("2025-09-16", "Sept. 16, 2025", False)]),
    ("It was issued on Sep 16th, 2025.", "en", None, [("2025-09-16", "Sep 16th, 2025", False)]),
    ("The plan was released in April 2025.", "en", None, [("2025-04", "April 2025", False)]),
    ("On April 29, he visited Shanghai.", "en", "2025-05-01", [("2025-04-29", "April 29", True)]),
    # several in one paragraph, in reading order
    ("2018年10月31日讲话；4月29日考察。", "zh", "2025-05-01",
     [("2018-10-31", "2018年10月31日", False), ("2025-04-29", "4月29日", True)]),
]

# (paragraph, language, document date): nothing in them is a dated event
NEGATIVE = [
    ("举报电话:0591-87095403(工作日9:00-12:00、15:00-18:00)", "zh", "2025-05-01"),
    ("增值电信业务经营许可证 闽B2-20100029", "zh", "2025-05-01"),
    ("《促进新一代人工智能产业发展三年行动计划（2018—2020年）》", "zh", "2025-01-13"),
    ("北京市推动“人工智能+”行动计划（2024—2025年）", "zh", "2025-05-01"),
    ('"Beijing Action Plan (2024-2025)"', "en", "2025-05-01"),
    ("2016年，“人工智能”被写入“十三五”规划纲要", "zh", "2025-05-01"),  # a year alone
    ("By the end of 2025, the city will", "en", "2025-05-01"),
    ("截至2024年底，12月中旬", "zh", "2025-05-01"),
    ("4月份的数据", "zh", "2025-05-01"),
    ("截止到今年3月份", "zh", None),  # 今年 of an undated document
    ("4月29日，习近平总书记来到这里", "zh", None),  # no year anywhere
    ("On April 29, he visited Shanghai.", "en", None),
    ("9:00-12:00", "zh", "2025-05-01"),
    ("2月30日", "zh", "2025-05-01"),
    ("2025年2月30日", "zh", None),  # invalid, and 2月30日 inside it is not tried either
    ("2025年13月", "zh", None),
    ("2025-02-30 and 2025-13-01", "en", None),
    ("每年3月15日，同年4月29日", "zh", "2025-05-01"),  # year words that name no known year
    ("12025年1月1日", "zh", None),  # a five-digit number is no year
    ("version 2024.10.1, v2024.10.1, 版本 2024.10.1, 1.2025.03.01", "en", None),
    ("Yesterday, last month, in April this year", "en", "2025-05-01"),
    ("0591-8709-5403", "zh", None),
]


def found(text: str, language: str, document_date: str | None) -> list[tuple]:
    return [(e.date, e.text, e.resolved_year) for e in find_events(text, language, document_date)]


@pytest.mark.parametrize("text, language, document_date, expected", POSITIVE,
                         ids=[case[0][:30] for case in POSITIVE])
def test_finds_dated_events(text, language, document_date, expected):
    assert found(text, language, document_date) == expected


@pytest.mark.parametrize("text, language, document_date", NEGATIVE,
                         ids=[case[0][:30] for case in NEGATIVE])
def test_ignores_what_is_not_a_dated_event(text, language, document_date):
    assert found(text, language, document_date) == []


def test_event_knows_its_offset_and_sentence():
    text = "前一句。就在几天前，4月25日，总书记主持集体学习。”后一句。"
    [event] = find_events(text, "zh", "2025-05-01")
    assert event == Event(date="2025-04-25", text="4月25日", start=10, resolved_year=True,
                          sentence="就在几天前，4月25日，总书记主持集体学习。”")


def test_english_sentence_is_not_cut_at_an_abbreviated_month():
    text = "Old news. The opinions were issued on Sept. 16, 2025 by the State Council. Next."
    [event] = find_events(text, "en", None)
    assert event.sentence == "The opinions were issued on Sept. 16, 2025 by the State Council."


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        find_events("2025-09-16", "fr", None)


# --- the real corpus ---------------------------------------------------------------------

FULL_DATES = [re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"),
              re.compile(r"\d{4}-\d{2}-\d{2}")]


@pytest.fixture(scope="module")
def corpus():
    return pipeline.analyse_corpus(SEEDS)


def corpus_events(corpus) -> dict[str, list[Event]]:
    """Events per document id, over the paragraphs of every article and compilation."""
    return {doc.id: [e for p in doc.paragraphs
                     for e in find_events(p.text, doc.language, doc.date)]
            for doc in corpus.documents + corpus.compilations}


def test_every_full_date_printed_in_the_corpus_is_an_event(corpus):
    checked = 0
    for doc in corpus.documents + corpus.compilations:
        for para in doc.paragraphs:
            events = {e.start: e for e in find_events(para.text, doc.language, doc.date)}
            for pattern in FULL_DATES:
                for match in pattern.finditer(para.text):
                    event = events.get(match.start())
                    where = f"{doc.id} {para.id}: {match.group()!r}"
                    assert event is not None, f"{where} is not an event"
                    assert event.text.startswith(match.group()), where
                    assert len(event.date) == 10 and not event.resolved_year, where
                    checked += 1
    assert checked >= 6  # 2018年10月31日, 2024年1月31日, 3 × 2025年4月29日, the masthead


def test_known_events_of_the_corpus(corpus):
    events = corpus_events(corpus)

    def of(doc_id):
        return [(e.date, e.text, e.resolved_year) for e in events[doc_id]]

    assert ("2018-10-31", "2018年10月31日", False) in of("002-cf7a6355ccf0b9a8-a2")
    assert ("2024-01-31", "2024年1月31日", False) in of("002-cf7a6355ccf0b9a8-a1")
    assert ("2025-02-27", "2025 年 2 月 27 日", False) in of("002-cf7a6355ccf0b9a8")
    assert ("2022-11", "2022 年 11 月", False) in of("002-cf7a6355ccf0b9a8-a7")
    doc_004 = of("004-593e9b3dadb7e903")
    assert ("2025-04-29", "4月29日", True) in doc_004
    assert ("2025-04-25", "4月25日", True) in doc_004
    # 001 is undated: its 今年3月份 stays unplaced; 003 prints only `Yesterday` and years.
    assert "今年3月份" not in [text for _, text, _ in of("001-2603e452646e1bca")]
    assert of("003-c67a1687915d7e32") == []


def test_metadata_lines_dates_are_found_with_their_time(corpus):
    lines = {doc.id: [b.text for b in doc.metadata_lines] for doc in corpus.documents}
    assert found(lines["000-80a0138ffffb83b7"][0], "en", None) == [
        ("2025-09-16", "2025-09-16", False)]
    assert found(lines["004-593e9b3dadb7e903"][0], "zh", None)[0] == (
        "2025-05-01", "2025-05-01 11:54:40", False)


def test_raw_seed_footer_numbers_are_not_dates():
    """Seed 004 as scraped, footer and all (phone, licence numbers, office hours)."""
    seed = read_seed(SEEDS / "004_593e9b3dadb7e903.txt")
    assert "0591-87095403" in seed.text and "20100029" in seed.text
    dates = {e.date for e in find_events(seed.text, "zh", "2025-05-01")}
    assert dates == {"2025-05-01", "2025-04-29", "2025-04-25"}


# --- properties --------------------------------------------------------------------------

FRAGMENTS = ["2025", "2024", "12", "4", "29", "0591", "年", "月", "日", "号", "份", "今年", "去年",
             "明年", "同年", "-", "/", ".", ":", " ", "T", "。", "，", "！", "? ", ". ", "\n",
             "September", "Sept.", "May", "16", "16th", ",", "v", "版本", "B2-", "—", "(", ")",
             "”", "9:00"]
paragraphs = st.one_of(st.text(max_size=80),
                       st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join))
document_dates = st.one_of(st.none(), st.dates().map(date.isoformat), st.text(max_size=12))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs, st.sampled_from(["zh", "en"]), document_dates)
def test_events_point_at_their_text(text, language, document_date):
    events = find_events(text, language, document_date)
    end = 0
    for event in events:
        assert event.text == text[event.start:event.start + len(event.text)]
        assert event.start >= end  # in reading order, never overlapping
        end = event.start + len(event.text)
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", event.date)
        if len(event.date) == 10:
            date.fromisoformat(event.date)
        assert event.text in event.sentence
        if document_date is None:
            assert not event.resolved_year  # never invent a year
