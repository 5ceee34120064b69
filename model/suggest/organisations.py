"""Rules for organisations: a place or organisation plus an organisation head, ordinals, congresses."""

from __future__ import annotations

import re

from model.suggest.context import Context, all_han, rare_place_word, rule_suggestion
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import Token

# jieba flags of the words that may stand between a name anchor and an organisation head (越南 | 人民 | 军队).
_MODIFIER_FLAGS = frozenset({"n", "nz", "vn", "j", "ns", "nt", "b", "an", "ng", "l"})


_ORDINAL = re.compile(r"^第[一二三四五六七八九十百零〇0-9]+[届次]$")


def _is_ordinal(tok: Token) -> bool:
    return _ORDINAL.match(tok.word) is not None


def _abbreviation_pair(ctx: Context, tok: Token) -> bool:
    """A word of two or three place abbreviations (美中, 中俄): it names the parties of a joint body."""
    return 2 <= len(tok.word) <= 3 and all(c in ctx.abbreviations for c in tok.word)


# Words a head may reach over without counting as modifiers: a number (第一 中学, 第四十五 中学) and the
# anonymised name of court and police news (深圳 某某 科技 有限公司).
_NUMBER = re.compile(r"^第[一二三四五六七八九十百零〇0-9]+$")
_ANONYMOUS = frozenset({"某", "某某"})
# Before a head that is itself an organisation, a grade of it (郑州市 中级 人民法院, 高级 人民法院).
_GRADE_FLAGS = frozenset({"b"})


def _free(tok: Token) -> bool:
    return _is_ordinal(tok) or _NUMBER.match(tok.word) is not None or tok.word in _ANONYMOUS


def _name_anchor(
    ctx: Context, k: int, max_modifiers: int, flags: frozenset[str] = _MODIFIER_FLAGS
) -> int | None:
    """Index of the entity token (or abbreviation pair: 美中 贸易 全国委员会) a head at ``k`` attaches to,
    walking left over up to ``max_modifiers`` modifier tokens with ``flags`` (ordinals like 第十五次,
    numbers like 第一 and 某某 always allowed)."""
    j = k - 1
    seen = 0
    while j >= 0:
        if ctx.label_at(j) in ("LOC", "ORG", "PER") or _abbreviation_pair(ctx, ctx.tokens[j]):
            return j
        tok = ctx.tokens[j]
        if not _free(tok):
            if seen >= max_modifiers or tok.flag not in flags or not all_han(tok.word):
                return None
            seen += 1
        j -= 1
    return None


# A team as its own word (上海 申花 队, 巴西 队: in MSRA's training part 队 is inside an ORG 2,756 times).
_TEAM = "队"
# Heads after which a person's name names the company (阿里巴巴/nrt 集团, 比亚迪/nr 股份 有限公司, 李宁 公司).
_COMPANY_HEADS = ("公司", "集团")
# A branch (分局, 分行, 分院, 分公司) belongs to the organisation before its place (成都市公安局锦江区分局).
_BRANCH = "分"
# 组织 right after a body is the verb (教育部 组织 专家 评审, 总工会 组织 的 培训, 出版社 组织 编撰: in MSRA's
# training part 27 times after an ORG ending so, against 4 ORGs ending so and 组织, three of them the verb
# too: 中国体育记者协会组织 的 采访小分队); after a name it is the organisation (欧佩克 组织).
_ORGANISE = "组织"
_BODY_ENDS = frozenset("部委局厅署办会司院处社")


def place_word(ctx: Context, i: int) -> bool:
    """Whether token ``i`` is a place: tagged so, or a rare word of three or more characters ending in an
    administrative head (鼓楼区/n, 渝中区/nt; not 开发区, 工业区)."""
    if ctx.label_at(i) == "LOC":
        return True
    w = ctx.tokens[i].word
    return all_han(w) and rare_place_word(w, ctx)


def place_chain_start(ctx: Context, a: int) -> int:
    """The first of the places standing right before anchor ``a`` (南京市 鼓楼区 | 宁海 路 街道 办事处): an
    organisation named with a chain of places takes them all in (福建省南平市教委, as MSRA tags it)."""
    while a > 0 and place_word(ctx, a - 1):
        a -= 1
    return a


def merge_place_org(ctx: Context) -> list[Suggestion]:
    """A place or organisation, up to two modifier words, and an organisation head → one ORG
    (越南 外交部 → 越南外交部; 美国 国务院; 老挝人民革命党 中央委员会; 中国共产党 第十五次 全国代表大会;
    昆明市 第一 中学; 南京市 鼓楼区 宁海 路 街道 办事处, the places before the anchor taken in).
    A head that is itself a known organisation takes no modifiers but an ordinal or a grade (中国 支持 联合国
    stays; 郑州市 中级 人民法院 is one)."""
    out: list[Suggestion] = []
    heads = ctx.lex.org_suffixes.last_chars  # a word whose last character ends no head ends none (most)
    for k, tok in enumerate(ctx.tokens):
        if k == 0 or (tok.word[-1] not in heads and tok.word != _TEAM) or not all_han(tok.word):
            continue
        if (ctx.lex.org_suffix(tok.word) is None and tok.word != _TEAM) or _facility_head(ctx, tok):
            continue
        head_label = ctx.label_at(k)
        if head_label == "ORG":
            a = _name_anchor(ctx, k, 1, _GRADE_FLAGS)
        elif head_label is None:
            a = _name_anchor(ctx, k, 2)
        else:
            continue
        if a is None or (ctx.label_at(a) == "PER" and not tok.word.endswith(_COMPANY_HEADS)):
            continue
        if tok.word == _ORGANISE and ctx.tokens[k - 1].word[-1] in _BODY_ENDS:
            continue  # 教育部 组织 专家, 山西 教育 出版社 组织: the body organises
        a = place_chain_start(ctx, a)
        if tok.word[:1] == _BRANCH and a > 0 and ctx.label_at(a - 1) == "ORG":
            a = place_chain_start(ctx, a - 1)  # 成都市 公安局 | 锦江区 分局: the branch of that bureau
        out.append(rule_suggestion(ctx.tokens[a].start, tok.end, "ORG", "merge_place_org", 0.88))
    return out


# Venues named with a place or a name: news, MSRA's included, tags them as places (in MSRA's training part
# 法兰西体育场, 北京工人体育场, 伊丽莎白体育馆, 福州国际会展中心 are LOC, no named one ORG but two of five
# 体育中心); 中心 alone stays an organisation head (研究中心).
FACILITY_HEADS = ("体育场", "体育馆", "体育中心", "体育园", "会展中心", "展览中心", "博览中心", "大剧院")


_FACILITY_LAST = frozenset(h[-1] for h in FACILITY_HEADS)


def _facility_head(ctx: Context, tok: Token) -> str | None:
    """The venue head the text ends with at the end of ``tok``, or None. Asked of every word: one set test
    of its last character first (场, 馆, 心, 园, 院), no slice and no scan over the heads for most words."""
    if ctx.text[tok.end - 1] not in _FACILITY_LAST:
        return None
    return next((h for h in FACILITY_HEADS if ctx.text.endswith(h, 0, tok.end)), None)


def place_facility(ctx: Context) -> list[Suggestion]:
    """A place, person or organisation, up to two modifier words and a venue head (``FACILITY_HEADS``)
    → one LOC (新加坡 国家 体育场, 北京 工人体育场, 厦门 国际 会展中心, 伊丽莎白 体育馆); the head may be
    cut in two words by jieba (会展 中心). ``merge_place_org`` leaves these heads alone."""
    out: list[Suggestion] = []
    for i, tok in enumerate(ctx.tokens):
        head = _facility_head(ctx, tok)
        if head is None:
            continue
        k = i  # the word the head starts in
        while k > 0 and ctx.tokens[k].start > tok.end - len(head):
            k -= 1
        a = _name_anchor(ctx, k, 2) if k > 0 else None
        if a is not None:
            out.append(rule_suggestion(ctx.tokens[a].start, tok.end, "LOC", "place_facility", 0.88))
    return out


# The bodies an ordinal numbers (第九届全国人民代表大会, 第十五届中央委员会, 第二届立法会): a body elected
# or convened for a term is named with its number. Before any other organisation the ordinal counts the
# event that follows (第九次东盟-美国领导人会议: the ninth summit, not the ninth ASEAN; 第五届亚足联亚洲杯),
# so it stays out. In MSRA's training part, 27 of 31 organisations an ordinal stands before end so and take
# it in; of the other organisations (理事会, 非统, 亚足联, 东盟...), 30 take it out and 3 in.
_NUMBERED_BODIES = ("大会", "委员会", "委会", "立法会", "人大", "政协", "议会", "国会", "政治局", "书记处")


def ordinal_org(ctx: Context) -> list[Suggestion]:
    """An ordinal (第九届, 第十五次) directly before a body it numbers → part of it (第九届全国人民代表大会).
    ``_NUMBERED_BODIES``: which bodies."""
    out: list[Suggestion] = []
    for k, tok in enumerate(ctx.tokens[:-1]):
        body = ctx.tokens[k + 1]
        if (
            tok.word[:1] == "第"
            and _is_ordinal(tok)
            and ctx.label_at(k + 1) == "ORG"
            and body.word.endswith(_NUMBERED_BODIES)
        ):
            out.append(rule_suggestion(tok.start, body.end, "ORG", "ordinal_org", 0.85))
    return out


# The heads of a newspaper's name (经济日报, 北京晚报, 纽约时报, 华盛顿邮报, 解放军报): news, MSRA included,
# tags a paper as an organisation (in MSRA's training part a word ending in 日报 with a name before it is an
# ORG or inside one every time). Not 周报 (空气质量周报, a weekly report) nor the head alone (日报, 晚报).
_PAPER_HEADS = ("日报", "晚报", "早报", "晨报", "时报", "商报", "邮报", "青年报", "军报", "导报")
_PAPER_NAME = 2  # characters at least before the head in the same word


# A square named after a paper (纽约时报 广场, 时报 广场: Times Square) is a place, not the paper.
_SQUARE = "广场"
# … unless a section of the paper follows (洛杉矶时报 广场 版, 时报 广场 周刊: the paper's 广场 page):
# 版, 刊, 栏 as words of their own (not 刊登, 刊播: what is shown on the square), the others starting one
# (专栏作家).
_SECTION_WORDS = frozenset({"版", "刊", "栏"})
_SECTIONS = ("专栏", "周刊", "副刊", "专刊")


def _a_section(word: str) -> bool:
    return word in _SECTION_WORDS or word.startswith(_SECTIONS)


def newspaper(ctx: Context) -> list[Suggestion]:
    """A word ending in a paper's head with a name before it (经济日报/n, 工人日报/nz, 北京晚报/nz), or a
    place and the head as its own word (海峡/ns 时报/n) → ORG. Not the head alone (据 日报, 晚报), nor
    6日 报道 (no word ends in the head there). Before 广场 the paper names a square: the paper and 广场 →
    LOC (纽约时报 广场, 时报 广场: rule ``paper_square``), unless a section follows (广场 版: the paper's)."""
    out: list[Suggestion] = []
    toks = ctx.tokens
    for i, tok in enumerate(toks):
        if not tok.word.endswith(_PAPER_HEADS) or not all_han(tok.word):  # one test for all heads: fast
            continue
        if (
            i + 1 < len(toks)
            and toks[i + 1].word == _SQUARE
            and not (i + 2 < len(toks) and _a_section(toks[i + 2].word))
        ):
            out.append(rule_suggestion(tok.start, toks[i + 1].end, "LOC", "paper_square", 0.8))
            continue
        head = next(h for h in _PAPER_HEADS if tok.word.endswith(h))
        if len(tok.word) - len(head) >= _PAPER_NAME:
            start = tok.start
        elif len(tok.word) == len(head) and i and place_word(ctx, i - 1):
            start = toks[i - 1].start
        else:
            continue
        out.append(rule_suggestion(start, tok.end, "ORG", "newspaper", 0.8))
    return out


_CONGRESS = re.compile(r"^[一二三四五六七八九]?十[一二三四五六七八九]?大$")


def party_congress(ctx: Context) -> list[Suggestion]:
    """A numbered congress abbreviation standing as its own word (十五大, 二十大) → ORG."""
    return [
        rule_suggestion(t.start, t.end, "ORG", "party_congress", 0.7)
        for t in ctx.tokens
        if t.word[-1:] == "大" and _CONGRESS.match(t.word)
    ]


# The words a club stands beside in a match report (上海海港 主场 …, 击败 成都蓉城, 成都蓉城 主帅): a city and
# a name there are a club, elsewhere a place (比赛在 上海浦东 进行; 山东泰山 is also a mountain).
CLUB_BEFORE = frozenset(
    {"击败", "战胜", "逆转", "迎战", "战平", "不敌", "负于", "对阵", "挑战", "客场", "主场", "淘汰", "输给"}
)
CLUB_AFTER = frozenset(
    {"主场", "客场", "击败", "战胜", "逆转", "迎战", "战平", "不敌", "负于", "淘汰", "输给", "队长", "主帅",
     "主教练", "球员", "外援", "门将", "前锋", "后卫", "中场", "俱乐部", "队"}
)  # fmt: skip


def beside_match(toks: list[Token], first: int, last: int) -> bool:
    """Whether words ``first``..``last`` stand beside a word of a match report."""
    return (first > 0 and toks[first - 1].word in CLUB_BEFORE) or (
        last + 1 < len(toks) and toks[last + 1].word in CLUB_AFTER
    )


_POLICE = "警方"


def place_police(ctx: Context) -> list[Suggestion]:
    """A place + 警方 (the police) → one ORG (郑州 警方 → 郑州警方, 香港警方), as general news tags it
    (OntoNotes). MSRA leaves 警方 out and tags the place alone (in its training part 33 times in 33), so the
    rule runs only under the ``general`` conventions (``rules.GENERAL_HABITS``)."""
    return [
        rule_suggestion(ctx.tokens[k - 1].start, t.end, "ORG", "place_police", 0.8)
        for k, t in enumerate(ctx.tokens)
        if k and t.word == _POLICE and place_word(ctx, k - 1)
    ]


# The legal or sporting tail a company's or club's full name ends with; what is left is the name news uses
# for it afterwards (华为技术有限公司 … 华为; 比亚迪股份有限公司 … 比亚迪; 上海申花队 … 申花).
_NAME_TAILS = (
    "集团股份有限公司", "集团有限公司", "控股有限公司", "股份有限公司", "有限责任公司", "科技有限公司",
    "技术有限公司", "有限公司", "足球俱乐部", "俱乐部", "集团", "汽车公司", "公司", "汽车", "队",
)  # fmt: skip


# Tails that are words for what the company makes, not for the company: what is left is its short name
# only when jieba does not know it as a common word (蔚来汽车 … 蔚来; not 红旗汽车 … 红旗飘扬).
_PRODUCT_TAILS = frozenset({"汽车公司", "汽车"})
_COMMON_WORD = 100  # jieba dictionary frequency from which such a stem is a word of the language


def name_tail(surface: str) -> str | None:
    """The tail of a company's or club's full name ``surface`` ends with (``_NAME_TAILS``), or None."""
    return next((t for t in _NAME_TAILS if surface.endswith(t)), None)


# What a club's short name does in a report beyond the words it is found beside (海港 领跑 积分榜)
_CLUB_DOES = frozenset(
    {"领跑", "夺冠", "取胜", "获胜", "晋级", "出线", "保级", "降级", "球迷", "进球", "赢球", "输球"}
)


def _in_a_match(toks: list[Token], first: int, last: int) -> bool:
    """Whether words ``first``..``last`` stand in a clause of a match report: one with a word a club
    stands beside or of what it does (海港 继续 领跑 积分榜; 泰山 下一轮 将 客场 挑战; not 泰山 风景)."""
    words = CLUB_BEFORE | CLUB_AFTER | _CLUB_DOES
    k = first - 1
    while k >= 0 and _in_clause(toks[k].word):
        if toks[k].word in words:
            return True
        k -= 1
    k = last + 1
    while k < len(toks) and _in_clause(toks[k].word):
        if toks[k].word in words:
            return True
        k += 1
    return False


def _in_clause(word: str) -> bool:
    """Whether a word goes on the clause, not a punctuation mark ending it."""
    return word.isalnum()


_LONG_NAME = 3  # characters from which a name a descriptor introduced is its own short name, known or not


def _club_stem(ctx: Context, s: Suggestion, surface: str) -> str:
    """The name of a club ``s`` found with its city (``surface``), without the city and a team word: the
    city is the word it starts with when it ends inside the club (乌鲁木齐 雪豹), else the place its first
    two to four characters make (山东泰山)."""
    i = next((k for k, t in enumerate(ctx.tokens) if t.start == s.start), None)
    if i is not None and ctx.tokens[i].end < s.end:
        city = ctx.tokens[i].end - s.start
    else:
        city = next((n for n in (4, 3, 2) if ctx.lex.gazetteer.get(surface[:n]) == "LOC"), 0)
    if not city:
        return ""
    name = surface[city:]
    for team in ("俱乐部", "队"):
        if name.endswith(team) and len(name) > len(team):
            return name[: -len(team)]
    return name


def short_names(ctx: Context, chosen: list[Suggestion]) -> list[Suggestion]:
    """The short name of a company or club chosen as an ORG under its full name (``_NAME_TAILS``), elsewhere
    in the same text on word boundaries → ORG (华为技术有限公司 … 华为发布; 上海申花队 … 申花前锋): news
    names a company in full once, then by its short name, which jieba reads as a person (比亚迪/nr) or not
    at all. Places before the name are left out of it (上海 申花 队 → 申花); a short name that is a place
    (巴西队 → 巴西) or anonymised (某某) is not one. A club named with its city gives its name without it
    (上海海港 … 海港), a name a descriptor introduced gives itself (视频网站B站 … B站, ``bodies``).
    Applied after resolution."""
    if not any(s.label == "ORG" for s in chosen):
        return []  # only an organisation has a short name (most texts hold none)
    starts = {t.start: i for i, t in enumerate(ctx.tokens)}
    ends = {t.end: i for i, t in enumerate(ctx.tokens)}
    stems: set[str] = set()
    in_matches: set[str] = set()  # stems that are words or places of their own: a club only beside a match
    for s in chosen:
        surface = ctx.text[s.start : s.end]
        if s.label == "ORG" and s.detail == "place_club":  # 上海海港 … 海港: the club without its city
            stem = _club_stem(ctx, s, surface)
            if stem:
                stems.add(stem)
                if ctx.freq(stem) >= _COMMON_WORD or stem in ctx.lex.gazetteer:  # 国安, 泰山
                    in_matches.add(stem)
            continue
        if s.label == "ORG" and s.detail == "introduced_name":  # 流媒体公司奈飞 … 奈飞: the same name
            if len(surface) >= _LONG_NAME or any(c.isascii() for c in surface) or not ctx.freq(surface):
                stems.add(surface)  # not 小红 (小红书), a given name jieba knows
            continue
        tail = name_tail(surface)
        if s.label != "ORG" or tail is None or s.start not in starts:
            continue
        i, begin = starts[s.start], s.start
        while i < len(ctx.tokens) and ctx.tokens[i].flag == "ns" and ctx.tokens[i].end < s.end - len(tail):
            begin = ctx.tokens[i].end
            i += 1
        stem = ctx.text[begin : s.end - len(tail)]
        if tail in _PRODUCT_TAILS and ctx.freq(stem) >= _COMMON_WORD:
            continue
        if len(stem) >= 2 and ctx.lex.gazetteer.get(stem) != "LOC" and "某" not in stem and stem.isalnum():
            stems.add(stem)
    out: list[Suggestion] = []
    orgs = [s for s in chosen if s.label == "ORG"]
    for stem in stems:
        at = ctx.text.find(stem)
        while at >= 0:
            end = at + len(stem)
            if (
                at in starts
                and end in ends
                and not any(o.start < end and at < o.end for o in orgs)
                and (stem not in in_matches or _in_a_match(ctx.tokens, starts[at], ends[end]))
            ):
                out.append(rule_suggestion(at, end, "ORG", "short_names", 0.7))
            at = ctx.text.find(stem, end)
    return out
