"""OpenCC's own conversion test suite, run through `briefing.script.convert`.

The suite is `../shared/opencc/testcases.json` (OpenCC repository, commit 5249273a,
`test/testcases/testcases.json`; see `../shared/README.md`). It is used from where it is,
never copied into the project. Running it here checks that the installed binding and its
dictionaries convert the way upstream says they should, for every configuration the project
uses (`tw2s` today) or will use (`s2t`, `s2tw`, `s2twp` for Traditional output).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from briefing.script import convert

TESTCASES = Path(__file__).resolve().parents[2] / "shared" / "opencc" / "testcases.json"

if not TESTCASES.is_file():
    pytest.skip(f"OpenCC's test suite is not at {TESTCASES}; the shared folder is needed "
                "next to the project to run it", allow_module_level=True)

#: A comma, optional whitespace, then a closing bracket or brace: a trailing comma, which JSON
#: forbids. Upstream's file has one (after case_055_s2t); only commas in that position are
#: removed, so the file itself stays untouched and exactly as upstream published it.
_TRAILING_COMMA = re.compile(r",(\s*[\]}])")

_raw = TESTCASES.read_text(encoding="utf-8")
_text, TRAILING_COMMAS_REMOVED = _TRAILING_COMMA.subn(r"\1", _raw)
CASES = json.loads(_text)["cases"]

#: One (case id, configuration, input, expected) per expected output. A case may give
#: expected outputs for several configurations, so ids are `<case id>-<configuration>`.
CONVERSIONS = [(case["id"], config, case["input"], expected)
               for case in CASES for config, expected in case["expected"].items()]

#: How many expected outputs each configuration has in the file as published. Pinned so that
#: a truncated or edited file fails here loudly instead of silently testing less.
EXPECTED_COUNTS = {
    # The configurations the project uses or will use: 406 conversions in all.
    "tw2s": 32, "t2s": 55, "s2t": 96, "s2tw": 65, "s2twp": 84, "tw2sp": 53, "hk2s": 21,
    # The rest of the file (Hong Kong, Japanese, Traditional-to-Traditional variants).
    "s2hk": 51, "s2hkp": 8, "hk2sp": 8, "hk2t": 17, "t2hk": 17, "tw2t": 18, "t2tw": 10,
    "jp2t": 4, "t2jp": 4,
}
PROJECT_CONFIGS = ("tw2s", "t2s", "s2t", "s2tw", "s2twp", "tw2sp", "hk2s")


@pytest.mark.parametrize("config, text, expected",
                         [c[1:] for c in CONVERSIONS],
                         ids=[f"{case_id}-{config}" for case_id, config, *_ in CONVERSIONS])
def test_opencc_case(config, text, expected):
    assert convert(text, config) == expected


def test_suite_is_complete():
    # Exactly the one known trailing comma: a second one would mean the file changed, and
    # none at all that upstream fixed it (then this pin and the README should be updated).
    assert TRAILING_COMMAS_REMOVED == 1
    assert len(CASES) == 232
    assert len({case["id"] for case in CASES}) == len(CASES), "case ids are not unique"
    counts = Counter(config for _, config, _, _ in CONVERSIONS)
    assert dict(counts) == EXPECTED_COUNTS
    assert sum(counts[config] for config in PROJECT_CONFIGS) == 406
    assert sum(counts.values()) == 543


def test_traditional_seeds_convert_with_tw2s_not_t2s():
    # Traditional web pages are often mainland text run through a Simplified -> Traditional
    # converter, which writes the aspect particle 着 as Taiwan's 著. Only tw2s knows that
    # variant and brings it back to 着; plain t2s keeps 著 (a different word in Simplified,
    # "to write"/"famous"), so TO_SIMPLIFIED["Hant"] must stay tw2s.
    assert convert("改變著", "tw2s") == "改变着"
    assert convert("改變著", "t2s") == "改变著"
