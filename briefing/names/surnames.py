"""Surname readings: the data `briefing.names.romanise` reads a Chinese personal name with.

pypinyin reads a name as it reads any word (0.55 has no surname mode: python-pinyin issues
#120 and #297), so a surname that is read differently from the same character elsewhere
comes out wrong: 单 dān for the surname Shàn, 曾 céng for Zēng, 解 jiě for Xiè, 仇 chóu for
Qiú. These tables give the surname reading, toneless (names are written without tones).

Only characters whose toneless surname reading differs from pypinyin's everyday one are
listed, plus every common compound surname (欧阳, 司马...): a compound is read as one
surname, and a few (尉迟 Yuchi, 万俟 Moqi, 单于 Chanyu) have readings of their own.
A name whose reading these tables get wrong is overridden in `seeds/names.yml`.
"""
from __future__ import annotations

#: Single-character surnames whose reading differs from the character's usual one.
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha",
    "朴": "piao", "乐": "yue", "盖": "ge", "缪": "miao", "覃": "qin", "翟": "zhai",
    "种": "chong", "繁": "po", "秘": "bi", "都": "du", "六": "lu", "薄": "bo",
    "员": "yun", "召": "shao", "句": "gou", "折": "she", "佴": "nai", "粘": "nian",
    "祭": "zhai", "黑": "he", "么": "yao", "长": "chang", "重": "chong",
    "藏": "zang", "阚": "kan", "隗": "wei", "蕃": "pi", "洗": "xian",
}

#: Compound (two-character) surnames and their readings.
COMPOUND_SURNAMES = {
    "欧阳": "ouyang", "司马": "sima", "上官": "shangguan", "诸葛": "zhuge",
    "东方": "dongfang", "皇甫": "huangfu", "夏侯": "xiahou", "尉迟": "yuchi",
    "公孙": "gongsun", "慕容": "murong", "令狐": "linghu", "司徒": "situ",
    "长孙": "zhangsun", "宇文": "yuwen", "轩辕": "xuanyuan", "端木": "duanmu",
    "独孤": "dugu", "南宫": "nangong", "西门": "ximen", "钟离": "zhongli",
    "呼延": "huyan", "澹台": "tantai", "万俟": "moqi", "单于": "chanyu",
    "申屠": "shentu", "淳于": "chunyu", "闻人": "wenren", "司空": "sikong",
    "百里": "baili", "东郭": "dongguo", "公羊": "gongyang", "赫连": "helian",
    "拓跋": "tuoba", "濮阳": "puyang", "太史": "taishi", "第五": "diwu",
    "左丘": "zuoqiu", "羊舌": "yangshe", "梁丘": "liangqiu", "乐正": "yuezheng",
    "司寇": "sikou", "亓官": "qiguan", "颛孙": "zhuansun", "子车": "ziju",
    "夹谷": "jiagu", "谷梁": "guliang", "巫马": "wuma", "公西": "gongxi",
    "漆雕": "qidiao", "壤驷": "rangsi", "公良": "gongliang", "段干": "duangan",
    "东门": "dongmen", "闾丘": "lüqiu", "宰父": "zaifu", "仉督": "zhangdu",
}
