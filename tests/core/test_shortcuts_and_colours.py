"""Label keys the article text catches (refused keys say why) and label colours that read on white."""

from __future__ import annotations

import pytest

from annotator.core.codebook_tree import next_colour
from annotator.core.colours import READABLE_PALETTE, contrast_on_white, distinct_colour, readable
from annotator.core.model import Label
from annotator.core.shortcuts import normal_shortcut, shortcut_problem


@pytest.mark.parametrize("key, normal", [
    ("s", "s"), ("S", "s"), ("7", "7"), ("alt+1", "Alt+1"), ("Alt+k", "Alt+K"), ("shift+ctrl+k", "Ctrl+Shift+K"),
    ("Control+Alt+x", "Ctrl+Alt+X"),
])
def test_keys_that_fire_and_their_one_spelling(key, normal):
    assert shortcut_problem(key) is None
    assert normal_shortcut(key) == normal


@pytest.mark.parametrize("key, reason", [
    ("é", "is not a key the article text catches ('é')"),
    ("Alt+é", "keys such as é"),
    (";", "is not a key the article text catches"),
    ("F2", "is not a key the article text catches ('F2')"),
    ("qq", "is not a key"),
    ("Shift+s", "only types a capital letter"),
    ("Meta+s", "Meta (Windows, Command) key"),
    ("Hyper+s", "unknown modifier 'Hyper'"),
    ("Ctrl+Ctrl+s", "names a modifier twice"),
])
def test_keys_that_never_fire_are_refused_with_the_reason(key, reason):
    assert reason in shortcut_problem(key)


def test_yellow_is_too_pale_on_white_and_okabe_ito_orange_is_not():
    assert contrast_on_white("#F0E442") < 1.5 and not readable("#F0E442")
    assert readable("#E69F00") and readable("#0072B2")
    assert "#F0E442" not in READABLE_PALETTE and all(readable(c) for c in READABLE_PALETTE)


def test_a_new_label_gets_a_readable_colour_no_live_label_has():
    labels = [Label(id=f"l{i}", name="x", color=c) for i, c in enumerate(READABLE_PALETTE[:-1])]
    assert next_colour(labels) == READABLE_PALETTE[-1]
    # Every colour taken: the one least like those in use, never a pale one.
    everything = labels + [Label(id="last", name="x", color=READABLE_PALETTE[-1])]
    assert readable(next_colour(everything))
    assert distinct_colour(["#0072B2"]) != "#0077BB"  # not the near twin of a colour in use
