"""Terminal columns: emoji sequences (skin tones, families joined by ZWJ, flags) count as the two columns a
terminal gives them, and a cut never splits one, so tables with them in titles or names stay aligned."""

from __future__ import annotations

import pytest

from annotator.cli.columns import display_width, fit

THUMB = "👍🏽"  # thumbs up + skin-tone modifier
FAMILY = "👨\u200d👩\u200d👧"  # man ZWJ woman ZWJ girl
FLAG = "🇫🇷"  # two regional indicators


@pytest.mark.parametrize("text, width", [
    ("abc", 3), ("東京", 4), ("Cafe\u0301", 4), ("🌍", 2), (THUMB, 2), (FAMILY, 2), (FLAG, 2), ("❤\ufe0f", 2),
    (f"ok {THUMB} {FAMILY}", 8), ("a\u200bb", 2),
])
def test_display_width(text, width):
    assert display_width(text) == width


def test_fit_pads_an_emoji_sequence_to_the_width():
    assert fit(f"{FAMILY} Famille", 12) == f"{FAMILY} Famille" + " " * 2
    assert fit(THUMB, 4) == THUMB + "  "


def test_fit_cuts_between_sequences_never_inside_one():
    cut = fit(THUMB * 5, 6)
    assert cut == THUMB * 2 + "… " and display_width(cut) == 6
    cut = fit("ab" + FAMILY + "cd", 4)
    assert cut == "ab… " and display_width(cut) == 4
    assert fit("Cafe\u0301 noir", 5) == "Cafe\u0301…"  # the accent stays with its letter
