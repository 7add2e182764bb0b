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
