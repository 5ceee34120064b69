"""Fixtures for the model tests: a tiny news corpus and a CRF trained on it once per session."""

from __future__ import annotations

import itertools

import pytest

from model.spans import Entity

PERSONS = ["王明", "李华", "张伟", "刘洋", "陈静", "赵强"]
PLACES = ["北京", "上海", "广州", "南京", "武汉"]
ORGS = ["外交部", "新华社", "国务院", "人民银行", "清华大学"]
TEMPLATES = [
    "{PER}昨天在{LOC}会见了{ORG}代表。",
    "{ORG}发言人{PER}说，{LOC}经济稳定。",
    "据{ORG}报道，{PER}今天抵达{LOC}。",
]


def build(template: str, **names: str) -> tuple[str, list[Entity]]:
    """Fill a template, recording each filled slot as an entity."""
    text, entities, rest = "", [], template
    while "{" in rest:
        before, _, after = rest.partition("{")
        label, _, rest = after.partition("}")
        text += before
        entities.append(Entity(len(text), len(text) + len(names[label]), label))
        text += names[label]
    return text + rest, entities


def tiny_corpus() -> list[tuple[str, list[Entity]]]:
    """30 short sentences, every name in several contexts."""
    cycle = itertools.cycle(TEMPLATES)
    docs = []
    for i in range(30):
        docs.append(build(next(cycle), PER=PERSONS[i % 6], LOC=PLACES[i % 5], ORG=ORGS[(i // 2) % 5]))
    return docs


@pytest.fixture(scope="session")
def corpus() -> list[tuple[str, list[Entity]]]:
    return tiny_corpus()


@pytest.fixture(scope="session")
def tiny_crf(corpus: list[tuple[str, list[Entity]]]):  # type: ignore[no-untyped-def]
    from model.crf import CrfModel

    return CrfModel.train(corpus, iterations=40, gazetteer={"北京": "LOC"})
