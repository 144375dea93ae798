"""Precision and recall of the suggestions per kind on the tuning and blind sets, and the time to suggest over 1 MB.

Run: .venv/bin/python tests/benchmarks/eval_suggestions.py [--size CHARS] [--repeat N] [--no-timing] [--errors]

Quotations are scored quote by quote on the tuning material (gold set, held-out set and tuning
articles: what the detectors are tuned on) and on the blind set (tests/suggest/blind, never tuned
on): quotations found whatever their kind, P/R per kind (direct_quote, scare_quote, cited_name),
kind accuracy, and attribution accuracy (speaker + verb of each direct quote, by overlap and exact).

Quotes and scare quotes are scored by exact offsets. Attributions and reporting verbs are scored
both exactly ("strict") and by one-to-one overlap ("lenient"): where a speaker's noun phrase
begins ("a decision officials described" vs "officials described") is a judgement call.
The timing text is the sample articles and the shared article repeated to the size asked; the
reference timed in the same run is one regex pass of \\w+ over the same text (a lower bound for
any word-level detector).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.suggest import load_lexicons, suggest  # noqa: E402
from tests.suggest.blind_data import blind_documents, report_lines, score_quotes, tuning_documents  # noqa: E402
from tests.suggest.gold_data import GOLD_KINDS, gold_documents, score  # noqa: E402

AIM = {"direct_quote": (0.95, 0.90), "scare_quote": (0.95, 0.90), "cited_name": (0.95, 0.90)}


def evaluate(held_out: bool = False) -> list[str]:
    """Lines of the precision/recall table over the gold (or held-out) documents present."""
    documents = gold_documents(held_out)
    triples = []
    for doc in documents:
        text = doc.text()
        triples.append((text, doc.items, suggest(text, language=doc.language)))
    scores = score(triples)
    title = "Held-out set (marked blind; no longer blind since generic fixes)" if held_out else "Gold set (development data)"
    lines = [f"{title}: {len(documents)} documents ({', '.join(d.name for d in documents)})",
             f"{'kind':24}{'gold':>6}{'found':>7}{'P':>7}{'R':>7}{'P~':>7}{'R~':>7}  aim"]
    for kind in GOLD_KINDS:
        s = scores[kind]
        aim = AIM.get(kind)
        mark = ""
        if aim:
            met = s.precision() >= aim[0] and s.recall() >= aim[1]
            mark = f"P {aim[0]:.2f} R {aim[1]:.2f}: {'met' if met else 'NOT met'}"
        lines.append(f"{kind:24}{s.gold:>6}{s.predicted:>7}{s.precision():>7.2f}{s.recall():>7.2f}"
                     f"{s.precision(True):>7.2f}{s.recall(True):>7.2f}  {mark}")
    lines.append("P, R: exact offsets; P~, R~: one-to-one overlap (same as exact for quotes).")
    return lines


def evaluate_quotes(title: str, documents: list, errors: bool = False) -> list[str]:
    """Lines of the quote-by-quote table (and, if asked, every error) over marked documents."""
    quads = [(d.name, d.text(), d.items, suggest(d.text(), language=d.language)) for d in documents]
    scores = score_quotes(quads)
    lines = report_lines(f"{title}: {len(documents)} documents", scores)
    lines.append("aims (blind set): quotations P 0.95 R 0.90, kind accuracy 0.90, attribution 0.85")
    if errors:
        lines += ["  " + e for e in scores.errors]
    return lines


def _best_of(repeat: int, work) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def timing(size: int, repeat: int) -> list[str]:
    """Lines with the time to suggest over `size` characters and the reference pass."""
    parts = [doc.text() for doc in gold_documents()]
    base = "\n\n".join(parts)
    text = (base * (size // len(base) + 1))[:size]
    load_lexicons()
    suggest("Préchauffage : « test », a-t-il dit.")
    count = len(suggest(text))
    ours = _best_of(repeat, lambda: suggest(text))
    reference = _best_of(repeat, lambda: [m.span() for m in re.finditer(r"\w+", text)])
    fr = _best_of(repeat, lambda: suggest(text, language="fr"))
    return [
        f"Text: {len(text):,} characters ({len(text.encode('utf-8')):,} bytes UTF-8), {count:,} suggestions",
        f"suggest(), languages guessed: {ours * 1000:8.1f} ms (best of {repeat})",
        f"suggest(), language='fr':     {fr * 1000:8.1f} ms",
        f"reference re.finditer(\\w+):  {reference * 1000:8.1f} ms   ratio {ours / reference:.1f}x",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of the timing text")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs (the best is reported)")
    parser.add_argument("--no-timing", action="store_true", help="skip the timing")
    parser.add_argument("--errors", action="store_true", help="list every quote error")
    parser.add_argument("--tuning-only", action="store_true", help="leave the blind set out")
    args = parser.parse_args()
    print("\n".join(evaluate()))
    print()
    print("\n".join(evaluate(held_out=True)))
    print()
    tuning = gold_documents() + gold_documents(held_out=True) + tuning_documents()
    print("\n".join(evaluate_quotes("Tuning material, quote by quote (gold + held-out + tuning articles)", tuning,
                                   args.errors)))
    if not args.tuning_only:
        print()
        print("\n".join(evaluate_quotes("Blind set (tests/suggest/blind, never tuned on)", blind_documents(), args.errors)))
    if not args.no_timing:
        print()
        print("\n".join(timing(args.size, args.repeat)))


if __name__ == "__main__":
    main()
