"""The repair rules, in the order the engine runs them. Each is a small named function over a ``Context``
that returns candidate ``Suggestion``s in the engine's own labels (PER/LOC/ORG/MISC); the engine resolves
overlaps. The rules live in topic modules and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable

from model.suggest.bodies import (
    introduced_name,
    place_club,
    split_conjunctions,
    state_body,
)
from model.suggest.companies import ORG, company_reading, join_persons_names
from model.suggest.context import Context, a_department, after_a_parent, all_han, is_han, rule_suggestion
from model.suggest.jieba_tags import JIEBA_LABELS, jieba_entities, plausible_person, surname_of
from model.suggest.markup import bracket_alias, guillemet_misc
from model.suggest.organisations import (
    merge_place_org,
    newspaper,
    ordinal_org,
    party_congress,
    place_facility,
    place_police,
    short_names,
)
from model.suggest.persons import (
    NAME_DOTS,
    extend_transliteration,
    join_transliterated,
    merge_surname_given,
    strip_doctrine_suffix,
)
from model.suggest.places import (
    gazetteer_prefix,
    government_place,
    learned_abbreviation,
    learned_abbreviation_run,
    place_suffix,
    side_abbreviation,
    split_abbreviation_pair,
    split_place_chain,
    verb_abbreviation,
)
from model.suggest.suggestion import Suggestion
from model.suggest.teams import team_word

Rule = Callable[[Context], list[Suggestion]]

TOKEN_RULES: tuple[Rule, ...] = (
    gazetteer_prefix,
    merge_surname_given,
    join_transliterated,
    extend_transliteration,
    merge_place_org,
    place_facility,
    place_police,
    state_body,
    introduced_name,
    place_club,
    place_suffix,
    newspaper,
    team_word,
    ordinal_org,
    party_congress,
    strip_doctrine_suffix,
    split_place_chain,
    government_place,
    split_abbreviation_pair,
    side_abbreviation,
    verb_abbreviation,
    learned_abbreviation,
    guillemet_misc,
    learned_abbreviation_run,
)
# The annotation habits of MSRA (People's Daily) that other news corpora do not share: paired
# abbreviations as one LOC each (中美 → 中, 美; 中日韩), an abbreviation + 方 (中方 → 中), a visit
# verb's abbreviation (访华 → 华), and a government named by its place (中国政府 → 中国). The engine
# runs them only under the ``msra`` conventions (a project setting; the default label set's); under
# ``general`` the other sources' readings stand, and what the team accepts (the project dictionary, the
# learned abbreviations, the combiner's history) decides.
MSRA_HABITS = frozenset(
    {"split_abbreviation_pair", "side_abbreviation", "verb_abbreviation", "government_place"}
)
# The habits of news in general that MSRA does not share, run only under the ``general`` conventions: a
# place + 警方 as one ORG (MSRA: the place alone).
GENERAL_HABITS = frozenset({"place_police"})
CONVENTIONS = ("msra", "general")


def rules_for(conventions: str) -> tuple[Rule, ...]:
    """The rules a project with these conventions runs, in order."""
    left_out = MSRA_HABITS if conventions == "general" else GENERAL_HABITS
    return tuple(r for r in TOKEN_RULES if r.__name__ not in left_out)


__all__ = [
    "CONVENTIONS",
    "GENERAL_HABITS",
    "JIEBA_LABELS",
    "MSRA_HABITS",
    "NAME_DOTS",
    "ORG",
    "TOKEN_RULES",
    "Context",
    "Rule",
    "a_department",
    "after_a_parent",
    "all_han",
    "bracket_alias",
    "company_reading",
    "extend_transliteration",
    "gazetteer_prefix",
    "government_place",
    "guillemet_misc",
    "introduced_name",
    "is_han",
    "jieba_entities",
    "join_persons_names",
    "join_transliterated",
    "learned_abbreviation",
    "learned_abbreviation_run",
    "merge_place_org",
    "merge_surname_given",
    "newspaper",
    "ordinal_org",
    "party_congress",
    "place_club",
    "place_facility",
    "place_police",
    "place_suffix",
    "plausible_person",
    "rule_suggestion",
    "rules_for",
    "short_names",
    "side_abbreviation",
    "split_abbreviation_pair",
    "split_conjunctions",
    "split_place_chain",
    "state_body",
    "strip_doctrine_suffix",
    "surname_of",
    "team_word",
    "verb_abbreviation",
]
