"""The cleaner's output on the seeds, against the reviewed expected text (tests/expected/)."""
from __future__ import annotations

import re

import pytest

from conftest import SEEDS
from expected_text import EXPECTED, cleaned_documents, expected_files

ACTUAL = expected_files(SEEDS)
DOCUMENTS = cleaned_documents(SEEDS)
HOW = "if the change is deliberate, run .venv/bin/python tests/expected_text.py and review"


def test_every_document_has_expected_text():
    assert sorted(ACTUAL) == sorted(p.name for p in EXPECTED.glob("*.txt")), HOW


@pytest.mark.parametrize("name", sorted(ACTUAL))
def test_cleaned_text_matches_expected(name):
    expected = (EXPECTED / name).read_text(encoding="utf-8")
    assert ACTUAL[name] == expected, HOW


def test_eleven_documents_and_the_compilation_articles_of_its_contents():
    articles = [d for d in DOCUMENTS if d.kind != "compilation"]
    assert len(articles) == 11
    compilation = next(d for d in DOCUMENTS if d.kind == "compilation")
    titles = [d.title["zh"] for d in articles if d.parent == compilation.id]
    assert titles == [
        "发展新质生产力是推动高质量发展的内在要求和重要着力点",
        "推动我国新一代人工智能健康发展",
        "深刻领悟发展新质生产力的核心要义和实践要求",
        "抢抓人工智能发展的历史性机遇——深刻领会习近平总书记关于人工智能的重要论述",
        "“人工智能+”赋能新质生产力发展",
        "推动人工智能大模型行业应用",
        "我国生成式人工智能的发展现状与趋势",
    ]
    authors = [d.authors for d in articles if d.parent == compilation.id]
    assert authors == [["习近平"], ["习近平"], ["黄汉权"], ["高文"], ["董志勇"],
                       ["张越", "王晓明"], ["王飞跃"]]


ARTIFACTS = {
    "pinyin note": re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]"),
    "HTML remnant": re.compile(r"</?[a-z]+[^>]*>|\?/p>|&[a-z]+;"),
    "site chrome": re.compile(r"打印 \| 收藏|字号 大 中 小|许可证|举报电话|举报邮箱|Special statement"
                              r"|版权所有|之版权|不得转载|!\[\]"),
}


@pytest.mark.parametrize("kind", sorted(ARTIFACTS))
def test_no_artifact_left_in_any_page(kind):
    # The one pinyin note left (`惿a(chǎn)`) sits in a span the cleaner flags and an erratum
    # corrects; everything else of this kind must be gone.
    for doc in DOCUMENTS:
        for p in doc.paragraphs:
            found = [m for m in ARTIFACTS[kind].findall(p.text)
                     if not (kind == "pinyin note" and "惿a(chǎn)" in p.text)]
            assert not found, f"{doc.id} {p.id}: {found}"


def test_no_paragraph_ends_mid_sentence_before_a_text_paragraph():
    # A paragraph broken by a page boundary ends without a sentence mark and is followed by
    # running text. Headings (short, no sentence mark) are not paragraphs of text.
    for doc in (d for d in DOCUMENTS if d.kind != "compilation"):  # masthead: no sentences
        for a, b in zip(doc.paragraphs, doc.paragraphs[1:]):
            if a.kind == "text" and b.kind == "text" and doc.language == "zh":
                # (`?!` too: the damaged end of a quotation, flagged for an erratum)
                assert a.text[-1] in "。！？”…）)：；!?", f"{doc.id} {a.id}: …{a.text[-15:]}"


def test_printed_metadata_is_found():
    by_id = {d.id: d for d in DOCUMENTS}
    assert by_id["000-80a0138ffffb83b7"].date == "2025-09-16"
    assert by_id["000-80a0138ffffb83b7"].publication == "People's Post and Telecommunications Daily"
    assert by_id["000-80a0138ffffb83b7"].editors == ["Chen zhaozhao", "Momo"]
    assert by_id["001-2603e452646e1bca"].authors == ["易欢"]
    assert by_id["001-2603e452646e1bca"].publication == "飞象网"
    assert by_id["003-c67a1687915d7e32"].authors == ["Wu Wenjuan"]
    assert by_id["004-593e9b3dadb7e903"].date == "2025-05-01"
    assert by_id["004-593e9b3dadb7e903"].publication == "央视新闻客户端"
    assert by_id["004-593e9b3dadb7e903"].authors == ["张亚楠"]
    assert by_id["004-593e9b3dadb7e903"].editors == ["陈玮", "江雨航", "程昱"]
    compilation = by_id["002-cf7a6355ccf0b9a8"]
    assert (compilation.title["zh"], compilation.issue, compilation.publisher,
            compilation.date) == ("中心组学习", "第 2 期（总第 285 期）", "中共安徽省委讲师团",
                                  "2025-02-27")
    sources = {d.id[-2:]: (d.publication, d.issue, d.date) for d in DOCUMENTS
               if d.parent == compilation.id}
    assert sources == {
        "a1": ("求是", "2024年第11期", "2024-01-31"),  # the speech's date, from its note
        "a2": ("论科技自立自强", None, "2018-10-31"),
        "a3": ("求是", "2024年第11期", None),
        "a4": ("人民日报", None, "2025-02-24"),
        "a5": ("人民日报", None, "2025-01-13"),
        "a6": ("科技日报", None, "2024-12-30"),
        "a7": ("人民论坛", "2025年第2期", None),
    }
