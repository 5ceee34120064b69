"""Rules that read punctuation: titles in 《》 and Latin aliases in brackets after an entity."""

from __future__ import annotations

import re

from model.suggest.context import Context, rule_suggestion
from model.suggest.suggestion import Suggestion

_LATIN_ALIAS = re.compile(r"[(（]\s*([A-Za-z][A-Za-z .'&\-]{0,60}[A-Za-z.])\s*[)）]")


_GUILLEMET = re.compile(r"《([^《》\n]{1,40})》")


def guillemet_misc(ctx: Context) -> list[Suggestion]:
    """The text inside 《》 (a title: a law, a treaty, a book, a newspaper) → MISC, without the spaces that
    may pad it (《 人民日报 》)."""
    out = []
    for m in _GUILLEMET.finditer(ctx.text):
        inner = m.group(1)
        stripped = inner.strip()
        if stripped:
            start = m.start(1) + (len(inner) - len(inner.lstrip()))
            out.append(rule_suggestion(start, start + len(stripped), "MISC", "guillemet_misc", 0.8))
    return out


def bracket_alias(text: str, chosen: list[Suggestion]) -> list[Suggestion]:
    """A Latin name or acronym in brackets right after an entity → its own span with the entity's label
    (安东尼·布林肯(Antony Blinken) → PER; 《联合国海洋法公约》(UNCLOS) → MISC). Applied after resolution."""
    out: list[Suggestion] = []
    for s in chosen:
        pos = s.end + (1 if s.label == "MISC" and text[s.end : s.end + 1] == "》" else 0)
        m = _LATIN_ALIAS.match(text, pos)
        if m:
            out.append(rule_suggestion(m.start(1), m.end(1), s.label, "bracket_alias", min(s.score, 0.85)))
    return out
