"""Rules for the organisations of news beyond MSRA: government bodies named by their field
(应急管理部, 省教育厅, 国家发改委), names a descriptor introduces (招聘平台58同城, 视频网站B站) and
clubs named by their city (上海海港, 山东泰山). Each proposes an ORG; the combiner's acceptance history
decides how far to trust it."""

from __future__ import annotations

import re

from model.suggest.context import ADMIN_HEADS, Context, after_a_parent, all_han, rule_suggestion
from model.suggest.lexicons import Lexicons
from model.suggest.organisations import FACILITY_HEADS, beside_match, place_chain_start, place_word
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import Token

OOV = "oov"  # the flag of a word jieba's dictionary does not hold (``tokenizer.dictionary_flag``)

# The fields of government a body is named by, full and short (the State Council's departments and their
# provincial and city counterparts: 住房和城乡建设厅, 住建局; 卫生健康委员会, 卫健委).
_FIELDS = (
    "发展和改革", "发改", "工业和信息化", "工信", "住房和城乡建设", "住建", "人力资源和社会保障", "人社",
    "卫生健康", "卫健", "市场监督管理", "市场监管", "应急管理", "应急", "生态环境", "自然资源", "交通运输",
    "交通", "农业农村", "文化和旅游", "文旅", "医疗保障", "医保", "药品监督管理", "药监", "林业和草原",
    "林草", "国有资产监督管理", "国资", "退役军人事务", "科学技术", "科技", "教育", "公安", "民政", "司法",
    "财政", "商务", "水利", "统计", "税务", "体育", "审计", "气象", "海关", "广播电视", "广电", "能源",
    "消防救援", "知识产权", "信访", "外事", "侨务", "民族宗教", "网信", "城市管理", "城管", "数据", "金融",
    "粮食和物资储备", "移民管理", "新闻", "规划和自然资源", "环境保护", "环保", "外交", "国防",
    "城管执法", "综合行政执法", "行政审批", "政务服务", "大数据",
)  # fmt: skip
# The heads such a body ends with (the brigades of fire and rescue, 四川省消防救援总队, 区消防救援大队,
# and the state broadcaster's 总台 among them), and a few that belong to one field only (省教育考试院,
# 疾病预防控制中心).
_HEADS = (
    "委员会", "办公室", "总局", "总署", "总台", "总队", "支队", "大队", "部", "厅", "局", "署", "委", "办",
)  # fmt: skip
_WHOLE = ("教育考试院", "疾病预防控制中心", "疾控中心")
_BODY = re.compile(
    "(?:"
    + "|".join(sorted(_WHOLE, key=len, reverse=True))
    + ")|(?:"
    + "|".join(sorted(_FIELDS, key=len, reverse=True))
    + ")(?:"
    + "|".join(_HEADS)
    + ")"
)
_FIRST = frozenset(w[0] for w in (*_FIELDS, *_WHOLE))
# Words before a body that name the state or the level it belongs to (国家 统计局, 国务院 新闻办公室,
# 省 教育厅, 市 卫健委): the text's own province or city.
_STATE = frozenset({"国家", "国务院", "中央", "中华人民共和国"})
_LEVELS = frozenset({"省", "市", "县", "区", "州", "自治区", "自治州", "镇", "本市", "我市", "本省", "我省"})
_LEVEL_CHARS = frozenset("省市县区州镇乡")  # a level jieba may join to what follows (市大/n 数据, 和县)
_STARTS = _FIRST | _LEVEL_CHARS  # the first characters of a word a body may start in
# Without any of them a field and head name a body of the state only as a ministry (应急管理部, 外交部: the
# fields of the State Council's ministries, now or once, as 能源部, 广电部, for 体育部, 新闻部 or 审计部 is
# a department of anything), under a national head (市场监管总局, 海关总署) or as a commission's short form
# (发改委, 卫健委, 国资委, 网信办): 教育局 or 公安局 alone is "the local bureau", a common noun.
_MINISTRY_FIELDS = frozenset(
    {"外交", "国防", "教育", "科学技术", "科技", "工业和信息化", "工信", "公安", "民政", "司法", "财政",
     "人力资源和社会保障", "人社", "自然资源", "生态环境", "住房和城乡建设", "住建", "交通运输", "交通",
     "水利", "农业农村", "商务", "文化和旅游", "文旅", "应急管理", "能源", "广播电视", "广电"}
)  # fmt: skip
_MINISTRY = "部"
_NATIONAL_HEADS = ("总局", "总署")
_SHORT_FORM = 3


def _alone_a_body(ctx: Context, i: int, body: str) -> bool:
    """Whether ``body``, at word ``i`` with no state, level or place before it, names a body of the state:
    a ministry, a national head or a short form, and not a department of the organisation before it."""
    if i and (ctx.label_at(i - 1) == "ORG" or after_a_parent(ctx.tokens, i)):
        return False
    if body.endswith(_MINISTRY):
        return body[: -len(_MINISTRY)] in _MINISTRY_FIELDS
    return body.endswith(_NATIONAL_HEADS) or (len(body) <= _SHORT_FORM and body[-1] in "委办")


_CHIEF = "长"


def _chief_after(ctx: Context, end: int, ends: dict[int, int]) -> bool:
    """Whether the body ending at ``end`` ends inside a word that names its chief with the head again
    (数据 局局长/n, 总局局长: the bureau's 局长), which jieba holds as one word."""
    j = ends.get(end + 2)
    return (
        j is not None and ctx.tokens[j].start < end and ctx.text[end : end + 2] == ctx.text[end - 1] + _CHIEF
    )


def state_body(ctx: Context) -> list[Suggestion]:
    """A field of government and a body head on word boundaries → one ORG, with what names its state or
    place before it: 国家 发展和改革 委员会, 省 教育厅, 湖南省 住房和城乡建设厅, 金水区 应急 管理局;
    alone only a ministry (应急 管理部, 市场监管 总局) or a short form (发改委). jieba may join a level to
    the body's first characters (市大/n 数据 局, 市卫健委/n) and the head to its chief's title (局局长/n).
    Not 内部, 全部, 俱乐部 (no field), 教育部门 or 财政部长 (the head ends inside another word)."""
    ends = {t.end: i for i, t in enumerate(ctx.tokens)}
    out: list[Suggestion] = []
    for i, tok in enumerate(ctx.tokens):
        w = tok.word
        if w[0] not in _STARTS:
            continue
        m = _BODY.match(ctx.text, tok.start) if w[0] in _FIRST else None
        in_word = m is None and len(w) > 1 and w[0] in _LEVEL_CHARS and w[1] in _FIRST
        if in_word:  # 市大/n 数据 局, 市卫健委/n: jieba joined the level to the body's first characters
            m = _BODY.match(ctx.text, tok.start + 1)
        if m is None or (m.end() not in ends and not _chief_after(ctx, m.end(), ends)):
            continue
        body = m.group()
        start = tok.start
        before = ctx.tokens[i - 1].word if i else ""
        if in_word:
            if i and place_word(ctx, i - 1):  # 湖南 省大 数据 局
                start = ctx.tokens[place_chain_start(ctx, i - 1)].start
        elif before in _STATE or before in _LEVELS:
            start = ctx.tokens[i - 1].start
            if i > 1 and place_word(ctx, i - 2):  # 湖南 省 教育厅, 印尼 中央 统计局
                start = ctx.tokens[place_chain_start(ctx, i - 2)].start
        elif i and place_word(ctx, i - 1):
            start = ctx.tokens[place_chain_start(ctx, i - 1)].start
        elif not _alone_a_body(ctx, i, body):
            continue
        out.append(rule_suggestion(start, m.end(), "ORG", "state_body", 0.85))
    return out


# A conjunction and an administrative level that jieba reads as one place (和县, a county of Anhui, in
# 市教育局和县卫健委): between two bodies, news means "and the county's …" far more often than the county
# (in MSRA's training part 和县 never stands for the county: 市县公路和县乡公路).
_CONJUNCTIONS = frozenset("和与及")


def _ends_a_body(word: str, lex: Lexicons) -> bool:
    return word.endswith(_HEADS) or lex.org_suffix(word) is not None


# The heads of a body's branch in a county (公安局 和县 分局): after 和县 they name the county's branch of the
# body before it, not a second body.
_BRANCH_HEADS = frozenset(
    {"分局", "支队", "大队", "中队", "分行", "支行", "分公司", "分院", "分所", "分会", "分中心"}
)


def split_conjunctions(text: str, tokens: list[Token], lex: Lexicons) -> list[Token]:
    """``tokens`` with a word of a conjunction and a level (和县, 与区) cut in two where it stands between
    a word ending in a body head and a body (市教育局 和/c 县/n 卫健委); elsewhere (马鞍山市 和县, 和县
    卫健委 at the start) or before a branch (马鞍山市公安局 和县 分局) it stays the place jieba reads."""
    out = tokens
    for i in range(1, len(tokens) - 1):
        tok = tokens[i]
        if len(tok.word) != 2 or tok.word[0] not in _CONJUNCTIONS or tok.word[1] not in _LEVEL_CHARS:
            continue
        nxt = tokens[i + 1]
        if nxt.word in _BRANCH_HEADS:
            continue  # 马鞍山市公安局 和县 分局: the county's branch, not "and the county's"
        body = _BODY.match(text, nxt.start)
        if _ends_a_body(tokens[i - 1].word, lex) and (
            body is not None or lex.org_suffix(nxt.word) is not None
        ):
            if out is tokens:
                out = list(tokens)
            at = out.index(tok)
            out[at : at + 1] = [
                Token(tok.start, tok.start + 1, tok.word[0], "c"),
                Token(tok.start + 1, tok.end, tok.word[1], "n"),
            ]
    return out


# Descriptors news puts before a company's or platform's name the first time (招聘平台 58同城, 视频网站 B站,
# 流媒体公司 奈飞, 芯片企业 高通, 家居品牌 宜家).
_DESCRIPTORS = frozenset({"平台", "网站", "品牌", "企业", "公司", "巨头", "车企", "电商", "运营商", "厂商"})
_COMPOUND_DESCRIPTORS = ("平台", "网站")
_COMPOUND_MAX = 4
_DESCRIPTOR_ENDS = frozenset(w[-1] for w in (*_DESCRIPTORS, *_COMPOUND_DESCRIPTORS))  # a cheap pre-check
# Characters that are words of their own before or after a name (公司 是, 企业 要 想, 平台 上).
_STOP_CHARS = frozenset(
    "和与及的在将已也都是了把被对向从等称说要会能给让由为于以并就又还曾正仍再才共均上中内里下后前时有去来到"
)
# Adverbs and determiners a word jieba does not know may start with, which no name does (企业 更应 …)
_NOT_FIRST = frozenset("更一不没很最再这那其每各该此本均")
_NAME_MAX = 5
_COMMON_WORD = 100  # jieba dictionary frequency from which a word is one of the language (首页, 员工)
# jieba's parts of speech of a name it knows or half knows (高通/nr, 宜家/ns, 美团 unknown: oov) …
_NAME_FLAGS = frozenset({"nr", "nrt", "nrfg", "nz", "ns", "nt", "eng", OOV})
# … and of the function words a name is not made of when jieba cuts it in characters (奈/vg 飞/v is a name;
# 更/d 应/v, 约/d 占/v, 一/m 争/v are not).
_FUNCTION_FLAGS = ("d", "p", "c", "u", "r", "m", "q", "f", "t", "y", "e", "o", "w", "x")
# What follows a number that makes it a quantity or a date, not a name (1994年, 296家, 3日; 58同城 is one).
_UNITS = frozenset("年月日号时分秒家多个万亿名位次届期元岁米天周余强")
# A verb or an adjective of one character is a word of the sentence, not the first of a name (企业 有 28 家,
# 企业 去 办, 企业 新 老 下岗 职工; 奈/vg 飞 is a name).
_NOT_NAME_START = frozenset({"v", "a"})
_PERSON_FLAGS = ("nr",)


def _not_in_name(word: str, flag: str) -> bool:
    """A function word (``_FUNCTION_FLAGS``), or a word jieba does not know starting as one does."""
    return word[0] in _NOT_FIRST if flag == OOV else flag.startswith(_FUNCTION_FLAGS)


def _cut_from_a_word(toks: list[Token], j: int) -> bool:
    """Whether the person jieba reads in word ``j`` is a piece of the words around it: a word of Chinese
    characters follows it straight that is neither a verb nor a function word (小红/nr 书上/s, 满负荷/nr
    生产/vn), or an aspect particle does (付清/nr 了/ul). 高通/nr 宣布/v, 高通/nr 的 are names."""
    if j + 1 >= len(toks) or not all_han(toks[j + 1].word):
        return False
    w, flag = toks[j + 1].word, toks[j + 1].flag
    return flag == "ul" or (flag != "v" and w not in _STOP_CHARS)


def _name_words(ctx: Context, first: int) -> int:
    """The index after the words from ``first`` on that may make a name: Latin letters and digits, single
    characters that are not function words, and at most one word of two or more characters, which ends it
    (a name jieba knows, or any word after Latin letters or digits: 58 同城/j)."""
    toks = ctx.tokens
    j = first
    latin = False
    while j < len(toks) and toks[j].end - toks[first].start <= _NAME_MAX:
        w, flag = toks[j].word, toks[j].flag
        if (
            len(w) == 1
            and flag in _NOT_NAME_START
            and (j == first or ctx.text[toks[first].start : toks[j].start].isdigit())
        ):
            break  # 企业 有 28 家; 618 大 促: after a number, the words of the sentence
        if w.isascii():
            if not w.isalnum():
                break
            latin = True
        elif not all_han(w) or _not_in_name(w, flag):
            break
        elif len(w) >= 2:
            if flag.startswith(_PERSON_FLAGS) and _cut_from_a_word(toks, j):
                return j
            if flag in _NAME_FLAGS or (latin and flag[:1] in ("n", "j")):
                return j + 1
            return first if _runs_on(ctx, j) else j
        elif w in _STOP_CHARS:
            break
        j += 1
    return first if j < len(toks) and _runs_on(ctx, j) else j


def _runs_on(ctx: Context, j: int) -> bool:
    """Whether Latin letters before word ``j`` run on into it, a word jieba hardly knows that no name
    takes in (BOSS 直聘/v): they are the start of a longer name, not one."""
    w = ctx.tokens[j].word
    return (
        j > 0
        and ctx.tokens[j - 1].word.isascii()
        and len(w) >= 2
        and all_han(w)
        and ctx.tokens[j].flag[:1] not in ("n", "j")
        and ctx.freq(w) < _COMMON_WORD
    )


def _name_like(ctx: Context, name: str, words: int, after: str) -> bool:
    """Whether ``name`` (of ``words`` words, ``after`` the text after it) is a name, not a quantity, a date
    or a word of the language: no unit after its digits (有28 家, 500 强), no common word after its first
    digits (618 大促)."""
    if ctx.lex.gazetteer.get(name) == "LOC" or len(name) < 2:  # a place; a company it knows is one
        return False
    if name[-1].isdigit() and after[:1] in _UNITS:
        return False
    if name.isascii():
        return any(c.isalpha() for c in name)
    digits = len(name) - len(name.lstrip("0123456789"))
    if digits:
        rest = name[digits:]
        return rest[0] not in _UNITS and not (
            all_han(rest) and len(rest) >= 2 and ctx.freq(rest) >= _COMMON_WORD
        )
    if any(c.isascii() for c in name):
        return True
    return ctx.freq(name) < _COMMON_WORD and (words == 1 or len(name) == words)


def _descriptor(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` is a descriptor with what kind it is before it: a noun word (芯片 企业, 视频 网站)
    or in one word with it (外卖平台); not 乡镇企业 nor 有限公司, words of their own, nor 国内外 企业."""
    w = toks[i].word
    if w in _DESCRIPTORS:
        return i > 0 and all_han(toks[i - 1].word) and toks[i - 1].flag[:1] in ("n", "v", "j")
    return w.endswith(_COMPOUND_DESCRIPTORS) and len(w) <= _COMPOUND_MAX


def introduced_name(ctx: Context) -> list[Suggestion]:
    """A name right after a descriptor with something before it (招聘平台 58 同城, 视频网站 B 站, 流媒体
    公司 奈 飞, 芯片企业 高通/nr) → ORG: Latin letters or digits with the characters after them, one word
    jieba reads as a name, or characters jieba cut one by one (``_name_words``). Not a common word (网站 首页,
    公司 员工), a quantity or a date (企业 296 家, 公司 1994 年), a place of the gazetteer, nor words of the
    language cut in characters (企业 更 应)."""
    out: list[Suggestion] = []
    toks = ctx.tokens
    for i in range(len(toks) - 1):
        if toks[i].word[-1] not in _DESCRIPTOR_ENDS or not _descriptor(toks, i):
            continue
        j = _name_words(ctx, i + 1)
        if j == i + 1:
            continue
        start, end = toks[i + 1].start, toks[j - 1].end
        if _name_like(ctx, ctx.text[start:end], j - i - 1, ctx.text[end:]):
            out.append(rule_suggestion(start, end, "ORG", "introduced_name", 0.7))
    return out


_TEAMS = ("队", "俱乐部")  # the words a club's name may end with (战平 武汉 雅琪 队, 拉齐奥 俱乐部)
# Words that follow a place and stand beside a match without naming a club: common nouns for a team
# (欧洲 劲旅 瑞典队) and the name of a stadium (北京 奥体 中心)
_NOT_CLUBS = frozenset({"劲旅", "豪门", "新军", "强队", "黑马", "球队"})
_VENUE_PARTS = ("奥体",)
# Words before a place that make it where a match is played (在 上海 浦东 主场 作战), not who plays it
_WHERE = frozenset({"在", "于", "到"})
_CLUB_NAME = (2, 3)  # characters of a club's name after its city
# The lengths of a word holding a city (two or three characters) and a club's name (山东泰山, 武汉三镇)
_CITY_AND_CLUB = frozenset(city + name for city in (2, 3) for name in _CLUB_NAME)
# A team or a player after a country is no club (印尼 女队 is merge_place_org's; 印尼 名将, 中国 选手, 球员).
_SPORTS_PEOPLE = frozenset("队将手员")


def _club_name(ctx: Context, word: str) -> bool:
    """A word that may name a club after its city: two or three Chinese characters, not ending in an
    administrative head (省, 市, 区 …), a venue's (体育场) or another place head of two characters
    (大街, 广场), a team or a player (女队, 名将) nor an organisation head, not a common word (北京 时间)
    nor a known place (北京 天津)."""
    return (
        len(word) in _CLUB_NAME
        and all_han(word)
        and word not in ctx.lex.gazetteer
        and ctx.lex.org_suffix(word) is None
        and word[-1] not in ADMIN_HEADS
        and word[-1] not in _SPORTS_PEOPLE
        and not word.endswith(FACILITY_HEADS)
        and word not in _NOT_CLUBS
        and not any(v in word for v in _VENUE_PARTS)
        and len(ctx.lex.place_suffix(word) or "") < 2
        and ctx.freq(word) < 1000
    )


def place_club(ctx: Context) -> list[Suggestion]:
    """A place from the gazetteer and a name beside a word of a match report → one ORG, the club (上海 海港
    主场, 成都 蓉城 主帅; in one word: 山东泰山 队长, 击败 武汉三镇). Elsewhere nothing (比赛在 上海浦东
    进行; 游览 山东泰山). A team word after it is part of it (战平 武汉 雅琪 队)."""
    out: list[Suggestion] = []
    toks = ctx.tokens
    gaz = ctx.lex.gazetteer
    for i, tok in enumerate(toks):
        w = tok.word
        last = None
        if gaz.get(w) == "LOC" and i + 1 < len(toks) and _club_name(ctx, toks[i + 1].word):
            flag = toks[i + 1].flag
            if flag[:1] in ("n", "j", "x") or flag == OOV:
                last = i + 1
        elif len(w) in _CITY_AND_CLUB:  # no look-up in the gazetteer for shorter or longer words
            n = next((n for n in (2, 3) if gaz.get(w[:n]) == "LOC"), 0)
            if n and len(w) - n in _CLUB_NAME and _club_name(ctx, w[n:]):
                last = i
        if last is None or not beside_match(toks, i, last) or (i and toks[i - 1].word in _WHERE):
            continue
        nxt = toks[last + 1] if last + 1 < len(toks) else None
        if (
            nxt is not None
            and nxt.word not in _TEAMS
            and (nxt.word.endswith("队") or ctx.label_at(last + 1) == "ORG")
        ):
            continue  # 欧洲 劲旅 瑞典队: the team is the one after
        if nxt is not None and nxt.word in _TEAMS:  # 武汉 雅琪 队, 拉齐奥 俱乐部: the team word is its own
            last += 1
        out.append(rule_suggestion(tok.start, toks[last].end, "ORG", "place_club", 0.75))
    return out
