"""Label colours that read on white: contrast against the page, and a new colour unlike those in use."""

from __future__ import annotations

from typing import Iterable

# Okabe-Ito palette, distinguishable by colour-blind readers, then Paul Tol's muted scheme.
SAFE_PALETTE = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
)
# Paul Tol's vibrant and light schemes (also colour-blind safe), for codebooks with more labels.
MORE_SAFE_COLOURS = (
    "#0077BB", "#33BBEE", "#009988", "#EE7733", "#CC3311", "#EE3377",
    "#77AADD", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#EEDD88", "#EE8866", "#FFAABB",
)
COLOUR_BLIND_SAFE = SAFE_PALETTE + MORE_SAFE_COLOURS
# A span is drawn as a coloured bar under the text: on a white page it must stand out at least this much
# (WCAG contrast ratio). The palest Okabe-Ito colours, orange and sky blue, pass at 2.2; yellow (#F0E442,
# 1.3) and Tol's pale blue and sand do not.
MIN_CONTRAST = 2.0


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """The relative luminance (0 black .. 1 white) of #RRGGBB."""
    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_on_white(colour: str) -> float:
    """The WCAG contrast ratio of `colour` against a white page (1 to 21)."""
    return 1.05 / (luminance(colour) + 0.05)


def readable(colour: str) -> bool:
    """True when a span drawn in `colour` stands out on white (see MIN_CONTRAST)."""
    return contrast_on_white(colour) >= MIN_CONTRAST


READABLE_PALETTE = tuple(c for c in COLOUR_BLIND_SAFE if readable(c))


def _distance(a: str, b: str) -> float:
    """How far two colours look apart (a weighted RGB distance, good enough to tell palette colours apart)."""
    ra, ga, ba = (int(a.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    rb, gb, bb = (int(b.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    mean_red = (ra + rb) / 2
    return ((2 + mean_red / 256) * (ra - rb) ** 2 + 4 * (ga - gb) ** 2 + (2 + (255 - mean_red) / 256) * (ba - bb) ** 2) ** 0.5


def distinct_colour(used: Iterable[str]) -> str:
    """A readable palette colour for a new label: one nobody uses, else the one least like those in use."""
    taken = [c.upper() for c in used]
    free = [c for c in READABLE_PALETTE if c not in taken]
    candidates = free or list(READABLE_PALETTE)
    if not taken:
        return candidates[0]
    return max(candidates, key=lambda c: (min(_distance(c, t) for t in taken), -READABLE_PALETTE.index(c)))
