"""Quotation sets marked quote by quote (kind, speaker, verb): the blind set and the tuning set, and their scoring."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BLIND_DIR = Path(__file__).resolve().parent / "blind"
TUNING_DIR = Path(__file__).resolve().parent / "tuning"
QUOTE_KINDS = ("direct_quote", "scare_quote", "cited_name")


@dataclass
class MarkedDocument:
    """One article of a quote-by-quote set: its text file and its marked quotations."""

    name: str
    path: Path
    language: str
    sha256: str
    items: list[dict]

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def marked_documents(folder: Path) -> list[MarkedDocument]:
    """Every record (*.json next to its *.txt) of a quote-by-quote set, by name."""
    out = []
    for file in sorted(folder.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        out.append(MarkedDocument(file.stem, REPO / data["document"], data["language"], data["sha256"], data["items"]))
    return out


def blind_documents() -> list[MarkedDocument]:
    """The blind set (tests/suggest/blind): marked before any detector run, never tuned on."""
    return marked_documents(BLIND_DIR)


def tuning_documents() -> list[MarkedDocument]:
    """The tuning articles (tests/suggest/tuning): written to tune the detectors on."""
    return marked_documents(TUNING_DIR)


@dataclass
class Count:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


@dataclass
class QuoteScores:
    """Quotations found (kind aside), per kind, kind accuracy and attribution accuracy over a set."""

    quotations: Count = field(default_factory=Count)
    kinds: dict[str, Count] = field(default_factory=lambda: {k: Count() for k in QUOTE_KINDS})
    found: int = 0
    right_kind: int = 0
    attributed: int = 0  # marked direct quotes with a speaker and a verb
    attribution_overlap: int = 0
    attribution_exact: int = 0
    spurious_speakers: int = 0  # speakers given to quotes marked without one
    confusion: Counter = field(default_factory=Counter)  # (marked kind, suggested kind or "-")
    errors: list[str] = field(default_factory=list)

    def kind_accuracy(self) -> float:
        return self.right_kind / self.found if self.found else 1.0

    def attribution_accuracy(self, exact: bool = False) -> float:
        hits = self.attribution_exact if exact else self.attribution_overlap
        return hits / self.attributed if self.attributed else 1.0


def _overlaps(span: dict | None, start: int | None, end: int | None) -> bool:
    return span is not None and start is not None and end is not None and start < span["end"] and span["start"] < end


def score_quotes(documents: list[tuple[str, str, list[dict], list]]) -> QuoteScores:
    """Score (name, text, marked items, suggestions) quadruples; see tests/suggest/blind/README.md."""
    result = QuoteScores()
    for name, text, items, suggestions in documents:
        items = [i for i in items if i["kind"] in QUOTE_KINDS]
        quotes = {(s.start, s.end): s for s in suggestions if s.kind in QUOTE_KINDS}
        marked = [i for i in items if i.get("note") != "hashtag" or text[i["start"] - 1:i["start"]] in "«“‘\"'"]
        result.quotations.gold += len([i for i in items if i in marked])
        result.quotations.predicted += sum(1 for s in quotes.values() if s.mark)  # bare hashtags have no marks
        for kind, count in result.kinds.items():
            gold = {(i["start"], i["end"]) for i in items if i["kind"] == kind}
            predicted = {key for key, s in quotes.items() if s.kind == kind}
            count.gold += len(gold)
            count.predicted += len(predicted)
            count.matched += len(gold & predicted)
        for item in items:
            found = quotes.get((item["start"], item["end"]))
            if item in marked:
                result.quotations.matched += found is not None
            result.confusion[(item["kind"], found.kind if found else "-")] += 1
            where = f"{name}@{item['start']} «{item['text'][:50]}»"
            if found is None:
                if item in marked:
                    result.errors.append(f"missed {item['kind']}: {where}")
                continue
            result.found += 1
            result.right_kind += found.kind == item["kind"]
            if found.kind != item["kind"]:
                result.errors.append(f"{item['kind']} called {found.kind} ({found.why}): {where}")
            if item["kind"] == "direct_quote" and item.get("speaker") and item.get("verb"):
                result.attributed += 1
                speaker_ok = _overlaps(item["speaker"], found.speaker_start, found.speaker_end)
                verb_ok = _overlaps(item["verb"], found.verb_start, found.verb_end)
                result.attribution_overlap += speaker_ok and verb_ok
                result.attribution_exact += (found.speaker_start, found.speaker_end, found.verb_start, found.verb_end) == (
                    item["speaker"]["start"], item["speaker"]["end"], item["verb"]["start"], item["verb"]["end"])
                if not (speaker_ok and verb_ok):
                    result.errors.append(f"attribution: marked {item['speaker']['text']!r} + {item['verb']['text']!r}, "
                                         f"got {found.speaker!r} + {found.verb!r}: {where}")
            elif not item.get("speaker") and found.speaker:
                result.spurious_speakers += 1
                result.errors.append(f"speaker {found.speaker!r} given to a quote marked without one: {where}")
        gold_spans = {(i["start"], i["end"]) for i in items}
        for key, s in sorted(quotes.items()):
            if key not in gold_spans:
                result.errors.append(f"extra {s.kind}: {name}@{s.start} «{s.text[:50]}»")
    return result


def report_lines(title: str, scores: QuoteScores) -> list[str]:
    """The table eval_suggestions.py prints for one quote-by-quote set."""
    q = scores.quotations
    lines = [title, f"{'':24}{'gold':>6}{'found':>7}{'P':>7}{'R':>7}",
             f"{'quotations (any kind)':24}{q.gold:>6}{q.predicted:>7}{q.precision():>7.2f}{q.recall():>7.2f}"]
    for kind, c in scores.kinds.items():
        lines.append(f"{kind:24}{c.gold:>6}{c.predicted:>7}{c.precision():>7.2f}{c.recall():>7.2f}")
    lines.append(f"kind accuracy: {scores.kind_accuracy():.2f} ({scores.right_kind}/{scores.found} marked items found, "
                 f"hashtags included)")
    lines.append(f"attribution (speaker + verb) of direct quotes: overlap {scores.attribution_accuracy():.2f}, "
                 f"exact {scores.attribution_accuracy(exact=True):.2f} (of {scores.attributed}); "
                 f"speakers given to quotes without one: {scores.spurious_speakers}")
    return lines
