"""Organisations of news in general the rules cut or missed (issue 16): bodies named in a list after a
conjunction jieba reads as a county (市教育局和县卫健委), brigades and the state broadcaster
(四川省消防救援总队, 中央广播电视总台), companies and platforms named without a descriptor (字节跳动, 奈飞,
58同城) and a ministry's name as a company's department (公司商务部). Each positive case failed before its
fix."""

from __future__ import annotations

import pytest

from model.suggest import SuggestionEngine, lexicons, rules
from model.suggest.tokenizer import Token
from tests.gold_fixtures import gold_items
from tests.model.test_suggest_rules import make_ctx, spans


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    e = SuggestionEngine(labels=("PER", "LOC", "ORG"), conventions="general")
    e.warm_up()
    return e


def _orgs(engine: SuggestionEngine, text: str) -> list[str]:
    return [text[s.start : s.end] for s in engine.suggest(text) if s.label == "ORG"]


def _cut(spec: str) -> tuple[str, list[Token]]:
    tokens, pos = [], 0
    for item in spec.split(" "):
        word, _, flag = item.rpartition("/")
        tokens.append(Token(pos, pos + len(word), word, flag))
        pos += len(word)
    return "".join(t.word for t in tokens), tokens


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        # between a body and a body, 和县 is "and the county's"
        ("市/n 教育局/n 和县/ns 卫健委/nr 联合/v", ["市", "教育局", "和", "县", "卫健委", "联合"]),
        ("区/n 公安局/nt 与区/ns 应急/vn 管理局/n", ["区", "公安局", "与", "区", "应急", "管理局"]),
        # elsewhere the county jieba reads
        ("马鞍山市/ns 和县/ns 卫健委/nr", ["马鞍山市", "和县", "卫健委"]),
        ("和县/ns 卫健委/nr 发布/v", ["和县", "卫健委", "发布"]),
        ("教育局/n 和县/ns 的/uj 学校/n", ["教育局", "和县", "的", "学校"]),  # no body after it
        ("访问/v 和县/ns 教育局/n", ["访问", "和县", "教育局"]),  # no body before it
        # the county's branch of the body before it
        ("马鞍山市/ns 公安局/nt 和县/ns 分局/n", ["马鞍山市", "公安局", "和县", "分局"]),
    ],
)
def test_a_conjunction_jieba_joins_to_a_level_is_cut_off_between_two_bodies(
    spec: str, words: list[str]
) -> None:
    text, tokens = _cut(spec)
    cut = rules.split_conjunctions(text, tokens, lexicons.load())
    assert [t.word for t in cut] == words
    assert all(text[t.start : t.end] == t.word for t in cut)


def test_the_engine_reads_a_county_branch_whole(engine: SuggestionEngine) -> None:
    assert _orgs(engine, "马鞍山市公安局和县分局发布通告。") == ["马鞍山市公安局和县分局"]


def test_the_engine_reads_a_list_of_bodies_and_the_county_alone(engine: SuggestionEngine) -> None:
    assert _orgs(engine, "市教育局和县卫健委联合印发通知。") == ["市教育局", "县卫健委"]
    assert _orgs(engine, "和县卫健委今天发布通知。") == ["和县卫健委"]


@pytest.mark.parametrize(
    ("spec", "base", "expected"),
    [
        ("中央/n 广播电视/nt 总台/n 今晚/t", {}, "中央广播电视总台"),
        ("四川省/ns 消防/n 救援/vn 总队/n 派出/v", {0: "LOC"}, "四川省消防救援总队"),
        ("区/n 消防/n 救援/vn 大队/n 指导员/n", {}, "区消防救援大队"),
        ("区/n 城管/n 执法局/n 组织/v", {}, "区城管执法局"),
        ("市/n 大数据/n 局/n 表示/v", {}, "市大数据局"),
    ],
)
def test_brigades_and_the_broadcaster_are_bodies_with_their_state_or_place(
    spec: str, base: dict[int, str], expected: str
) -> None:
    ctx = make_ctx(spec, base=base)
    assert (expected, "ORG") in spans(ctx, rules.state_body(ctx))


@pytest.mark.parametrize("spec", ["消防/n 救援/vn 大队/n 赶到/v", "广播电视/nt 总台/n 播出/v"])
def test_a_brigade_without_its_place_is_no_body(spec: str) -> None:
    ctx = make_ctx(spec)
    assert spans(ctx, rules.state_body(ctx)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("字节跳动和拼多多的员工人数都超过了10万。", ["字节跳动", "拼多多"]),
        ("奈飞宣布将在韩国投资，58同城发布报告。", ["奈飞", "58同城"]),
        ("比亚迪和特斯拉分列销量前两位，英伟达股价下跌。", ["比亚迪", "特斯拉", "英伟达"]),
    ],
)
def test_companies_named_without_a_descriptor_are_organisations(
    engine: SuggestionEngine, text: str, expected: list[str]
) -> None:
    assert _orgs(engine, text) == expected


def test_company_names_that_are_words_of_the_language_are_left_out(engine: SuggestionEngine) -> None:
    assert _orgs(engine, "他联想到大众日产的三星级酒店。") == []
    assert lexicons.load().sources["字节跳动"] == "companies"


def test_a_ministry_named_after_a_company_is_its_department(engine: SuggestionEngine) -> None:
    assert _orgs(engine, "他是公司商务部经理，也在银行科技部工作过。") == []
    assert _orgs(engine, "商务部发布通知，科技部表示支持。") == ["商务部", "科技部"]
    assert _orgs(engine, "学生会商务部招新。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在今天的记者会商务部发言人表示欢迎。", ["商务部"]),
        ("在昨天的新闻发布会外交部发言人答问。", ["外交部"]),
        ("在座谈会科技部负责人讲话。", ["科技部"]),
    ],
)
def test_a_ministry_after_an_event_is_the_ministry(
    engine: SuggestionEngine, text: str, expected: list[str]
) -> None:
    assert _orgs(engine, text) == expected


def test_a_department_that_names_no_ministry_keeps_jiebas_tag() -> None:
    ctx = make_ctx("报社/n 文艺部/nt 主任/n")
    assert spans(ctx, rules.jieba_entities(ctx)) == [("文艺部", "ORG")]
    ctx = make_ctx("公司/n 商务部/nt 经理/n")
    assert spans(ctx, rules.jieba_entities(ctx)) == []


def test_the_news_kinds_fixture_is_well_formed() -> None:
    """``tests/bench/bench_general.py --fixture general_news_kinds``: a header, then items whose gold spans
    lie inside their text, do not overlap and carry PER/LOC/ORG."""
    items = gold_items("general_news_kinds")
    assert {r["half"] for r in items} == {"dev", "check"} and 20 <= len(items) <= 30


@pytest.mark.parametrize(
    ("spec", "base", "expected"),
    [
        ("据/p 经济日报/n 报道/v", {}, [("经济日报", "ORG")]),
        ("工人日报/nz 和/c 北京晚报/nz", {}, [("工人日报", "ORG"), ("北京晚报", "ORG")]),
        ("据/p 华盛顿邮报/nz 报道/v", {}, [("华盛顿邮报", "ORG")]),
        ("据/p 海峡/ns 时报/n 报道/v", {1: "LOC"}, [("海峡时报", "ORG")]),  # a place and the head
        ("据/p 日报/n 报道/v", {}, []),  # the head alone
        ("及时/d 报道/v ，/x 6日/m 报道/v", {}, []),
        ("空气/n 质量/n 周报/n", {}, []),  # a weekly report, no paper
    ],
)
def test_a_newspaper_is_an_organisation(
    spec: str, base: dict[int, str], expected: list[tuple[str, str]]
) -> None:
    ctx = make_ctx(spec, base=base)
    assert spans(ctx, rules.newspaper(ctx)) == expected


@pytest.mark.parametrize(
    ("spec", "base", "expected"),
    [
        ("葡萄牙队/n 和/c 智利队/n 比赛/vn", {}, [("葡萄牙队", "ORG"), ("智利队", "ORG")]),
        ("广州/ns 太阳神队/n 主场/n", {0: "LOC"}, [("广州太阳神队", "ORG")]),
        ("广东/ns 宏远队/n 迎战/v", {0: "LOC"}, [("广东宏远队", "ORG")]),
        ("印尼/ns 女队/n 的/uj", {0: "LOC"}, [("印尼女队", "ORG")]),  # a squad
        ("马来西亚/ns 男队/n", {0: "LOC"}, [("马来西亚男队", "ORG")]),
        ("女队/n 获胜/v", {}, []),
        ("奥地利/ns 等队/n", {0: "LOC"}, []),  # a word jieba made up, no team's name
        ("欧美/ns 球队/n", {0: "LOC"}, []),
        ("四川/ns 突击队/n", {0: "LOC"}, []),  # a kind of team (a common word)
        ("边防部队/n", {}, []),
        ("西藏/ns 边防部队/n", {0: "LOC"}, []),  # a force, not a club
        ("登山队/nz 出发/v", {}, []),
    ],
)
def test_a_team_in_one_word_with_its_place_is_an_organisation(
    spec: str, base: dict[int, str], expected: list[tuple[str, str]]
) -> None:
    ctx = make_ctx(
        spec, freq={"突击队": 255, "登山队": 132, "女队": 3000, "男队": 2000, "球队": 5000}, base=base
    )
    assert spans(ctx, rules.team_word(ctx)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed company with what it makes, listed whole, is one name …
        ("蔚来汽车发布新车，腾讯控股股价上涨。", ["蔚来汽车", "腾讯控股"]),
        # … and no other word after a listed name joins it
        ("腾讯科技创新能力强，阿里巴巴控股的企业很多。", ["腾讯", "阿里巴巴"]),
    ],
)
def test_a_listed_company_with_what_it_makes_is_one_organisation(
    engine: SuggestionEngine, text: str, expected: list[str]
) -> None:
    assert _orgs(engine, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "气温升高一百度，百度技术实力雄厚。",
        "他从京东燕郊出发，在京东地区工作。",
        "中国石油进口量增加，中国石化产品出口。",
        "保佑中国平安，国家电网和南方电网覆盖全国。",
        "他心目中的理想汽车，现代汽车工业。",
    ],
)
def test_names_that_are_also_words_of_the_language_are_no_companies(
    engine: SuggestionEngine, text: str
) -> None:
    assert _orgs(engine, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他叫王华为，今年三十岁。", [("王华为", "PER")]),
        ("陈华为说，张海信来了。", [("陈华为", "PER"), ("张海信", "PER")]),
        ("王万科表示，李丰田和刘顺丰都同意。", [("王万科", "PER"), ("李丰田", "PER"), ("刘顺丰", "PER")]),
        ("丰田章一郎说，市场潜力巨大。", [("章一郎", "PER")]),  # a surname before the given name
        ("他去星巴克喝咖啡。", [("星巴克", "ORG")]),  # 喝咖啡/nr is no person's name
        # after a preposition or an adverb it is the company
        ("他向华为提出要求，美国将华为列入清单。", [("华为", "ORG"), ("美国", "LOC"), ("华为", "ORG")]),
    ],
)
def test_a_listed_company_inside_a_persons_name_is_no_company(
    engine: SuggestionEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(text[s.start : s.end], s.label) for s in engine.suggest(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("据经济日报报道，工人日报和北京晚报也转载。", ["经济日报", "工人日报", "北京晚报"]),  # newspaper
        ("广州太阳神队主场迎战广东宏远队。", ["广州太阳神队", "广东宏远队"]),  # team_word
        ("葡萄牙队和智利队比赛。", ["葡萄牙队", "智利队"]),
        ("印尼女队获胜。", ["印尼女队"]),
        # kinds of team, not clubs
        ("上海巡逻队、北京腰鼓队和江苏运输队出发。", []),
        ("上海工程队、广东锣鼓队和中国科考队出发。", []),
    ],
)
def test_the_engine_reads_newspapers_and_teams(
    engine: SuggestionEngine, text: str, expected: list[str]
) -> None:
    assert _orgs(engine, text) == expected
