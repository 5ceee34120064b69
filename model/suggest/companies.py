"""Companies of the bundled list (``companies.tsv``) where they are not the company: jieba, which the list
taught the company as one word, cuts 王华为 as 王/nr 华为/nt and 丰田章一郎 as 丰田/nt 章一郎/nr, and the
company would replace the person (or stand beside its given name); 在网上淘宝 is a verb and 他叫高通 a
person's name (but 这个牌子叫海信 the company's)."""

from __future__ import annotations

from model.suggest.context import all_han
from model.suggest.lexicons import Lexicons
from model.suggest.tokenizer import Token

_COMPANIES = "companies"  # the gazetteer file of companies (``lexicons.GAZETTEER_FILES``)
# jieba's tags of a one-character surname before a given name (王/nr, 刘/zg, 张/q); not 向/p, 将/d, 和/c
_SURNAME_FLAGS = frozenset({"nr", "nrfg", "nrt", "zg", "ng", "q"})
_NUMERAL = "m"  # 一/m 张/q: a measure word, not a surname
_PERSON = "nr"
ORG, PER = "ORG", "PER"

# Listed companies that are also family names, written before the given name (Japanese: 丰田章一郎, 丰田章男).
# Other companies before a person's name are the company (华为 任正非, 腾讯 马化腾).
_FAMILY_NAMES = frozenset({"丰田"})
# Listed companies that are also verbs (淘宝: to hunt for bargains, 在网上淘宝, 去旧货市场淘宝) …
_ALSO_VERBS = frozenset({"淘宝"})
# … after a place where one does it: online (网上, 线上), a market after 在 or a verb of going (在二手市场,
# 去潘家园旧货市场, 在地摊上), or any word after a verb of going but a time (去潘家园, 来这里; not 到明年,
# 到今天, 到那时); the platform follows a preposition or a verb (在淘宝上, 上淘宝买). Business news speaks of
# the platform in its markets and places (在中国电商市场淘宝占据半壁江山, 农村市场淘宝和拼多多, 国内淘宝的
# 交易额, 海外淘宝的用户): a market is one to hunt in only by itself (书市, 夜市) or of second-hand goods.
_ONLINE = frozenset({"网上", "线上"})
_MARKETS = ("集市", "市集", "地摊", "夜市", "早市", "书市", "古玩城", "商品城")
_MARKET = "市场"
_SECOND_HAND = ("旧货", "二手", "古玩", "跳蚤", "花鸟", "文玩")  # 旧货 市场, 二手市场; not 电商市场, 零售市场
# What the market's words follow: 在 潘家园 旧货 市场, or a word ending so (jieba, LAC's words among its
# own, cuts 常去, 常来, 专程去 as one: 他们 常去 夜市 淘宝).
_INTO = ("在", "去", "来", "到", "逛")
_MARKET_WORDS = 3  # words of the market's name at most (潘家园 旧货 市场)
_TIME = "t"  # jieba's time words (明年/t, 今天/t); 那时/r, 此时/r end in 时
_WHEN = "时"
_POSITIONS = frozenset({"上", "里"})
_GOING = frozenset({"去", "来", "到", "逛"})
# 到 after 从 in the clause spans a range, where business news places the platform (从城市到农村淘宝
# 都已全面覆盖).
_TO, _FROM = "到", "从"
_CLAUSE_ENDS = frozenset("，。；！？：、,;!?:")
# The verbs that give a name: the named is called it (他叫高通, 名叫海信的小伙子, 一名名为华为的男子) …
_CALLED = frozenset({"叫", "名叫", "叫做", "名为", "名字叫"})
# … or is given it (父母给他取名华为, 他给儿子起名叫海信, 他们把孩子取名为华为).
_GIVEN = frozenset({"取名", "起名", "取名为", "起名叫"})
# A listed company after such a verb is a person's name only where the named is a person: the word
# before the verb, past adverbs, time words and 改名 (她也叫华为, 他后来改名叫海尔) and from a name noun to
# its owner (他的名字叫高通, 他原名叫高通), or the word after the name and 的 (名叫海信的小伙子). Anything
# else keeps the company, as a wrong person is worse than a missed one: a company, brand, product, shop
# or animal (公司的名字叫华为, 这个牌子叫海信, 这款车叫丰田, 我们村的超市叫华为, 给这只熊猫取名高通) and a
# name noun alone (中文名叫华为).
_PERSON_NOUNS = frozenset(
    {
        *("儿子", "女儿", "孩子", "小孩", "男孩", "女孩", "男孩子", "女孩子", "小伙子", "小伙", "姑娘"),
        *("男子", "女子", "男人", "女人", "男生", "女生", "少年", "少女", "老人", "老汉", "婴儿", "宝宝"),
        *("妻子", "丈夫", "父亲", "母亲", "爸爸", "妈妈", "哥哥", "弟弟", "姐姐", "妹妹"),
        *("孙子", "孙女", "外孙", "侄子", "外甥", "长子", "次子", "长女"),
    }
)
# Pronouns and measure words of persons, and a person's name, are the named after a verb of being
# called (他叫高通, 一位名叫海信的工程师); after a verb of giving only after 给, 把 or 为 (父母给他取名
# 华为; not 他取名华为, where he may name his company).
_PRONOUNS = frozenset({"他", "她", "他们", "她们", "我", "你", "您", "我们", "你们"})
_PERSON_MEASURES = frozenset({"这位", "那位", "一位", "该位", "这名", "那名", "一名", "该名"})
_GIVERS = frozenset("给把为")
_NAME_NOUNS = frozenset(
    {
        *("名字", "名", "姓名", "真名", "本名", "原名", "小名", "乳名", "大名", "全名", "英文名", "中文名"),
        *("外号", "绰号", "昵称", "网名", "艺名", "笔名"),
    }
)
# jieba cuts most of them before 叫 as their first word and 名叫 (她 的 小 名叫, 他 的 英文 名叫; with LAC's
# words 他本 名叫): the word before 名叫 and 名 is one.
_NAME, _NAMED = "名", "名叫"
# A noun after a person's measure word is a person (这位 工程师 叫, 这 名 快递 员 叫: jieba cuts the
# measure word and the noun apart, the noun in up to ``_NOUN_WORDS`` words).
_MEASURE_PARTS = (frozenset({"这", "那", "一", "该"}), frozenset({"位", "名"}))
_NOUN_WORDS = 2
_SKIPPED_FLAGS = ("d", "t")  # 也/d, 后来/t
_RENAMED = "改名"
_PERSON_FLAGS = frozenset({"nr", "nrfg", "nrt"})
# … and what makes the name a company's or a product's after all (一家名为高通的公司, 一款名叫抖音的
# 应用): a kind of organisation or product after the name and 的; a person's name ends with the clause
# or before 的, a thing's may go on (名为华为杯的比赛, 名为华为Mate的手机).
_KINDS = ("公司", "企业", "集团", "品牌", "平台", "网站", "应用", "软件", "产品", "店", "厂", "商", "机构")
_OF = "的"
# 叫 also sends for someone (王大妈叫海尔的维修师傅上门, 我叫海信的客服帮忙): after it a company and 的 is
# the company's unless a person noun, the one named, follows (叫海信的小伙子).
_SEND_FOR = "叫"


def _surname_before(tokens: list[Token], i: int, lex: Lexicons) -> bool:
    if i == 0:
        return False
    prev = tokens[i - 1]
    if len(prev.word) != 1 or prev.word not in lex.surnames or prev.flag not in _SURNAME_FLAGS:
        return False
    return prev.flag != "q" or i < 2 or tokens[i - 2].flag != _NUMERAL


def join_persons_names(tokens: list[Token], lex: Lexicons) -> list[Token]:
    """``tokens`` with a listed company joined into a person's name where it is one: after a one-character
    surname (王/nr 华为, 陈 华为, 刘/zg 顺丰 → 王华为/nr …). After a preposition or an adverb it stays the
    company (向/p 华为, 将/d 华为)."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if lex.sources.get(tok.word) == _COMPANIES and _surname_before(tokens, i, lex):
            prev = out.pop()
            tok = Token(prev.start, tok.end, prev.word + tok.word, _PERSON)
        out.append(tok)
    return out


def _before_a_person(tokens: list[Token], i: int, lex: Lexicons) -> bool:
    """Whether a listed company that is also a family name has a person's name after it (a word jieba tags
    ``nr`` that starts with a surname; not 星巴克 喝咖啡/nr): 丰田/nt 章一郎/nr is a person."""
    return (
        tokens[i].word in _FAMILY_NAMES
        and i + 1 < len(tokens)
        and tokens[i + 1].flag == _PERSON
        and tokens[i + 1].word[0] in lex.surnames
    )


def _a_market(tokens: list[Token], k: int) -> bool:
    """Whether word ``k`` ends a market to hunt in after 在 or a verb of going (在 二手市场, 去 潘家园 旧货
    市场, 在 地摊): one by itself or one of second-hand goods, not a market of business news (在 中国 电商
    市场)."""
    word = tokens[k].word
    if not word.endswith(_MARKETS):
        if not word.endswith(_MARKET):
            return False
        before = tokens[k - 1].word if k > 0 else ""
        if not (any(kind in word for kind in _SECOND_HAND) or before.endswith(_SECOND_HAND)):
            return False  # 电商 市场, 农村市场
    for j in range(k - 1, max(k - 1 - _MARKET_WORDS, -1), -1):
        if tokens[j].word.endswith(_INTO):
            return True
        if tokens[j].flag[:1] != "n":
            return False
    return False


def _from_before(tokens: list[Token], k: int) -> bool:
    """Whether 从 comes before word ``k`` in its clause (从 东部 到 西部)."""
    for j in range(k - 1, -1, -1):
        word = tokens[j].word
        if word == _FROM:
            return True
        if word in _CLAUSE_ENDS:
            return False
    return False


def _a_verb(tokens: list[Token], i: int) -> bool:
    """Whether a listed company that is also a verb is one here (网上 淘宝, 去 旧货 市场 淘宝, 在 地摊 上
    淘宝, 去 潘家园 淘宝): after a place where one does it, and not before a noun (网上 淘宝 店: the
    platform's)."""
    if tokens[i].word not in _ALSO_VERBS or i == 0:
        return False
    if i + 1 < len(tokens) and tokens[i + 1].flag[:1] == "n":
        return False
    k = i - 1
    if tokens[k].word in _POSITIONS and k > 0:
        return _a_market(tokens, k - 1)  # 在 地摊 上 淘宝; not 习惯 上/f 淘宝, 线 上 淘宝
    place = tokens[k]
    if place.word in _ONLINE or _a_market(tokens, k):
        return True
    return (
        k > 0
        and tokens[k - 1].word in _GOING
        and not (tokens[k - 1].word == _TO and _from_before(tokens, k - 1))
        and place.flag != "nt"
        and not place.flag.startswith(_TIME)
        and not place.word.endswith(_WHEN)
        and all_han(place.word)
    )


def _a_kind(word: str) -> bool:
    return word.endswith(_KINDS)


def _a_persons_span(tok: Token, lex: Lexicons) -> bool:
    """A person's name jieba tags as one: three characters from a surname (张三丰/nr) or a surname and a title
    (王先生/nr); not a two-character word it tags so (熊猫/nr)."""
    word = tok.word
    if tok.flag not in _PERSON_FLAGS or word in lex.not_names or word[0] not in lex.surnames:
        return False
    return (len(word) == 3 and all_han(word)) or word[1:] in lex.titles


def _a_person(tokens: list[Token], k: int, lex: Lexicons, given: bool) -> bool:
    """Whether word ``k``, the one named, is a person: a person noun (儿子, 小伙子), or a pronoun, a person's
    measure word or name (他, 这位, 王先生) if not ``given`` the name or after 给/把/为."""
    word = tokens[k].word
    if word in _PERSON_NOUNS:
        return True
    if not (word in _PRONOUNS or word in _PERSON_MEASURES or _a_persons_span(tokens[k], lex)):
        return False
    return not given or (k > 0 and tokens[k - 1].word in _GIVERS)


def _a_name_noun(tokens: list[Token], i: int, k: int) -> bool:
    """Whether word ``k`` before the verb naming word ``i`` is a name noun, or its start that jieba cut off
    before 名叫 (小 名叫, 英文 名叫)."""
    word = tokens[k].word
    return word in _NAME_NOUNS or (tokens[i - 1].word == _NAMED and word + _NAME in _NAME_NOUNS)


def _the_named(tokens: list[Token], i: int) -> int:
    """The word before the verb naming word ``i``: past adverbs, time words and 改名 (她 也 叫, 后来 改名 叫),
    from a name noun to its owner (他 的 名字 叫, 他 原名 叫, 她 的 小 名叫); -1 if none."""
    k = i - 2
    while (
        k >= 0
        and (tokens[k].flag.startswith(_SKIPPED_FLAGS) or tokens[k].word == _RENAMED)
        and not _a_name_noun(tokens, i, k)  # 真/d 名叫
    ):
        k -= 1
    if k >= 0 and _a_name_noun(tokens, i, k):
        k -= 1
        if k >= 0 and tokens[k].word == _OF:
            k -= 1
    return k


def _owner_in_word(tokens: list[Token], i: int) -> bool:
    """Whether the word before 名叫 is a pronoun and the start of a name noun (他本/oov 名叫: LAC's words)."""
    if i < 2 or tokens[i - 1].word != _NAMED:
        return False
    word = tokens[i - 2].word
    return word[:-1] in _PRONOUNS and word[-1] + _NAME in _NAME_NOUNS


def _after_a_persons_measure(tokens: list[Token], k: int) -> bool:
    """Whether word ``k`` ends a noun after a person's measure word (这位 工程师, 这 名 快递 员,
    这名 快递 员)."""
    for m in range(k, max(k - _NOUN_WORDS, -1), -1):
        if not all_han(tokens[m].word) or tokens[m].word == _OF or tokens[m].word in _PRONOUNS:
            return False
        if m > 0 and tokens[m - 1].word in _PERSON_MEASURES:
            return True
        if m > 1 and tokens[m - 2].word in _MEASURE_PARTS[0] and tokens[m - 1].word in _MEASURE_PARTS[1]:
            return True
    return False


def _a_persons_name(tokens: list[Token], i: int, lex: Lexicons) -> bool:
    """Whether a listed company is a person's name here: after a verb that gives one, starting with a
    surname, ending the clause or before 的 (not 名为 华为 杯), and naming a person (他 叫 高通, 名叫 海信 的
    小伙子, 父母 给 他 取名 华为; not 这个 牌子 叫 海信, 名为 高通 的 公司)."""
    if i == 0 or tokens[i].word[0] not in lex.surnames:
        return False
    verb = tokens[i - 1].word
    given = verb in _GIVEN
    if not given and verb not in _CALLED:
        return False
    if i + 1 < len(tokens):
        after = tokens[i + 1].word
        if after == _OF and i + 2 < len(tokens):
            thing = tokens[i + 2].word
            if thing in _PERSON_NOUNS:
                return True
            if _a_kind(thing) or (verb == _SEND_FOR and all_han(thing)):
                return False  # 叫 海尔 的 维修 师傅: sends for the company's
        elif after != _OF and (all_han(after) or after.isalnum()):
            return False  # 名为 华为 杯, 华为 Mate: a thing's name goes on
    if not given and _owner_in_word(tokens, i):
        return True
    k = _the_named(tokens, i)
    if k < 0:
        return False
    return _a_person(tokens, k, lex, given) or (not given and _after_a_persons_measure(tokens, k))


def company_reading(tokens: list[Token], i: int, lex: Lexicons) -> str | None:
    """How word ``i`` reads if it is a listed company: ``ORG``, the company (and any word not listed);
    ``PER``, a person's name (他叫高通, 名叫华为的男子); None, neither: a family name before a given name
    (丰田章一郎, a person the rules leave to others) or a verb (在网上淘宝)."""
    if lex.sources.get(tokens[i].word) != _COMPANIES:
        return ORG
    if _before_a_person(tokens, i, lex) or _a_verb(tokens, i):
        return None
    return PER if _a_persons_name(tokens, i, lex) else ORG
