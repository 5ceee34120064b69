"""Companies of the bundled list (``companies.tsv``) where they are not the company: jieba, which the list
taught the company as one word, cuts 王华为 as 王/nr 华为/nt and 丰田章一郎 as 丰田/nt 章一郎/nr, and the
company would replace the person (or stand beside its given name); 在网上淘宝 is a verb and 他叫高通 a
person's name."""

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
# … after a place where one does it: a locative word (网上/s), a market (旧货市场, 书市, 地摊 上), or any
# word after a verb of going (去 潘家园, 来 这里); the platform follows a preposition or a verb (在 淘宝 上,
# 上 淘宝 买).
_MARKETS = ("市场", "集市", "市集", "地摊", "夜市", "早市", "书市", "旧货", "古玩城", "商品城")
_LOCATIVE = "s"
_POSITIONS = frozenset({"上", "里"})
_GOING = frozenset({"去", "来", "到", "逛"})
# The verbs that give a name (他叫高通, 名叫海信的小伙子, 取名华为, 一名名为华为的男子) …
_NAMING = frozenset({"叫", "名叫", "叫做", "名为", "取名", "起名", "取名为", "起名叫", "名字叫"})
# … and what makes the name a company's or a product's after all (这家公司叫海尔, 一款名叫抖音的应用, 一家名为
# 高通的公司): a kind of organisation or product before the verb or after the name and 的, or a measure word
# for them before the verb (一家, 这家, 一款); a person's name ends with the clause or before 的, a thing's
# may go on (名为华为杯的比赛, 名为华为Mate的手机).
_KINDS = ("公司", "企业", "集团", "品牌", "平台", "网站", "应用", "软件", "产品", "店", "厂", "商", "机构")
_KIND_MEASURES = frozenset("家款")
_OF = "的"


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


def _a_verb(tokens: list[Token], i: int) -> bool:
    """Whether a listed company that is also a verb is one here (网上/s 淘宝, 旧货 市场 淘宝, 地摊 上 淘宝, 去
    潘家园 淘宝): after a place where one does it, and not before a noun (网上 淘宝 店: the platform's)."""
    if tokens[i].word not in _ALSO_VERBS or i == 0:
        return False
    if i + 1 < len(tokens) and tokens[i + 1].flag[:1] == "n":
        return False
    k = i - 1
    if tokens[k].word in _POSITIONS and k > 0:
        k -= 1
        return tokens[k].word.endswith(_MARKETS)  # 地摊 上 淘宝; not 习惯 上/f 淘宝, 线 上 淘宝
    place = tokens[k]
    return (
        place.flag == _LOCATIVE
        or place.word.endswith(_MARKETS)
        or (k > 0 and tokens[k - 1].word in _GOING and place.flag != "nt" and all_han(place.word))
    )


def _a_kind(word: str) -> bool:
    return word.endswith(_KINDS)


def _a_persons_name(tokens: list[Token], i: int, lex: Lexicons) -> bool:
    """Whether a listed company is a person's name here: after a verb that gives one (他 叫 高通, 名叫 海信 的
    小伙子, 取名 华为), starting with a surname, with no kind of company or product before the verb (这家
    公司 叫 海尔, 一款 名叫 抖音) or after the name (名为 高通 的 公司), and ending the clause or before 的
    (not 名为 华为 杯)."""
    if i == 0 or tokens[i - 1].word not in _NAMING or tokens[i].word[0] not in lex.surnames:
        return False
    if i > 1 and (_a_kind(tokens[i - 2].word) or tokens[i - 2].word[-1] in _KIND_MEASURES):
        return False
    if i + 1 == len(tokens):
        return True
    after = tokens[i + 1].word
    if after == _OF:
        return not (i + 2 < len(tokens) and _a_kind(tokens[i + 2].word))
    return not all_han(after) and not after.isalnum()  # 他叫高通，; not 华为 杯, 华为 Mate


def company_reading(tokens: list[Token], i: int, lex: Lexicons) -> str | None:
    """How word ``i`` reads if it is a listed company: ``ORG``, the company (and any word not listed);
    ``PER``, a person's name (他叫高通, 名叫华为的男子); None, neither: a family name before a given name
    (丰田章一郎, a person the rules leave to others) or a verb (在网上淘宝)."""
    if lex.sources.get(tokens[i].word) != _COMPANIES:
        return ORG
    if _before_a_person(tokens, i, lex) or _a_verb(tokens, i):
        return None
    return PER if _a_persons_name(tokens, i, lex) else ORG
