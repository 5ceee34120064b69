"""Ready-made label sets to start a project from (``newstag labels preset``, Project → Labels…).

``default``: PER/LOC/ORG/MISC, the MSRA and People's Daily conventions. ``ontonotes``: the 18 entity types
of OntoNotes 5.0. ``cluener``: the 10 types of the CLUENER2020 fine-grained Chinese NER benchmark.

Colours: a dichromat sees colours in two dimensions, so 10 or 18 colours cannot all stay as far apart as the
default four do. Each preset's colours were picked greedily, starting from the default four, from a grid of
216 sRGB colours (those lighter than L* 90 left out: they vanish on the page), maximising the smallest
CIEDE2000 difference between any two of them under normal vision and simulated protanopia, deuteranopia
and tritanopia (Machado et al. 2009). ``tests/gui/test_palette.py`` checks the floors in ``MIN_APART``;
the window also writes each span's label in a tag above it, so colour is never the only cue.
"""

from __future__ import annotations

from model.spans import DEFAULT_LABELS, Label

# The greedy max-min colours (see above); the first four are the default labels' (model.spans.SAFE_COLOURS).
PRESET_COLOURS = (
    "#CC3311",
    "#88CCEE",
    "#332288",
    "#F0E442",
    "#330000",
    "#006666",
    "#9966FF",
    "#FF9999",
    "#6600FF",
    "#000033",
    "#00FFCC",
    "#663333",
    "#339999",
    "#999900",
    "#CC6666",
    "#9999FF",
    "#99CC66",
    "#666699",
)

# The smallest CIEDE2000 difference between two colours of a preset, under each common vision (tested).
MIN_APART = {"default": 20.0, "cluener": 14.0, "ontonotes": 9.0}

_ONTONOTES = (
    ("PERSON", "People, including fictional"),
    ("NORP", "Nationalities or religious or political groups"),
    ("FAC", "Buildings, airports, highways, bridges, etc."),
    ("ORG", "Companies, agencies, institutions, etc."),
    ("GPE", "Countries, cities, states"),
    ("LOC", "Non-GPE locations, mountain ranges, bodies of water"),
    ("PRODUCT", "Objects, vehicles, foods, etc. (not services)"),
    ("EVENT", "Named hurricanes, battles, wars, sports events, etc."),
    ("WORK_OF_ART", "Titles of books, songs, etc."),
    ("LAW", "Named documents made into laws"),
    ("LANGUAGE", "Any named language"),
    ("DATE", "Absolute or relative dates or periods"),
    ("TIME", "Times smaller than a day"),
    ("PERCENT", "Percentage, including %"),
    ("MONEY", "Monetary values, including unit"),
    ("QUANTITY", "Measurements, as of weight or distance"),
    ("ORDINAL", "First, second, etc."),
    ("CARDINAL", "Numerals that do not fall under another type"),
)

_CLUENER = (
    ("name", "Person names (人名)"),
    ("address", "Addresses: provinces, cities, streets, house numbers (地址)"),
    ("organization", "Organisations: schools, teams, associations (组织机构)"),
    ("company", "Companies (公司)"),
    ("government", "Government bodies (政府)"),
    ("position", "Positions and titles: 总经理, 记者 (职位)"),
    ("book", "Books, magazines, novels (书名)"),
    ("movie", "Films (电影)"),
    ("game", "Games (游戏)"),
    ("scene", "Scenic spots: parks, museums, landmarks (景点)"),
)


def _made(pairs: tuple[tuple[str, str], ...]) -> tuple[Label, ...]:
    return tuple(
        Label(name, PRESET_COLOURS[i], str(i + 1) if i < 9 else None, i, text)
        for i, (name, text) in enumerate(pairs)
    )


PRESETS: dict[str, tuple[Label, ...]] = {
    "default": DEFAULT_LABELS,
    "ontonotes": _made(_ONTONOTES),
    "cluener": _made(_CLUENER),
}

# The suggestion conventions a preset chooses (the project setting ``conventions``): the default set is MSRA's
# and People's Daily's, whose habits the ``msra`` rules follow (中美 as two LOCs, 中国政府 → 中国;
# ``model.suggest.rules.MSRA_HABITS``); OntoNotes and CLUENER annotate news without them (中国政府 is one
# organisation in OntoNotes), so their presets leave those rules out and the team's decisions decide.
PRESET_CONVENTIONS: dict[str, str] = {"default": "msra", "ontonotes": "general", "cluener": "general"}
