"""The repair rules, in the order the engine runs them. Each is a small named function over a ``Context``
that returns candidate ``Suggestion``s in the engine's own labels (PER/LOC/ORG/MISC); the engine resolves
overlaps. The rules live in topic modules and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable

from model.suggest.context import Context, all_han, is_han, rule_suggestion
from model.suggest.jieba_tags import JIEBA_LABELS, jieba_entities, plausible_person, surname_of
from model.suggest.markup import bracket_alias, guillemet_misc
from model.suggest.organisations import merge_place_org, ordinal_org, party_congress
from model.suggest.persons import (
    NAME_DOTS,
    extend_transliteration,
    join_transliterated,
    merge_surname_given,
    strip_doctrine_suffix,
)
from model.suggest.places import (
    gazetteer_prefix,
    learned_abbreviation,
    place_suffix,
    side_abbreviation,
    split_abbreviation_pair,
    split_place_chain,
    verb_abbreviation,
)
from model.suggest.suggestion import Suggestion

Rule = Callable[[Context], list[Suggestion]]

TOKEN_RULES: tuple[Rule, ...] = (
    gazetteer_prefix,
    merge_surname_given,
    join_transliterated,
    extend_transliteration,
    merge_place_org,
    place_suffix,
    ordinal_org,
    party_congress,
    strip_doctrine_suffix,
    split_place_chain,
    split_abbreviation_pair,
    side_abbreviation,
    verb_abbreviation,
    learned_abbreviation,
    guillemet_misc,
)

__all__ = [
    "JIEBA_LABELS",
    "NAME_DOTS",
    "TOKEN_RULES",
    "Context",
    "Rule",
    "all_han",
    "bracket_alias",
    "extend_transliteration",
    "gazetteer_prefix",
    "guillemet_misc",
    "is_han",
    "jieba_entities",
    "join_transliterated",
    "learned_abbreviation",
    "merge_place_org",
    "merge_surname_given",
    "ordinal_org",
    "party_congress",
    "place_suffix",
    "plausible_person",
    "rule_suggestion",
    "side_abbreviation",
    "split_abbreviation_pair",
    "split_place_chain",
    "strip_doctrine_suffix",
    "surname_of",
    "verb_abbreviation",
]
