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
    ],
)
def test_a_square_named_after_a_paper_is_a_place(
    spec: str, base: dict[int, str], expected: list[tuple[str, str]]
) -> None:
    ctx = make_ctx(spec, base=base)
    assert spans(ctx, rules.newspaper(ctx)) == expected
