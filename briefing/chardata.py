"""Character classes and patterns the fixers share, in one place (as ftfy's chardata)."""
from __future__ import annotations

import re

#: Han ideographs (CJK Unified, Extension A, compatibility, Extensions B+).
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
#: Full-width punctuation of Chinese text (GB/T 15834), including quotes and brackets.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·"
HAN_OR_PUNCT = HAN + CJK_PUNCT

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"

#: A pinyin note after a converted character: `產業(yè)`, `創(chuàng)新`. It needs a tone mark (or
#: ü), so `(AI)`, `(a)` and `(2025)` are never taken for one.
PINYIN_NOTE = re.compile(
    rf"(?<=[{HAN}])[(（]([a-z]*[{TONE_VOWELS}][a-z{TONE_VOWELS}]*)[)）]")

#: HTML tags and their mis-decoded remnants (`<` lost as `?`: `?/p>`).
HTML_TAG = re.compile(r"</?(?:p|br|div|span|strong|em|b|i|u|a|img|font|section)\b[^<>]*/?>",
                      re.IGNORECASE)
HTML_REMNANT = re.compile(r"\?/(?:p|div|span|strong|em|b|i|u|a|font|section)>", re.IGNORECASE)
HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#x[0-9a-fA-F]{2,5});")

#: Runs of horizontal white space, including the ideographic space and no-break space.
SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200a\u202f\u205f]+")
#: White space between two Chinese characters or punctuation marks: an extraction artifact.
SPACE_IN_HAN = re.compile(rf"(?<=[{HAN_OR_PUNCT}]) +(?=[{HAN_OR_PUNCT}])")

#: Half-width marks to full width in Chinese text, and back in English text.
TO_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！"}
TO_HALF_WIDTH = {"，": ", ", "；": "; ", "：": ": ", "！": "! ", "？": "? ", "（": " (",
                 "）": ") ", "、": ", ", "。": ". "}

#: Suspicious spans kept for the editor: `?` touching Han text (a character lost in
#: decoding), lower-case Latin letters glued to Han characters (`爱a學`), pinyin fragments
#: whose character was lost (`?nèi)`).
QUESTION_IN_HAN = re.compile(rf"[{HAN}]?\?+[{HAN}]?")
LATIN_IN_HAN = re.compile(rf"(?<=[{HAN}])[a-z{TONE_VOWELS}]+(?=[{HAN_OR_PUNCT}])"
                          rf"|(?<=[{HAN}])[a-z{TONE_VOWELS}]+$")
PINYIN_FRAGMENT = re.compile(rf"[a-z]*[{TONE_VOWELS}][a-z]*[)）]")
