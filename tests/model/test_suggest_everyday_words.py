"""Wrong or lost spans of the rules in ordinary news: a listed company used as a verb (在网上淘宝) or as a
person's name (他叫高通), a square named after a paper (纽约时报广场), a verb ending like a parent body (举行
商务部), a body jieba cuts across (市大/数据/局局长), a company before its chief (华为任正非) and 组织 after a
body (教育部组织专家). Each case failed before its fix."""

from __future__ import annotations

import pytest

from model.suggest import SuggestionEngine, rules
from tests.model.test_suggest_rules import make_ctx, spans


@pytest.fixture(scope="module", params=["msra", "general"])
def engine(request: pytest.FixtureRequest) -> SuggestionEngine:
    e = SuggestionEngine(labels=("PER", "LOC", "ORG"), conventions=request.param)
    e.warm_up()
    return e


def _found(engine: SuggestionEngine, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in engine.suggest(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("教育部组织专家进行评审。", ["教育部"]),
        ("由中宣部、全国总工会组织的报告团来到这里。", ["中宣部", "全国总工会"]),
        ("新华社组织记者深入采访。", ["新华社"]),
        ("山西教育出版社组织专家编撰丛书。", ["山西教育出版社"]),  # a word before the body's head
    ],
)
def test_organise_after_a_body_is_the_verb(engine: SuggestionEngine, text: str, expected: list[str]) -> None:
    assert [w for w, label in _found(engine, text) if label == "ORG"] == expected
    ctx = make_ctx("欧佩克/nt 组织/v 成员国/n", base={0: "ORG"})
    assert spans(ctx, rules.merge_place_org(ctx)) == [("欧佩克组织", "ORG")]  # after a name, the body


def test_a_verb_ending_like_a_bank_is_no_parent_of_the_ministry_after_it(engine: SuggestionEngine) -> None:
    assert _found(engine, "昨天举行商务部新闻发布会。") == [("商务部", "ORG")]
    assert ("商务部", "ORG") in _found(engine, "进行商务部组织的培训后，他回到公司。")
    assert _found(engine, "他在银行科技部工作过。") == []  # a bank's department, as before
    ctx = make_ctx("举行/v 商务部/nt 发布会/n")
    assert not rules.after_a_parent(ctx.tokens, 1)
    assert rules.after_a_parent(make_ctx("该行/r 商务部/nt").tokens, 1)  # that bank's


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("市大/n 数据/n 局局长/n 介绍/v", [("市大数据局", "ORG")]),  # the level and the chief in words
        ("据/p 市大/n 数据/n 局/n 消息/n", [("市大数据局", "ORG")]),
        ("市卫健委/n 主任/b 表示/v", [("市卫健委", "ORG")]),
        ("县公安局/n 民警/n", [("县公安局", "ORG")]),
        ("市/n 数据/n 局局长/n 表示/v", [("市数据局", "ORG")]),
        ("市大/n 数据中心/n 负责人/n", []),  # no body head
        ("市民/n 教育/vn 活动/n", []),
        ("财政/n 部长/n 表示/v", []),  # 部长 is no 部 and 部长
    ],
)
def test_a_body_jieba_cuts_across_its_level_or_its_chief(spec: str, expected: list[tuple[str, str]]) -> None:
    ctx = make_ctx(spec)
    assert spans(ctx, rules.state_body(ctx)) == expected


@pytest.mark.parametrize(
    ("spec", "base", "expected"),
    [
        ("纽约时报/nt 广场/n 挤满/v", {}, [("纽约时报广场", "LOC")]),
        ("在/p 时报/n 广场/n 跨年/v", {}, [("时报广场", "LOC")]),
        ("纽约时报/nt 报道/v", {}, [("纽约时报", "ORG")]),  # the paper
        ("洛杉矶/ns 时报/n 广场/n 版/n 刊登/v", {0: "LOC"}, [("洛杉矶时报", "ORG")]),  # a page of the paper
        ("纽约时报/nt 广场/n 专栏作家/n 说/v", {}, [("纽约时报", "ORG")]),
        ("在/p 纽约时报/nt 广场/n 刊播/v 宣传片/n", {}, [("纽约时报广场", "LOC")]),  # a verb, no section
        ("在/p 纽约时报/nt 广场/n 刊登/v 后/f", {}, [("纽约时报广场", "LOC")]),
        ("纽约时报/nt 广场/n 周刊/n 发表/v", {}, [("纽约时报", "ORG")]),
    ],
)
def test_a_square_named_after_a_paper_is_a_place(
    spec: str, base: dict[int, str], expected: list[tuple[str, str]]
) -> None:
    ctx = make_ctx(spec, base=base)
    assert spans(ctx, rules.newspaper(ctx)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "周末他常在网上淘宝，买些便宜的日用品。",
        "不少市民周末喜欢去旧货市场淘宝。",
        "年轻人喜欢在地摊上淘宝。",
        "来这里淘宝的游客越来越多。",
        "他们喜欢到网上淘宝。",
        "在二手市场淘宝成了年轻人的新爱好。",  # a market of second-hand goods after 在
        "在潘家园旧货市场淘宝的人很多。",
        "很多人专程去旧货市场淘宝。",  # 专程去/l: a word ending in a verb of going
        "退休后他常去旧货市场淘宝。",
        "她常来跳蚤市场淘宝。",
        "他从北京来上海淘宝。",  # 从 … 来: still a verb of going
        "他们从外地来，到潘家园淘宝。",  # 从 in another clause
    ],
)
def test_a_company_that_is_also_a_verb_is_the_verb_after_a_place_to_do_it(
    engine: SuggestionEngine, text: str
) -> None:
    assert [w for w, _ in _found(engine, text) if w == "淘宝"] == []  # (jieba's 潘家园/nr is another matter)


@pytest.mark.parametrize(
    "spec",
    [
        "他们/r 常去/v 夜市/n 淘宝/nt 。/x",  # as jieba cuts with LAC's words among its own
        "退休/v 后/f 他/r 常去/v 旧货/n 市场/n 淘宝/nt 。/x",
        "她/r 常来/v 跳蚤市场/n 淘宝/nt 。/x",
        "很多/m 人/n 专程去/l 旧货/n 市场/n 淘宝/nt 。/x",
    ],
)
def test_a_market_after_a_word_ending_in_a_verb_of_going_is_one_to_hunt_in(spec: str) -> None:
    ctx = make_ctx(spec)
    i = next(k for k, tok in enumerate(ctx.tokens) if tok.word == "淘宝")
    assert rules.company_reading(ctx.tokens, i, ctx.lex) is None


@pytest.mark.parametrize(
    "text",
    [
        "在中国电商市场淘宝占据半壁江山。",  # a market of business news, not one to hunt in
        "在网购市场淘宝一家独大。",
        "农村市场淘宝和拼多多竞争激烈。",
        "阿里巴巴旗下的零售市场淘宝和天猫继续增长。",
        "国内淘宝的交易额去年再创新高。",  # a locative word but online
        "海外淘宝的用户增长迅速。",
        "国外淘宝的知名度不高。",
        "到明年淘宝将投入十亿元扶持中小商家。",  # a time after a verb of going
        "到明年初淘宝将完成改版。",
        "这些商品到今天淘宝仍在销售。",
        "到那时淘宝将完成改版。",
        "从城市到农村淘宝都已全面覆盖。",  # 从 … 到: a range, not a verb of going
        "从一线城市到县城淘宝的渗透率不断提高。",
        "从东部到西部淘宝的用户规模持续扩大。",
    ],
)
def test_the_platform_in_business_news_is_the_platform(engine: SuggestionEngine, text: str) -> None:
    assert ("淘宝", "ORG") in _found(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "她在淘宝上开了一家店。",  # after a preposition
        "他习惯上淘宝买衣服。",  # 上/f after a word that is no market
        "网上淘宝店的数量超过千万。",  # before a noun: the platform's shop
        "商家通过淘宝平台销售农产品。",
    ],
)
def test_the_platform_stays_the_platform(engine: SuggestionEngine, text: str) -> None:
    assert _found(engine, text) == [("淘宝", "ORG")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他叫高通，今年二十五岁。", [("高通", "PER")]),
        ("这位名叫海信的小伙子今年刚大学毕业。", [("海信", "PER")]),
        ("父母给他取名华为。", [("华为", "PER")]),
        # a company or a product after all
        ("这家公司叫海尔，总部设在当地。", [("海尔", "ORG")]),
        ("一家名为高通的公司在当地注册成立。", [("高通", "ORG")]),
        ("一款名叫抖音的应用风靡全球。", [("抖音", "ORG")]),  # 抖 is no surname either
        ("一名名为华为的男子被捕。", [("华为", "PER")]),
        ("一项名为华为杯的比赛在当地举行。", [("华为", "ORG")]),  # the name goes on: a thing's
    ],
)
def test_a_company_after_a_verb_that_gives_a_name_is_a_persons_name(
    engine: SuggestionEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("这家公司的名字叫华为。", "华为"),  # a name noun: its owner is no person
        ("它的名字叫海尔，意思是更高。", "海尔"),
        ("公司的前身叫海尔。", "海尔"),
        ("该公司英文名叫Huawei，中文名叫华为。", "华为"),
        ("这个品牌后来改名叫海尔。", "海尔"),  # past a time word and 改名: a brand
        ("当时这个厂叫青岛电冰箱总厂，后来叫海尔。", "海尔"),
        ("这个牌子叫海信，在当地很有名。", "海信"),
        ("有一款手机名叫华为。", "华为"),
        ("这款车叫丰田。", "丰田"),
        ("这只股票叫万科。", "万科"),
        ("我们村的超市叫华为。", "华为"),
        ("网友给这只熊猫取名高通。", "高通"),  # 熊猫/nr: no person
        ("任正非给公司取名华为，寓意中华有为。", "华为"),
    ],
)
def test_a_company_named_so_stays_the_company_unless_a_person_is_named(
    engine: SuggestionEngine, text: str, name: str
) -> None:
    found = _found(engine, text)
    assert (name, "ORG") in found
    assert (name, "PER") not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("她也叫华为。", "华为"),  # past an adverb
        ("他的名字叫高通。", "高通"),  # from the name noun to its owner
        ("他后来改名叫海尔。", "海尔"),
        ("他给儿子起名叫海信，希望孩子有出息。", "海信"),
        ("他们把孩子取名为华为。", "华为"),
        ("这个小伙子叫海信。", "海信"),
        ("一位名叫海信的工程师说。", "海信"),  # a person's measure word
        ("她的小名叫海尔。", "海尔"),  # 小/n 名叫/v: a name noun jieba cuts before 名叫
        ("他的真名叫华为。", "华为"),
        ("他本名叫海信。", "海信"),
        ("他的大名叫华为。", "华为"),
        ("他的全名叫万科。", "万科"),
        ("她的英文名叫海信。", "海信"),
        ("他的外号叫华为，村里人都这么喊他。", "华为"),
        ("他的绰号叫高通，在工地上无人不知。", "高通"),
        ("他的网名叫华为。", "华为"),
        ("这名快递员叫海信，今年二十三岁。", "海信"),  # a noun after a person's measure word
        ("这位工程师叫华为，毕业于清华大学。", "华为"),
        ("这位工程师的名字叫华为。", "华为"),
    ],
)
def test_a_company_naming_a_person_is_a_persons_name(engine: SuggestionEngine, text: str, name: str) -> None:
    assert (name, "PER") in _found(engine, text)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        # as jieba cuts with LAC's words among its own
        ("他本/oov 名叫/v 海信/nt 。/x", "PER"),
        ("他/r 的/uj 真/d 名叫/v 华为/nt 。/x", "PER"),  # no adverb to skip: the start of 真名
        ("这名/oov 快递/v 员/zg 叫/v 海信/nt ,/x", "PER"),
        ("这家/r 公司/n 的/uj 英文/nz 名叫/v 海信/nt 。/x", "ORG"),  # a company's name noun
        ("这/r 名字/n 叫/v 华为/nt 。/x", "ORG"),  # no measure word
        ("这位/rz 工程师/n 取名/v 华为/nt 。/x", "ORG"),  # he may name his company
    ],
)
def test_a_name_noun_or_a_person_jieba_cuts_apart_names_a_person(spec: str, expected: str) -> None:
    ctx = make_ctx(spec)
    i = next(k for k, tok in enumerate(ctx.tokens) if tok.flag == "nt")
    assert rules.company_reading(ctx.tokens, i, ctx.lex) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("王大妈叫海尔的维修师傅上门修冰箱。", "海尔"),
        ("他叫华为的工程师来公司调试设备。", "华为"),
        ("我叫海信的客服帮忙查一下订单。", "海信"),
    ],
)
def test_a_company_after_send_for_and_of_is_the_company(
    engine: SuggestionEngine, text: str, name: str
) -> None:
    found = _found(engine, text)
    assert (name, "ORG") in found
    assert (name, "PER") not in found


def test_a_company_after_send_for_and_of_is_a_name_only_before_a_person_noun() -> None:
    lex = make_ctx("他/r").lex
    tokens = make_ctx("他/r 叫/v 华为/nt 的/uj 工程师/n 来/v").tokens
    assert rules.company_reading(tokens, 2, lex) == "ORG"
    tokens = make_ctx("一个/m 叫/v 海信/nt 的/uj 小伙子/n 说/v").tokens  # the one named
    assert rules.company_reading(tokens, 2, lex) == "PER"
    tokens = make_ctx("一位/m 名叫/v 海信/nt 的/uj 工程师/n 说/v").tokens  # 名叫 sends for no one
    assert rules.company_reading(tokens, 2, lex) == "PER"


def test_a_pronoun_before_a_verb_of_giving_names_only_after_give() -> None:
    lex = make_ctx("他/r").lex
    tokens = make_ctx("他/r 取名/v 华为/nt 。/x").tokens  # he may name his company
    assert rules.company_reading(tokens, 2, lex) == "ORG"
    tokens = make_ctx("父母/n 给/p 他/r 取名/v 华为/nt 。/x").tokens
    assert rules.company_reading(tokens, 4, lex) == "PER"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("华为任正非近日接受采访时表示。", [("华为", "ORG"), ("任正非", "PER")]),
        ("腾讯马化腾出席了大会。", [("腾讯", "ORG"), ("马化腾", "PER")]),
        ("丰田章一郎说，市场潜力巨大。", [("章一郎", "PER")]),  # a family name before the given name
    ],
)
def test_a_company_before_a_persons_name_is_the_company_unless_a_family_name(
    engine: SuggestionEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(engine, text) == expected


@pytest.mark.parametrize(
    "text", ["中国企业在纽约时报广场刊播国家形象宣传片。", "这则广告在纽约时报广场刊登后引起轰动。"]
)
def test_a_square_named_after_a_paper_is_a_place_before_a_verb_of_printing(
    engine: SuggestionEngine, text: str
) -> None:
    assert ("纽约时报广场", "LOC") in _found(engine, text)


def test_a_papers_office_without_its_name_is_no_organisation(engine: SuggestionEngine) -> None:
    assert _found(engine, "他先后访问了经济日报社。") == []  # 经济/n 日报社/nt: not the office alone
    assert _found(engine, "澳门日报社社长出席。") == [("澳门日报社", "ORG")]
