"""Shared passages kept between runs (briefing.link.passage_store, issue 13): edit after
edit, what the store gives is what a full run gives, and it reads only what it must."""
from __future__ import annotations

import random

import pytest

from briefing import cache
from briefing.link import passage_store as store
from briefing.link import passages as ps
from briefing.model import Document, Paragraph

#: Phrases of MIN_TOKENS (4 here) characters and more, which documents share at random.
WORDS = ["甲乙丙丁戊", "子丑寅卯辰巳", "春夏秋冬", "东南西北中", "金木水火土", "天地玄黄宇宙",
         "一二三四五", "山川河流", "风花雪月夜", "日月星辰", "Large models work", "open data now"]


def doc(doc_id: str, texts: list[str]) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", language="zh", script="Hans",
                    title={"zh": doc_id, "en": None},
                    paragraphs=[Paragraph(f"p{n}", "text", t, (n, n))
                                for n, t in enumerate(texts, start=1)])


#: More phrases, each in a few documents only: windows near MAX_DOCUMENTS.
RARE = ["".join(random.Random(k).choice("的是了在有和人这中大为上个国我以要他时来用们生到作地于出就分")
                for _ in range(5)) for k in range(30)]


def paragraph(rng: random.Random) -> str:
    """Shared phrases among filler, some repeated (so the fair share has work)."""
    parts = []
    for _ in range(rng.randint(1, 6)):
        parts.append(rng.choice(WORDS + RARE) * rng.choice([1, 1, 2, 3, 4]))
        parts.append("".join(rng.choice("的是了在有和人这中大为上个国我以要他时来用们生到作地于出就分")
                             for _ in range(rng.randint(0, 5))))
    return "，".join(parts) + "。"


def corpus(rng: random.Random, n: int) -> dict[str, list[str]]:
    return {f"d{i:02d}": [paragraph(rng) for _ in range(rng.randint(1, 4))] for i in range(n)}


def edit(rng: random.Random, texts: dict[str, list[str]]) -> None:
    """One editor's step: change, add or remove a paragraph, add or remove a document."""
    step = rng.choice(["change", "change", "change", "add paragraph", "drop paragraph",
                       "add document", "drop document"])
    ids = sorted(texts)
    target = rng.choice(ids)
    if step == "change":
        k = rng.randrange(len(texts[target]))
        texts[target][k] = paragraph(rng)
    elif step == "add paragraph":
        texts[target].append(paragraph(rng))
    elif step == "drop paragraph" and len(texts[target]) > 1:
        texts[target].pop(rng.randrange(len(texts[target])))
    elif step == "add document":
        texts[f"d{max(int(i[1:]) for i in ids) + 1:02d}"] = [paragraph(rng)]
    elif step == "drop document" and len(ids) > 3:
        del texts[target]


@pytest.fixture
def small_bounds(monkeypatch, tmp_path):
    """Bounds small enough that a few short documents cross each of them."""
    monkeypatch.setattr(ps, "MIN_TOKENS", 4)
    monkeypatch.setattr(ps, "MAX_DOCUMENTS", 4)
    monkeypatch.setattr(ps, "MAX_PLACES", 6)
    monkeypatch.setattr(ps, "MAX_REPEATS", 3)
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))


@pytest.mark.parametrize("seed", range(12))
def test_edit_after_edit_the_store_gives_what_a_full_run_gives(small_bounds, seed,
                                                               monkeypatch):
    rng = random.Random(seed)
    texts = corpus(rng, rng.randint(6, 14))
    fulls = []
    real_full = store.full
    monkeypatch.setattr(store, "full", lambda *a: fulls.append(1) or real_full(*a))
    for step in range(25):
        documents = [doc(i, t) for i, t in sorted(texts.items())]
        expected = ps.find_shared_passages(documents)
        assert store.shared_passages(documents) == expected, f"step {step}"
        edit(rng, texts)
    # Most steps were updates, not full runs (REBASE_MIN changed documents between bases).
    assert len(fulls) < 25 / 2


def test_an_edit_reads_only_the_documents_that_share_wording_with_it(small_bounds,
                                                                     monkeypatch):
    texts = {f"d{i:02d}": [f"{WORDS[i]}，{WORDS[i + 1]}。"] for i in range(10)}
    documents = [doc(i, t) for i, t in sorted(texts.items())]
    store.shared_passages(documents)  # the base
    read = []
    real = ps.shared_among
    monkeypatch.setattr(ps, "shared_among", lambda docs, chosen, holders: read.append(
        set(chosen)) or real(docs, chosen, holders))
    texts["d03"] = [f"{WORDS[3]}，新的文字在这里。"]  # d03 keeps what it shares with d02 only
    documents = [doc(i, t) for i, t in sorted(texts.items())]
    assert store.shared_passages(documents) == ps.find_shared_passages(documents)
    assert read == [{"d02", "d03", "d04"}]  # it shared 金木水火土 with d04 before


def test_documents_not_read_again_keep_their_share_of_a_window(small_bounds):
    """A window in many places of a, b and e: e is not read again after x's edit (it shares
    nothing with x), but its places still count in the window's fair share (MAX_PLACES)."""
    w, v = "甲乙丙丁戊", "子丑寅卯辰"
    texts = {"a": [w + "一", w + "二", w + "三", v], "b": [w + "四", w + "五", w + "六", v],
             "e": [w + "七", w + "八", w + "九"], "x": [v + "三"]}
    documents = [doc(i, t) for i, t in sorted(texts.items())]
    store.shared_passages(documents)
    texts["x"] = [v + "四"]
    documents = [doc(i, t) for i, t in sorted(texts.items())]
    found = store.shared_passages(documents)
    assert found == ps.find_shared_passages(documents)
    # Two places each of a, b and e (6 of 9): so 4 passages of w between a and b.
    assert len([s for s in found if (s.a.document, s.b.document) == ("a", "b")
                and s.text_a == w]) == 4


def test_nothing_changed_reads_nothing_and_a_damaged_store_costs_a_full_run(small_bounds,
                                                                          tmp_path):
    rng = random.Random(5)
    documents = [doc(i, t) for i, t in sorted(corpus(rng, 8).items())]
    expected = ps.find_shared_passages(documents)
    assert store.shared_passages(documents) == expected
    assert store.shared_passages(documents) == expected
    for path in cache.folder("passages").iterdir():
        path.write_bytes(b"not a pickle")
    assert store.shared_passages(documents) == expected


def test_without_a_cache_it_is_a_full_run(small_bounds, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    rng = random.Random(7)
    documents = [doc(i, t) for i, t in sorted(corpus(rng, 8).items())]
    assert store.shared_passages(documents) == ps.find_shared_passages(documents)
