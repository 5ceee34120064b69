"""Suggestions on a held-out news fixture of another kind than ``general_news.jsonl``: cold and in the loop.

Usage: python tests/bench/bench_heldout.py [--part dev|final|fresh|all] [--errors] [--no-learning] [--every N]

``tests/fixtures/heldout_news_dev.jsonl`` (34 articles) and ``heldout_news_final.jsonl`` (17, every third
article, kept aside and measured once at the end of the work that used the first) are 51 short articles
written for newstag: sports, companies and finance (brands with Latin letters and digits: OPPO, B站,
58同城, 3M), international news (transliterated persons and places, 联合国, 世卫组织, 北约), technology,
entertainment, weather and disasters, local government notices and court reports. Their gold follows ONE
guideline, close to OntoNotes / CLUENER mapped to PER / LOC / ORG (not MSRA's):

- PER: a person's name, without title or form of address (总统, 教授, 导演 are outside); an anonymised
  name is whole (张某, 陈某某); a transliterated name with its dot is one span (勒布朗·詹姆斯); a stage name
  is a PER (饺子).
- LOC: countries, regions, provinces, cities, districts (each administrative level its own span: 四川 | 甘孜州
  | 泸定县), natural places (长江, 九州, 加沙地带), named venues (新加坡国家体育场); a country that modifies a
  person is a LOC (中国选手, 美国总统: 中国, 美国).
- ORG: companies under the name the text uses (OPPO, B站, 58同城, 3M, 宁德时代, 贵州茅台), institutions,
  universities, international organisations and their short names (联合国, 世卫组织, 北约, 欧盟), teams
  under full or short names (中国女排, 洛杉矶湖人队, 湖人), and government bodies, courts and procuratorates
  with their place in one span (中国政府, 日本政府, 俄罗斯外交部, 杭州市人民政府, 上海市第一中级人民法院).
- Nothing nested (the place inside an ORG is not tagged again), and not tagged: products, works in 《》,
  events and typhoons, an abbreviated place inside a word (访华, 中外, 美股), generic references (公司, 法院).

Prints cold precision / recall / F1 per label for raw jieba.posseg and the engine, ``--conventions msra`` and
``general``, the rules alone and with the pretrained tagger (LAC); then (unless ``--no-learning``) the loop
(``newstag evaluate --simulate-learning``, the articles in file order): the dictionary and history only, and
with the CRF retrained every ``--every`` articles (``--model``), F1 and effort on the second half.
``--part all``: both parts, in the order the articles were written.

``tests/fixtures/heldout_news_fresh.jsonl`` (``--part fresh``, 26 articles, 131 entities; not in ``all``) was
written later, under the same guideline, before the rules for government bodies, platforms and clubs, with
kinds the two parts above have few of: ministries and their short forms (应急管理部, 国家发改委, 工信部,
海关总署), provincial bodies named without their province (省教育厅, 省卫健委), platforms and apps (58同城,
B站, 美团, 小红书), clubs named by their city (上海海港, 山东泰山, 拜仁), NGOs, hospitals and universities
with their short names (协和医院, 哈工大), foreign firms' Chinese names (奈飞, 高通, 宜家) and persons
with titles (刘副区长 → 刘, 钱主任 → 钱). It is for checking rules, not for writing them: measure it, do not
read its errors to tune.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from model.crf import ModelAssistedEngine, simulate_with_retraining  # noqa: E402
from model.evaluate import LearningReport, evaluate, simulate_learning  # noqa: E402
from model.pretrained import PretrainedTagger, default_tagger  # noqa: E402
from model.spans import Entity  # noqa: E402
from model.suggest import SuggestionEngine  # noqa: E402
from storage.types import ModelSettings  # noqa: E402
from tests.bench.bench_general import LABELS, Doc, cold, raw_jieba, show  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures"


def read_part(part: str) -> list[Doc]:
    """The articles of ``heldout_news_{part}.jsonl`` (doccano JSONL, code-point offsets); ``all``: both
    parts in the order they were written (``fresh`` stays apart)."""
    rows = []
    for name in ("dev", "final") if part == "all" else (part,):  # fresh is never part of all
        for line in (FIXTURES / f"heldout_news_{name}.jsonl").read_text(encoding="utf-8").splitlines():
            rows.append(json.loads(line))
    rows.sort(key=lambda row: row["id"])
    return [(row["text"], [Entity(s, e, lab) for s, e, lab in row["label"]]) for row in rows]


def loop(
    docs: Sequence[Doc], conventions: str, tagger: PretrainedTagger | None, every: int | None
) -> LearningReport:
    """The learning simulation: each article suggested, then its gold confirmed; with ``every``, a CRF
    retrained on the articles confirmed so far after every ``every`` of them."""

    def rules() -> SuggestionEngine:
        engine = SuggestionEngine(labels=LABELS, conventions=conventions)
        engine.warm_up()
        return engine

    if every is None:
        if tagger is None:
            return simulate_learning(docs, rules, LABELS)
        return simulate_learning(docs, lambda: ModelAssistedEngine(rules(), pretrained=tagger), LABELS)
    settings = ModelSettings()
    return simulate_with_retraining(
        docs,
        rules,
        LABELS,
        every=every,
        pretrained=tagger,
        iterations=settings.iterations,
        minfreq=settings.minfreq,
        threshold=settings.threshold,  # the product's, as bench_crf's curve
    ).report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("dev", "final", "fresh", "all"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list missed and spurious spans")
    parser.add_argument("--no-learning", action="store_true", help="cold figures only")
    parser.add_argument("--every", type=int, default=5, help="retrain the CRF after every N articles")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    tagger = default_tagger()
    if tagger is None:
        print("pretrained tagger: not installed; the rules alone")
    docs = read_part(args.part)
    print(f"{args.part}: {len(docs)} articles, {sum(len(g) for _, g in docs)} entities")
    print("cold P/R/F1 per label (exact match), effort in actions per entity (by hand: 2.0)")
    show("  raw jieba", docs, raw_jieba(docs), False)
    ways = (None, tagger) if tagger is not None else (None,)
    for t in ways:
        for conventions in ("msra", "general"):
            way = "LAC" if t is not None else "no LAC"
            show(f"  {conventions:7} {way}", docs, cold(docs, conventions, t), args.errors)
    if args.no_learning:
        return 0
    half = len(docs) // 2
    second = docs[half:]
    print(f"\nin the loop, second half ({len(second)} articles) after {half} confirmed, cold first:")
    for t in ways:
        way = "LAC" if t is not None else "no LAC"
        for conventions in ("msra", "general"):
            found = cold(second, conventions, t)
            reports = [("cold", evaluate(zip(found, [g for _, g in second], strict=True), LABELS), None)]
            for every in (None, args.every):
                how = "dictionary" if every is None else f"CRF every {every}"
                run = loop(docs, conventions, t, every)
                reports.append((how, run.second_half, run.all_documents))
            for how, r, everything in reports:
                cells = "  ".join(f"{lab} {r.exact[lab].f1:.3f}" for lab in LABELS)
                whole = "" if everything is None else f"  (all articles: F1 {everything.f1:.3f})"
                effort = r.effort.per_entity
                print(
                    f"  {conventions:7} {way:6} {how:13} F1 {r.f1:.3f}  {cells}  effort {effort:.3f}{whole}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
