"""Character classes and patterns the fixers share, in one place (as ftfy's chardata)."""
from __future__ import annotations

import re

#: Han ideographs (CJK Unified, Extension A, compatibility, Extensions B+).
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
#: Full-width punctuation of Chinese text (GB/T 15834), including quotes and brackets.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·"
HAN_OR_PUNCT = HAN + CJK_PUNCT
#: The characters of written Cantonese (particles, pronouns, verbs of Hong Kong texts),
#: most of them only in Big5's Hong Kong supplement (HKSCS). They count as common ones
#: when telling a right decoding from a wrong one: `佢哋嘅` is Cantonese, not mojibake.
CANTONESE = ("嘅啲咗嚟冇佢哋喺唔嘢乜咁嗰啱冚攞睇嘥噉咩嘞喎囉啩嚿揸攰瞓餸晒咪噃啫嘛呢吖嗱諗搵"
             "俾畀揾踎氹埋咋噏閂掟㗎叻靚煲嬲攬褸")

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"

#: A pinyin note after a converted character: `產業(yè)`, `創(chuàng)新`. It needs a tone mark (or
#: ü), so `(AI)`, `(a)` and `(2025)` are never taken for one.
PINYIN_NOTE = re.compile(
    rf"(?<=[{HAN}])[(（]([a-z]*[{TONE_VOWELS}][a-z{TONE_VOWELS}]*)[)）]")

#: Scraping remnants: bare block tags, no attributes (`<p>`, `</p>`, `<br/>`), and their
#: mis-decoded forms (`<` lost as `?`: `?/p>`). A tag with attributes (`<img src=…>`,
#: `<a href=…>`) is not a remnant of a paragraph break: it is text, shown as written.
HTML_TAG = re.compile(r"</?(?:p|br|div|span)\s*/?>", re.IGNORECASE)
HTML_REMNANT = re.compile(r"\?/(?:p|div|span)>", re.IGNORECASE)
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

# --- shapes of whole lines ----------------------------------------------------------------

#: A sentence is over: a paragraph may end here (a colon introduces what follows).
SENTENCE_END = "。！？!?…；;：:"
CLOSING_QUOTES = "”’」』\"'）)》"
#: Marks after which a sentence certainly goes on.
CONTINUING = "，、,—（(《“‘-"

#: A paragraph break lost in scraping: a space after a sentence end, or before a photo caption.
RUN_TOGETHER = re.compile(rf"(?:(?<=[{HAN}][。！？!?])|(?<=[{HAN}][。！？!?][!?”」])"
                          rf"|(?<=[。！？][”」]))"
                          rf"[ \u3000]+(?=[^\s，。、；：？！”）{CLOSING_QUOTES}])"
                          r"|[ \u3000]+(?=△)"
                          # credits after the text: `… 總監制丨閆帥南 王姍姍 監制丨…`
                          r"|[ \u3000]+(?=(?:总监制|總監制)\s*[丨|｜])")

#: Contents lines of a compilation: a title, then a page number in parentheses or after dots.
CONTENTS_LINE = re.compile(r"^(?P<title>\S.*?)\s*(?:\t|\s{2,}|\.{3,}|…{2,})\s*[(（]?(?P<page>\d{1,4})[)）]?\s*$")

#: Site chrome: lines that are part of the web page around the document, not of it.
CHROME_LINES = [
    re.compile(r"(打印|列印)\s*[|｜]\s*(收藏|关闭|關閉)"),
    re.compile(r"【?\s*字[号號]\s*[:：]?\s*大\s*中\s*小\s*】?"),
    re.compile(r"^\s*!\[\]\([^)]*\)\s*[|｜]?\s*$"),
    re.compile(r"^\s*(相关阅读|相關閱讀|相关新闻|相關新聞|延伸阅读|延伸閱讀)\s*[:：]?\s*$"),
    re.compile(r"(许可证|許可證)\s*\S*\s*[号號]|[许許]可[证證].{0,20}(第\s*\d+\s*[号號]|\d{6,})"),
    re.compile(r"[增].{0,4}电信业务经营许可证|增值電信業務經營許可證|ICP\s*备|ICP\s*備"),
    re.compile(r"(版权所有|版權所有|擁有.{0,30}之版權|拥有.{0,30}之版权|未经.{0,20}授权.{0,10}不得转载|未經.{0,20}授權.{0,10}不得轉載)"),
    re.compile(r"(举报电话|舉報電話|举报邮箱|舉報郵箱|违法和不良信息举报|違法和不良信息舉報)"),
    re.compile(r"^\s*(Special statement|Disclaimer)\s*[:：]", re.IGNORECASE),
    re.compile(r"^\s*Copyright\s*(©|\(c\))", re.IGNORECASE),
    re.compile(r"(近期内容|近期內容|更多内容|更多內容|更多新闻|更多新聞)\s*(>>|》》|»)"),
]

#: Metadata lines: kept out of the text, read by `analyze` for editor, source, date.
META_LINES = [
    re.compile(r"^\s*(Edit(or)?|Responsible editor|Source)\s*[:：]", re.IGNORECASE),
    re.compile(r"^\s*(责任编辑|責任編輯|编辑|編輯|来源|來源)\s*[:：]"),
    # Credits of a news video or feature: `总监制丨… 执笔丨… 编辑丨…`
    re.compile(r"^\s*(总监制|總監制|监制|監制|制片人|执笔|執筆|编辑|編輯|记者|記者)\s*[丨|｜]"),
    re.compile(r"^\s*\d{4}-\d{2}-\d{2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*([?？\s].*)?$"),
]
#: `?` standing for a lost space in a dateline: `11:54:40? ?來源`.
LOST_SPACE = re.compile(r"(?<=\d)\?\s*\?\s*|(?<=\d)\?(?=\s)")
#: Trailing page furniture on a metadata line: `我来说两句 |` (a comments link).
META_CHROME = re.compile(r"\s*(我来说两句|我來說兩句|分享到)?\s*[|｜]\s*$|\s*(我来说两句|我來說兩句)\s*$")

#: Distribution list of an internal publication: `报：…`, `送：…`, `发：…`.
DISTRIBUTION_LINE = re.compile(r"^\s*(报|送|发|抄送|報|發)\s*[:：]")

#: A whole line in brackets that names the source or the author: `（来源：《求是》2024年第11期）`,
#: `（作者系中国宏观经济研究院院长；来源：…）`, `(来源:习近平《论科技自立自强》)`.
SOURCE_LINE = re.compile(r"^\s*[(（]\s*(作者|来源|來源|原载|原載|本文)[^()（）]*[)）]\s*$")

#: Han-range characters used as separators in titles (`時政微觀察丨來到…`), not as words.
SEPARATOR_HAN = "丨"

#: A news agency's dateline opening the first paragraph: `飛象網訊(易歡)當前，…`.
LEADING_DATELINE = re.compile(
    rf"^(?P<line>(?P<publication>[{HAN}]{{2,10}}?)(?:网讯|網訊|讯|訊)\s*"
    rf"[(（](?P<authors>[{HAN}]{{2,4}}(?:[ 、][{HAN}]{{2,4}})*)[)）])\s*(?P<rest>\S.*)$")
#: An English byline closing the last paragraph: `… Text/Our reporter Wu Wenjuan`.
TRAILING_BYLINE = re.compile(
    r"^(?P<rest>.*\S)\s+(?P<line>Text\s*/\s*(?:Our |By )?(?:reporter\s+)?"
    r"(?P<authors>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}))\s*$")

# --- printed matter: page furniture, footnotes, hard wraps (briefing.clean.furniture, .footnotes,
# .wraps) -----------------------------------------------------------------------------------

#: A page number that says so: `第12页`, `Page 3 of 5`, `Page 3`, `3 / 5`.
PAGE_NUMBER_WORDED = re.compile(
    r"^\s*(?:第\s*(?P<zh>\d{1,4})\s*[页頁](?:\s*[/／]?\s*共\s*\d{1,4}\s*[页頁])?"
    r"|Page\s+(?P<en>\d{1,4})(?:\s+of\s+\d{1,4})?|(?P<of>\d{1,4})\s*/\s*\d{1,4})\s*$",
    re.IGNORECASE)
#: A page number by shape alone: `· 12 ·`, `— 12 —`, `- 3 -`, `12`. These shapes are also
#: printed for other reasons (a year centred as a section head), so a page number of this
#: kind needs company: another of the same shape with a higher number, or a form feed.
PAGE_NUMBER_SHAPED = re.compile(
    r"^\s*(?P<open>[·•\-–—]{0,2})\s*(?P<n>\d{1,4})\s*(?P<close>[·•\-–—]{0,2})\s*$")
#: A page number printed at the end of a running header: `经济研究参考 2025年第3期 · 13 ·`.
TRAILING_PAGE_NUMBER = re.compile(r"\s*(?:[|｜]\s*)?(?:[·•\-–—]\s*)?\d{1,4}(?:\s*[·•\-–—])?\s*$")
#: Longest running header or footer, in characters (spaces not counted).
RUNNING_HEADER_MAX = 60
#: The issue a running header names: `2025年第3期`, `May 2025`, `No. 12`, `Vol. 3, No. 2`.
HEADER_ISSUE = re.compile(
    r"(?:\d{4}\s*年\s*)?第\s*\d{1,4}\s*期|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
    r"|(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?\d{4}"
    r"|(?:Vol(?:ume)?\.?\s*\d+\s*,?\s*)?(?:No\.?|Issue)\s*\d+", re.IGNORECASE)
#: What separates the parts of a running header: `Policy Digest | May 2025`.
HEADER_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+[·•—–]\s+|\s{2,}")

#: Footnote markers: circled numbers, `[1]`, superscript digits, `注1`.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
#: A marker in running text. A superscript digit after a digit, a space or `m` is a power or
#: a unit (`10²`, `km²`), not a marker.
NOTE_MARKER = re.compile(rf"[{CIRCLED}]|\[\d{{1,3}}\]|(?<![\s\d{SUPERSCRIPTS}m])[{SUPERSCRIPTS}]+"
                         rf"|注\s*\d{{1,3}}(?!\d)")
#: Markers closing a line (`… cheaper.[2]`): a sentence end stands before them.
TRAILING_NOTE_MARKERS = re.compile(rf"(?:{NOTE_MARKER.pattern})+\s*$")
#: A note: a line that starts with its marker (`① 参见…`, `[2] See…`, `¹ Data from…`, `注1：…`).
NOTE_START = re.compile(rf"^\s*(?P<marker>注?\s*[{CIRCLED}]|\[\d{{1,3}}\]|[{SUPERSCRIPTS}]+"
                        rf"|注\s*\d{{1,3}}(?!\d))\s*[：:.、]?\s*(?P<text>\S.*)$")

#: What opens the notes of a page or a document: a rule, or a heading of its own.
NOTES_SEPARATOR = re.compile(r"^\s*(?:[_—－\-–=·*]{3,}|(?:注释|注|尾注|脚注|Notes?|Endnotes|Footnotes)"
                             r"\s*[:：]?)\s*$", re.IGNORECASE)

#: Marks that cannot start a printed Chinese line: a line starting with one continues the
#: line before it (GB/T 15834's line-start rule).
NO_LINE_START = "。，、；：？！”’」』）》〉…"
#: Indentation that opens a paragraph in extracted print: two ideographic or several spaces.
PARAGRAPH_INDENT = re.compile(r"^(?:\u3000|\s{2,})")

#: Mojibake of UTF-8 read as Windows-1252 and saved again as UTF-8: `â€™`, `Ã©`, `Â `.
MOJIBAKE = re.compile("[âÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                      "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
                      "\u203a\u20ac\u2122]")
