"""The hand-marked gold set (tests/suggest/gold/*.json): its texts, its items, and scoring against it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = Path(__file__).resolve().parent / "gold"
GOLD_KINDS = ("direct_quote", "scare_quote", "cited_name", "attribution", "reporting_verb.neutral", "reporting_verb.loaded")
# Quotes must match exactly; attributions and verbs are also scored by overlap (where a speaker's
# noun phrase starts is a judgement call), see `score`.
EXACT_ONLY = ("direct_quote", "scare_quote", "cited_name")


def article_text_from_xml(path: Path) -> str:
    """The text of a generic article XML as the gold set reads it: title, blank line, paragraphs."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    tree = etree.parse(str(path), parser)
    title = tree.findtext(".//title") or ""
    return title + "\n\n" + "\n\n".join(p.xpath("string()") for p in tree.iter("p"))


@dataclass
class GoldDocument:
    name: str
    path: Path
    language: str
    sha256: str
    items: list[dict]

    def text(self) -> str:
        if self.path.suffix == ".xml":
            return article_text_from_xml(self.path)
        return self.path.read_text(encoding="utf-8")


def gold_documents(held_out: bool = False) -> list[GoldDocument]:
    """Every gold file (or the held-out ones); a document whose source is absent is left out.

    The main set was written together with the detectors (development data); the held-out set
    (gold/heldout/) was marked by hand before the detectors were ever run on its texts.
    """
    out = []
    for file in sorted((GOLD_DIR / "heldout" if held_out else GOLD_DIR).glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        path = (REPO / data["document"]).resolve()
        if path.exists():
            out.append(GoldDocument(file.stem, path, data["language"], data["sha256"], data["items"]))
    return out


@dataclass
class Score:
    kind: str
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0

    def precision(self, lenient: bool = False) -> float:
        hits = self.overlap if lenient else self.exact
        return hits / self.predicted if self.predicted else 1.0

    def recall(self, lenient: bool = False) -> float:
        hits = self.overlap if lenient else self.exact
        return hits / self.gold if self.gold else 1.0


def _overlap_matches(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> int:
    """One-to-one matches between overlapping spans, exact ones first."""
    free = list(predicted)
    matched = 0
    for g in sorted(gold, key=lambda g: (g not in free, g)):
        best = g if g in free else next((p for p in free if p[0] < g[1] and g[0] < p[1]), None)
        if best is not None:
            free.remove(best)
            matched += 1
    return matched


def score(documents: list[tuple[str, list[dict], list]]) -> dict[str, Score]:
    """Precision/recall counts per kind over (text, gold items, suggestions) triples."""
    scores = {kind: Score(kind) for kind in GOLD_KINDS}
    for _text, items, suggestions in documents:
        for kind, result in scores.items():
            gold = [(i["start"], i["end"]) for i in items if i["kind"] == kind]
            predicted = [(s.start, s.end) for s in suggestions if s.kind == kind]
            result.gold += len(gold)
            result.predicted += len(predicted)
            exact = len(set(gold) & set(predicted))
            result.exact += exact
            result.overlap += exact if kind in EXACT_ONLY else _overlap_matches(gold, predicted)
    return scores
