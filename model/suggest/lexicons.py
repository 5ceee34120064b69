"""The bundled word lists under ``resources/dictionaries``, read once and cached.

Files are UTF-8; ``#`` starts a comment line. ``*.tsv`` files hold ``surface<TAB>label`` (or
``abbreviation<TAB>full name``); ``*.txt`` files hold whitespace-separated words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

import resources

logger = logging.getLogger(__name__)

GAZETTEER_FILES = ("countries.tsv", "capitals.tsv", "organisations.tsv", "companies.tsv")


def _lines(name: str) -> list[str]:
    text = resources.read_text("dictionaries", name)
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(w for ln in _lines(name) for w in ln.split())


def _pairs(name: str) -> list[tuple[str, str]]:
    pairs = []
    for ln in _lines(name):
        left, _, right = ln.partition("\t")
        if left.strip() and right.strip():
            pairs.append((left.strip(), right.strip()))
    return pairs


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Every bundled list the rules consult."""

    gazetteer: dict[str, str]  # surface → label (PER/LOC/ORG/MISC); which file it came from in `sources`
    sources: dict[
        str, str
    ]  # surface → dictionary name ("countries", "capitals", "organisations", "companies")
    surnames: frozenset[str]  # single-character and compound surnames
    common_surnames: frozenset[str]  # the hundred or so most frequent ones
    translit: frozenset[str]  # characters of transliterated foreign names
    abbreviations: dict[str, str]  # one-character place abbreviation → full name
    org_suffixes: Suffixes  # organisation heads (外交部, 委员会, 大学 ...)
    place_suffixes: Suffixes  # place heads (省, 大街, 自治区 ...)
    not_names: frozenset[str]  # ordinary words that jieba's dictionary tags as names
    gazetteer_starts: frozenset[str]  # the first two characters of every gazetteer entry (a cheap pre-check)
    titles: frozenset[str]  # titles after a surname (先生, 部长): never a given name

    def org_suffix(self, word: str) -> str | None:
        """The longest organisation head ``word`` ends with, or None."""
        return _longest_suffix(word, self.org_suffixes)

    def place_suffix(self, word: str) -> str | None:
        """The longest place head ``word`` ends with, or None."""
        return _longest_suffix(word, self.place_suffixes)


@dataclass(frozen=True, slots=True)
class Suffixes:
    """A set of word endings, tested longest first by set look-ups (no scan over the list)."""

    words: frozenset[str]
    lengths: tuple[int, ...]
    last_chars: frozenset[str]

    @classmethod
    def of(cls, words: frozenset[str]) -> Suffixes:
        return cls(
            words, tuple(sorted({len(w) for w in words}, reverse=True)), frozenset(w[-1] for w in words)
        )

    def __contains__(self, word: object) -> bool:
        return word in self.words


def _longest_suffix(word: str, suffixes: Suffixes) -> str | None:
    if word[-1:] not in suffixes.last_chars:
        return None
    for n in suffixes.lengths:
        if n <= len(word) and word[-n:] in suffixes.words:
            return word[-n:]
    return None


@cache
def load() -> Lexicons:
    gazetteer: dict[str, str] = {}
    sources: dict[str, str] = {}
    for name in GAZETTEER_FILES:
        for surface, label in _pairs(name):
            gazetteer.setdefault(surface, label)
            sources.setdefault(surface, name.rsplit(".", 1)[0])
    lex = Lexicons(
        gazetteer=gazetteer,
        sources=sources,
        surnames=_words("surnames.txt"),
        common_surnames=_words("surnames_common.txt"),
        translit=frozenset("".join(_words("translit_chars.txt"))),
        abbreviations=dict(_pairs("abbreviations.tsv")),
        org_suffixes=Suffixes.of(_words("org_suffixes.txt")),
        place_suffixes=Suffixes.of(_words("place_suffixes.txt")),
        not_names=_words("not_names.txt"),
        gazetteer_starts=frozenset(s[:2] for s in gazetteer),
        titles=_words("titles.txt"),
    )
    logger.debug("lexicons loaded: %d gazetteer entries", len(gazetteer))
    return lex
