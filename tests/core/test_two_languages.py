"""Codebook entries shown in the interface's language: French where written, English otherwise."""

from __future__ import annotations

import pytest

from annotator.core.model import AttributeDef, Choice, Label


@pytest.mark.parametrize("entry", [
    Label(id="e", name="Loaded term", name_fr="Terme connoté", description="Evaluative word",
          description_fr="Mot évaluatif"),
    Choice(id="e", name="Loaded term", name_fr="Terme connoté", description="Evaluative word",
           description_fr="Mot évaluatif"),
    AttributeDef(id="e", name="Loaded term", name_fr="Terme connoté", description="Evaluative word",
                 description_fr="Mot évaluatif"),
])
def test_french_where_written(entry):
    assert (entry.display_name("fr"), entry.display_description("fr")) == ("Terme connoté", "Mot évaluatif")
    assert (entry.display_name("en"), entry.display_description("en")) == ("Loaded term", "Evaluative word")
    entry.name_fr = entry.description_fr = ""
    assert (entry.display_name("fr"), entry.display_description("fr")) == ("Loaded term", "Evaluative word")
