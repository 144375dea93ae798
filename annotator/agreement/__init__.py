"""Agreement coefficients and span alignment: pure functions over plain data."""

from annotator.agreement.bootstrap import (
    BootstrapInterval,
    UnitizingIntervals,
    bootstrap_alpha,
    bootstrap_unitizing_alpha,
)
from annotator.agreement.errors import UndefinedAgreement
from annotator.agreement.kappa import cohen_kappa, fleiss_kappa, scott_pi
from annotator.agreement.krippendorff import krippendorff_alpha
from annotator.agreement.percent import percent_agreement
from annotator.agreement.spans import SpanScores, character_kappa, span_f1, span_scores
from annotator.agreement.unitizing import (
    LabelAlpha,
    UnitizingResult,
    corpus_unitizing_alpha,
    unitizing_alpha,
)

__all__ = [
    "BootstrapInterval",
    "LabelAlpha",
    "SpanScores",
    "UndefinedAgreement",
    "UnitizingIntervals",
    "UnitizingResult",
    "bootstrap_alpha",
    "bootstrap_unitizing_alpha",
    "character_kappa",
    "cohen_kappa",
    "corpus_unitizing_alpha",
    "fleiss_kappa",
    "krippendorff_alpha",
    "percent_agreement",
    "scott_pi",
    "span_f1",
    "span_scores",
    "unitizing_alpha",
]
