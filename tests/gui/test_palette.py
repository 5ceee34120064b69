"""The default labels' colours stay apart for the common colour-vision deficiencies.

Each colour is seen as the window paints it (solid for the outlines, bars and tags; an accepted span's fill
blended over the white page, as QPainter blends, in sRGB), then through a simulated dichromacy: protanopia,
deuteranopia and tritanopia at full severity with the matrices of Machado, Oliveira & Fernandes (2009),
"A physiologically-based model for simulation of color vision deficiency" (coloraide's ``machado``
filter). Two labels must stay at least ``MIN_*`` apart in CIEDE2000, a perceptual colour difference.
"""

from __future__ import annotations

import itertools

import pytest
from coloraide import Color

from gui.span_style import FILL_ALPHA
from model.label_presets import MIN_APART, PRESETS
from model.spans import DEFAULT_LABELS, SAFE_COLOURS, Status

VISIONS = (None, "protan", "deutan", "tritan")
MIN_SOLID = 20.0  # ΔE2000: clearly different at a glance
MIN_FILL = 10.0  # the pale fills behind the text: still clearly apart
OLD_DEFAULTS = ("#e4572e", "#29a36a", "#2f6fdf", "#a259d9")  # PER red, LOC green, ORG blue, MISC purple


def seen(colour: str, vision: str | None, alpha: float = 1.0) -> Color:
    shown = Color.mix(Color("white"), Color(colour), alpha, space="srgb") if alpha < 1 else Color(colour)
    return shown if vision is None else shown.filter(vision, method="machado")


def closest(colours: tuple[str, ...], vision: str | None, alpha: float = 1.0) -> float:
    return min(
        seen(a, vision, alpha).delta_e(seen(b, vision, alpha), method="2000")
        for a, b in itertools.combinations(colours, 2)
    )


@pytest.mark.parametrize("vision", VISIONS)
def test_the_default_labels_stay_apart_for_each_common_colour_vision(vision: str | None) -> None:
    colours = tuple(label.colour for label in DEFAULT_LABELS)
    assert colours == SAFE_COLOURS[: len(colours)]
    assert closest(colours, vision) >= MIN_SOLID
    assert closest(colours, vision, FILL_ALPHA[Status.ACCEPTED] / 255) >= MIN_FILL


def test_the_check_catches_the_old_red_green_palette() -> None:
    assert closest(OLD_DEFAULTS, None) >= MIN_SOLID  # fine for normal colour vision
    assert min(closest(OLD_DEFAULTS, v) for v in VISIONS[1:]) < MIN_SOLID / 2  # not for the deficiencies
    red, green = seen(OLD_DEFAULTS[0], "deutan"), seen(OLD_DEFAULTS[1], "deutan")
    assert red.delta_e(green, method="2000") < MIN_SOLID  # PER beside LOC, as the issue found


def test_the_simulation_is_the_published_model() -> None:
    """Machado et al. 2009, deuteranopia at severity 1.0, applied to pure red in linear sRGB: the first
    column of their matrix (0.367322, 0.280085, -0.011820)."""
    red = Color("srgb-linear", [1, 0, 0]).filter("deutan", method="machado").clip()
    assert red.coords() == pytest.approx([0.367322, 0.280085, 0.0], abs=1e-4)


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_each_preset_keeps_its_colours_apart_for_each_common_colour_vision(preset: str) -> None:
    """10 or 18 colours cannot stay as far apart as 4 for a dichromat (two dimensions of colour): each
    preset holds the floor ``MIN_APART`` says, and its first nine (the hotkeyed ones, beside each other in
    the label bar) stay apart at a glance under every vision."""
    colours = tuple(label.colour for label in PRESETS[preset])
    assert len(set(colours)) == len(colours)
    for vision in VISIONS:
        assert closest(colours, vision) >= MIN_APART[preset]
    assert min(closest(colours[:9], v) for v in VISIONS) >= MIN_APART[preset]


def test_the_preset_floor_would_catch_a_red_green_pair() -> None:
    red_green = (*OLD_DEFAULTS[:2], *(label.colour for label in PRESETS["cluener"][2:]))
    assert min(closest(red_green, v) for v in VISIONS) < MIN_APART["cluener"]
