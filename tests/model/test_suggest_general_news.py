"""The rules for news beyond MSRA (issue 16): local government and its units, courts, schools, companies
and clubs named with their places, their short names, titles after a surname, the ``general`` conventions'
own habits. Hand-made token sequences, as in ``test_suggest_rules``; each case failed before its rule."""

from __future__ import annotations

import pytest

from model.spans import Origin
from model.suggest import rules
from model.suggest.suggestion import Suggestion
from tests.gold_fixtures import gold_items
from tests.model.test_suggest_rules import make_ctx, spans

# jieba dictionary frequencies the rules consult (a rare district word, frequent common nouns)
FREQ = {"鼓楼区": 10, "工业区": 406, "开发区": 3667, "渝中区": 8, "岳麓区": 0}


@pytest.mark.parametrize(
    ("spec", "base", "expected"),
    [
        # a chain of places before the anchor is part of the name (as MSRA's 福建省南平市教委)
        (
            "南京市/ns 鼓楼区/n 宁海/ns 路/n 街道/n 办事处/n",
            {0: "LOC", 2: "LOC"},
            "南京市鼓楼区宁海路街道办事处",
        ),
        ("江汉区/ns 交警大队/nt", {0: "LOC", 1: "ORG"}, "江汉区交警大队"),
        ("苏州工业园区/ns 管委会/j", {0: "LOC"}, "苏州工业园区管委会"),
        ("郑州市/ns 中级/b 人民法院/nt", {0: "LOC", 2: "ORG"}, "郑州市中级人民法院"),  # a grade
        ("昆明市/ns 第一/m 中学/n", {0: "LOC"}, "昆明市第一中学"),  # a number
        ("深圳/ns 某某/r 科技/n 有限公司/n", {0: "LOC"}, "深圳某某科技有限公司"),  # anonymised
        ("上海/ns 申花/nz 队/n", {0: "LOC"}, "上海申花队"),  # a team
        ("比亚迪/nr 股份/n 有限公司/n", {0: "PER"}, "比亚迪股份有限公司"),  # a company named as a person
        ("云南省/ns 教育厅/n", {0: "LOC"}, "云南省教育厅"),
        ("德国联邦/nt 议院/n", {0: "ORG"}, "德国联邦议院"),
        # a branch belongs to the bureau before its place
        ("成都市/ns 公安局/nt 锦江区/ns 分局/n", {0: "LOC", 1: "ORG", 2: "LOC"}, "成都市公安局锦江区分局"),
    ],
)
def test_merge_place_org_reads_local_organisations(spec: str, base: dict[int, str], expected: str) -> None:
    ctx = make_ctx(spec, freq=FREQ, base=base)
    assert (expected, "ORG") in spans(ctx, rules.merge_place_org(ctx))


@pytest.mark.parametrize(
    ("spec", "base", "expected"),
    [
        # a frequent noun ending in 区 is no place of the chain
        ("工业区/n 江汉区/ns 交警大队/nt", {1: "LOC", 2: "ORG"}, [("江汉区交警大队", "ORG")]),
        ("李鹏/nr 政府/n", {0: "PER"}, []),  # only a company head makes a person's name a company's
        ("巴西/ns 和/c 队/n", {0: "LOC"}, []),  # a conjunction is no modifier
        ("中国/ns 支持/v 联合国/nt", {0: "LOC", 2: "ORG"}, []),  # a verb is no grade
    ],
)
def test_merge_place_org_stays_within_bounds(
    spec: str, base: dict[int, str], expected: list[tuple[str, str]]
) -> None:
    ctx = make_ctx(spec, freq=FREQ, base=base)
    assert spans(ctx, rules.merge_place_org(ctx)) == expected


def test_place_police_is_a_habit_of_general_news_only() -> None:
    ctx = make_ctx("郑州/ns 警方/n 称/v", base={0: "LOC"})
    assert spans(ctx, rules.place_police(ctx)) == [("郑州警方", "ORG")]
    assert rules.place_police(make_ctx("郑州/ns 称/v 警方/n", base={0: "LOC"})) == []
    general = {r.__name__ for r in rules.rules_for("general")}
    msra = {r.__name__ for r in rules.rules_for("msra")}
    assert "place_police" in general and "place_police" not in msra
    assert msra >= rules.MSRA_HABITS and not rules.MSRA_HABITS & general


def test_place_suffix_does_not_double_a_place_head() -> None:
    ctx = make_ctx("九龙城区/ns 区/n 议员/n", base={0: "LOC"})
    assert rules.place_suffix(ctx) == []  # 九龙城区 | 区议员, not 九龙城区区
    ctx = make_ctx("中山/ns 路/n", base={0: "LOC"})
    assert spans(ctx, rules.place_suffix(ctx)) == [("中山路", "LOC")]


def test_jieba_persons_lose_their_titles_and_districts_are_places() -> None:
    ctx = make_ctx("原告/n 刘女士/nr 称/v ，/x 岳麓区/nr 和/c 渝中区/nt 及/c 开发区/nt", freq=FREQ)
    assert spans(ctx, rules.jieba_entities(ctx)) == [
        ("刘", "PER"),
        ("岳麓区", "LOC"),
        ("渝中区", "LOC"),
        ("开发区", "ORG"),  # a frequent word: jieba's tag stands
    ]


def _org(ctx: rules.Context, surface: str) -> Suggestion:
    start = ctx.text.index(surface)
    return Suggestion(start, start + len(surface), "ORG", Origin.RULE, "merge_place_org", 0.88)


def test_short_names_of_companies_and_clubs() -> None:
    ctx = make_ctx("华为技术有限公司/nt 发布/v 新机/n ，/x 华为/nz 负责人/n 说/v")
    assert spans(ctx, rules.short_names(ctx, [_org(ctx, "华为技术有限公司")])) == [("华为", "ORG")]
    # the place before the name is not part of the short name
    ctx = make_ctx("上海/ns 申花/nz 队/n 获胜/v ，/x 申花/nz 前锋/n 进球/v")
    assert spans(ctx, rules.short_names(ctx, [_org(ctx, "上海申花队")])) == [("申花", "ORG")]
    # a team named by its country has no short name; 某某 is no name; a string inside a word is not one
    ctx = make_ctx("巴西/ns 队/n 输/v 了/ul ，/x 巴西/ns 球迷/n")
    assert rules.short_names(ctx, [_org(ctx, "巴西队")]) == []
    ctx = make_ctx("某某/r 公司/n 和/c 某某/r")
    assert rules.short_names(ctx, [_org(ctx, "某某公司")]) == []
    ctx = make_ctx("华为技术有限公司/nt 和/c 华为人/n")
    assert rules.short_names(ctx, [_org(ctx, "华为技术有限公司")]) == []


def test_a_persons_form_of_address_is_cut_from_the_pretrained_taggers_reading() -> None:
    from model.pretrained import without_titles

    found = without_titles("李大爷说", [Suggestion(0, 3, "PER", Origin.MODEL, "pretrained:lac", 0.9)])
    assert [(s.start, s.end) for s in found] == [(0, 1)]


def test_the_general_news_fixture_is_well_formed() -> None:
    """The benchmark fixture (``tests/bench/bench_general.py``): a header with its annotation choices, then
    articles whose gold spans lie inside their text, do not overlap and carry PER/LOC/ORG."""
    articles = gold_items("general_news")
    assert {r["half"] for r in articles} == {"dev", "check", "fresh"}


@pytest.mark.parametrize(
    ("spec", "base", "expected"),
    [
        ("新加坡/ns 国家/n 体育场/n", {0: "LOC"}, [("新加坡国家体育场", "LOC")]),
        (
            "北京/ns 工人体育场/n",
            {0: "LOC"},
            [("北京工人体育场", "LOC")],
        ),  # the modifier inside the head's word
        ("厦门/ns 国际/n 会展/n 中心/n", {0: "LOC"}, [("厦门国际会展中心", "LOC")]),  # the head in two words
        ("伊丽莎白/nr 体育馆/n", {0: "PER"}, [("伊丽莎白体育馆", "LOC")]),
        ("在/p 体育场/n", {}, []),  # no name before it
        ("美国/ns 将/d 在/p 体育场/n", {0: "LOC"}, []),  # nor across words that are no modifiers
    ],
)
def test_a_venue_named_with_a_place_is_one_place(
    spec: str, base: dict[int, str], expected: list[tuple[str, str]]
) -> None:
    ctx = make_ctx(spec, base=base)
    assert spans(ctx, rules.place_facility(ctx)) == expected
    # not an organisation for its 中心, as 研究中心 is
    assert spans(ctx, rules.merge_place_org(ctx)) == []


def _beside_tagger(names: dict[str, str], text: str) -> list[tuple[str, str, int]]:
    from model.crf import ModelAssistedEngine
    from model.suggest import SuggestionEngine
    from tests.model.test_pretrained import FakeTagger

    rules_alone = SuggestionEngine(labels=("PER", "LOC", "ORG"), conventions="general")
    engine = ModelAssistedEngine(rules_alone, pretrained=FakeTagger(names))  # type: ignore[arg-type]
    return [(text[s.start : s.end], s.label, s.start) for s in engine.suggest(text)]


def test_the_short_name_of_a_company_only_the_pretrained_tagger_read_in_full_is_suggested() -> None:
    # jieba reads 蔚来 as 蔚/nr 来/v, no rule finds the company; the tagger reads 蔚来汽车 as one
    text = "蔚来汽车创始人表示，公司将新建换电站。蔚来今年交付新车超过15万辆。"
    found = _beside_tagger({"蔚来汽车": "ORG"}, text)
    assert ("蔚来汽车", "ORG", 0) in found
    assert ("蔚来", "ORG", text.rindex("蔚来")) in found


@pytest.mark.parametrize(
    ("full", "text"),
    [
        ("红旗汽车", "红旗汽车发布新车。广场上红旗飘扬，人们高举红旗。"),
        ("长安汽车", "长安汽车公布销量。西安古称长安。"),
        ("长城汽车", "长城汽车在保定。游客登上长城。"),
        ("理想汽车", "理想汽车交付新车。他的理想是当医生。"),
    ],
)
def test_a_make_of_car_named_by_a_common_word_lends_it_no_short_name(full: str, text: str) -> None:
    """汽车 names what the company makes: 红旗 of 红旗汽车 is a flag elsewhere, not the company."""
    found = _beside_tagger({full: "ORG"}, text)
    assert (full, "ORG", 0) in found
    stem = full.removesuffix("汽车")
    assert [f for f in found if f[0] == stem] == []
