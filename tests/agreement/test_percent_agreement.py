"""Percent agreement: agreeing pairs over pairs, averaged over pairable units."""

from __future__ import annotations

import pytest

from annotator.agreement import UndefinedAgreement, percent_agreement


def test_hand_computed_units():
    data = [
        ["a", "a", "b", None],
        ["a", "b", "b", "c"],
        ["a", None, "c", None],
    ]
    # unit 1: 3/3 pairs agree; unit 2: 0/1; unit 3: 1/3 (b-b); unit 4 is not pairable
    assert percent_agreement(data) == pytest.approx((1 + 0 + 1 / 3) / 3)


def test_total_agreement_and_undefined():
    assert percent_agreement([[1, 2], [1, 2]]) == 1.0
    with pytest.raises(UndefinedAgreement, match="no unit"):
        percent_agreement([[1, None], [None, 2]])
