"""References: documents named in 《》 or quotes, linked to the corpus document that is or
discusses them, otherwise listed; editors may set the target."""
from __future__ import annotations

import json

import pytest

from briefing import pipeline
from briefing.errors import EditorialError
from briefing.render import render
from conftest import SEEDS
from briefing.publish.records import assemble

CORPUS = pipeline.analyse_corpus(SEEDS)
BY_ID = {d.id: d for d in CORPUS.documents}


def test_the_seeds_references_are_found():
    names = {(d.id, r.name) for d in CORPUS.documents for r in d.references if r.titled}
    assert names == {
        ("000-80a0138ffffb83b7",
         "Opinions on Deepening the Implementation of the 'Artificial Intelligence+' Action"),
        ("003-c67a1687915d7e32",
         "Beijing Action Plan to Promote 'Artificial Intelligence +' (2024-2025)"),
        ("002-cf7a6355ccf0b9a8-a5", "新一代人工智能发展规划"),
        ("002-cf7a6355ccf0b9a8-a5", "促进新一代人工智能产业发展三年行动计划（2018—2020年）"),
        ("002-cf7a6355ccf0b9a8-a5", "2023—2024年中国智能制造发展研究年度报告"),
        ("002-cf7a6355ccf0b9a8-a7", "纽约客"),
        ("002-cf7a6355ccf0b9a8-a7", "2023 年人工智能大模型体验报告"),
        ("002-cf7a6355ccf0b9a8-a7", "生成式人工智能服务管理暂行办法"),
        ("002-cf7a6355ccf0b9a8-a7", "全国一体化大数据中心协同创新体系算力枢纽实施方案"),
        ("002-cf7a6355ccf0b9a8-a7", "算力基础设施高质量发展行动计划"),
        ("002-cf7a6355ccf0b9a8-a7", "“十四五”数字经济发展规划"),
        ("004-593e9b3dadb7e903", "新一代人工智能发展规划"),
    }


def test_the_editors_link_the_beijing_plan_to_the_report_on_it():
    article = BY_ID["002-cf7a6355ccf0b9a8-a5"]
    ref = next(r for r in article.references if r.target)
    assert (ref.name, ref.target, ref.how, ref.titled) == (
        "北京发布“人工智能+”行动计划", "003-c67a1687915d7e32", "editorial", False)
    assert ref.name in next(p.text for p in article.paragraphs if p.id == ref.paragraph)
    assert any(l.kind == "reference" and l.target == ref.target for l in article.links)
    page = render(CORPUS)["zh/documents/002-cf7a6355ccf0b9a8-a5.md"]
    assert ('<q lang="zh-Hans">北京发布“人工智能+”行动计划</q> → '
            '<a href="../documents/003-c67a1687915d7e32.html"') in page
    assert '<cite lang="zh-Hans">《新一代人工智能发展规划》</cite>' in page


def write_seeds(tmp_path, texts: dict[str, str], editorial: dict[str, str] = {}):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in texts.items():
        (seeds / name).write_text(text, encoding="utf-8")
    if editorial:
        (seeds / "editorial").mkdir()
        for name, text in editorial.items():
            (seeds / "editorial" / name).write_text(text, encoding="utf-8")
    return seeds


SMALL = {
    # is: its title is the reference.
    "a.txt": "关于推进低空经济发展的意见\n\n为推进低空经济发展，提出如下意见。\n",
    # names a's title: links to a (is); names 《纽约时报》: listed only.
    "b.txt": "学习体会\n\n我们认真学习了《关于推进低空经济发展的意见》，也读了《纽约时报》的报道。\n",
    # discusses: names 《算力发展行动计划》 in its first paragraph.
    "c.txt": "行动计划发布\n\n昨日，《算力发展行动计划》正式发布。\n\n计划提出多项举措。\n",
    # names it later: links to c, which discusses it.
    "d.txt": "综述\n\n各地积极行动。\n\n近期出台的《算力发展行动计划》值得关注。\n",
    # discusses 《数据条例》 in its title; f names it: links to e.
    "e.txt": "解读《数据条例》\n\n条例共五章。\n",
    "f.txt": "动态\n\n有关方面介绍了《数据条例》的要点。\n",
}


def test_references_link_to_the_document_that_is_or_discusses_them(tmp_path):
    corpus = pipeline.analyse_corpus(write_seeds(tmp_path, SMALL))
    refs = {d.id: [(r.name, r.target, r.how) for r in d.references] for d in corpus.documents}
    assert refs["b"] == [("关于推进低空经济发展的意见", "a", "is"), ("纽约时报", None, None)]
    assert refs["d"] == [("算力发展行动计划", "c", "discusses")]
    assert refs["c"] == [("算力发展行动计划", None, None)]  # never to itself
    assert refs["f"] == [("数据条例", "e", "discusses")]
    data = assemble(render(corpus).__getitem__)
    b = next(d for d in data["documents"] if d["id"] == "b")
    assert [l for l in b["links"] if l["kind"] == "reference"] == [
        {"target": "a", "kind": "reference", "note": "is: 关于推进低空经济发展的意见",
         "name": "关于推进低空经济发展的意见", "paragraph": "p1"}]


def test_editors_set_or_clear_a_target(tmp_path):
    seeds = write_seeds(tmp_path, SMALL, {
        "b.yml": "references:\n  - name: 关于推进低空经济发展的意见\n    target: null\n"
                 "  - name: 纽约时报\n    target: c\n"})
    corpus = pipeline.analyse_corpus(seeds)
    b = next(d for d in corpus.documents if d.id == "b")
    assert [(r.name, r.target, r.how) for r in b.references] == [
        ("关于推进低空经济发展的意见", None, None), ("纽约时报", "c", "editorial")]


@pytest.mark.parametrize("entry, message", [
    ("  - name: 纽约时报\n    target: no-such-doc\n", "b.yml:2: reference target 'no-such-doc' is not a document id"),
    ("  - name: 不存在的文字\n    target: a\n", "b.yml:2: document b does not print '不存在的文字'"),
    ("  - name: 纽约时报\n", "b.yml:2: a reference needs the key 'target'"),
])
def test_bad_reference_edits_name_file_and_line(tmp_path, entry, message):
    seeds = write_seeds(tmp_path, SMALL, {"b.yml": "references:\n" + entry})
    with pytest.raises(EditorialError) as info:
        pipeline.analyse_corpus(seeds)
    assert any(message in str(p) for p in info.value.problems), info.value.problems
