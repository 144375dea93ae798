"""Active learning: which article to annotate next, the one the models are least sure about first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol, Sequence


class UncertainModel(Protocol):
    """A model that says how unsure it is about a text (0 sure, 1 clueless)."""

    def uncertainty(self, text: str) -> float: ...


@dataclass(frozen=True)
class RankedDocument:
    """A document id with the models' mean uncertainty about its text."""

    id: str
    uncertainty: float


def rank_by_uncertainty(documents: Iterable[tuple[str, str]], models: Sequence[UncertainModel],
                        limit: int | None = None) -> list[RankedDocument]:
    """(id, text) documents ordered most uncertain first (mean over `models`); ties keep the given order.

    With no model every document is equally uncertain (1.0) and the order stays as given. `limit`
    keeps the first documents only. The span recommender's uncertainty is the mean entropy of its
    ten least certain tokens; the document recommender's, the entropy of its answer probabilities.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, (doc_id, text) in enumerate(documents):
        score = sum(model.uncertainty(text) for model in models) / len(models) if models else 1.0
        ranked.append((-score, position, doc_id))
    ranked.sort()
    chosen = ranked if limit is None else ranked[:max(0, limit)]
    return [RankedDocument(doc_id, -negative) for negative, _, doc_id in chosen]
