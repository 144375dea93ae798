"""CoNLL-style IOB2 columns for NLP training: one token a line, one tag column per annotator or gold.

Lines start with the token's number in its sentence (as in CoNLL-U), so a token such as "#" never
starts a line that CoNLL readers take for a comment; comments are "# key = value" lines. Tags name
the label as the codebook shows it (B-Loaded reporting verb), and an entity never starts with I-:
a span running across a sentence break starts again with B- after it.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any, Iterator

from annotator.core.model import Span
from annotator.core.offsets import grapheme_end, is_word_char
from annotator.core.wording import counted
from annotator.io.writers.common import (
    GOLD,
    ExportReport,
    ExportSelection,
    Progress,
    label_display_names,
    selected_sources,
)

_SENTENCE_END = {".", "!", "?", "…", "。"}
MISSING = "_"


def tokenize(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each token: a run of word characters or one symbol, never splitting a
    character cluster (accents, emoji with modifiers and ZWJ sequences stay whole)."""
    n, i = len(text), 0
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        if is_word_char(text[i]):
            while i < n and is_word_char(text[i]):
                i += 1
        else:
            i += 1
        i = grapheme_end(text, i)
        yield start, i


def bio_tags(tokens: list[tuple[int, int]], spans: list[Span],
             names: dict[str, str] | None = None) -> tuple[list[str], int]:
    """One tag per token for one annotator's spans; overlapping spans lose to the longest earlier one.

    Tags use `names` (label id -> tag name) when given, else the label id. Returns the tags and how
    many spans could not be shown (overlap, or no token inside).
    """
    names = names or {}
    tags = ["O"] * len(tokens)
    dropped = 0
    starts = [t[0] for t in tokens]
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        first = bisect.bisect_right(starts, span.start) - 1
        if first < 0 or tokens[first][1] <= span.start:
            first += 1
        covered = []
        i = first
        while i < len(tokens) and tokens[i][0] < span.end:
            if tokens[i][1] > span.start:
                covered.append(i)
            i += 1
        if not covered or any(tags[i] != "O" for i in covered):
            dropped += 1
            continue
        name = names.get(span.label_id, span.label_id)
        tags[covered[0]] = f"B-{name}"
        for i in covered[1:]:
            tags[i] = f"I-{name}"
    return tags, dropped


def restart_at_breaks(tags: list[str], breaks: set[int]) -> int:
    """Make every entity start with B- after a sentence break (IOB2); return how many were split."""
    split = 0
    for i in sorted(breaks):
        if i < len(tags) and tags[i].startswith("I-"):
            tags[i] = "B-" + tags[i][2:]
            split += 1
    return split


def sentence_breaks(text: str, tokens: list[tuple[int, int]]) -> set[int]:
    """Indexes of tokens that start a new sentence: after a line break or sentence-final mark."""
    breaks = set()
    for i in range(1, len(tokens)):
        gap = text[tokens[i - 1][1]:tokens[i][0]]
        if "\n" in gap or (gap and text[tokens[i - 1][0]:tokens[i - 1][1]] in _SENTENCE_END):
            breaks.add(i)
    return breaks


def write_conll(project: Any, path: Path, selection: ExportSelection, report: ExportReport,
                progress: Progress) -> None:
    """Write every document's tokens with start/end offsets and an IOB2 column per source."""
    sources = selection.sources
    names = label_display_names(project.codebook.current().span_labels)
    dropped_total = split_total = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("# generator = Framing Annotator CoNLL export\n")
        handle.write("# tagging = IOB2, tags name the labels; '_' = annotator not included\n")
        handle.write("# columns = ID TOKEN START END " + " ".join(s.replace(" ", "_") for s in sources) + "\n")
        for doc in project.documents.iter_all():
            progress.step()
            included = selected_sources(project, doc.id, selection)
            if selection.done_only and not included:
                continue
            tokens = list(tokenize(doc.text))
            breaks = sentence_breaks(doc.text, tokens)
            columns = []
            for source in sources:
                if source not in included:
                    columns.append([MISSING] * len(tokens))
                    continue
                people = [] if source == GOLD else [source]
                spans = project.exports.document_spans(doc.id, people, source == GOLD, selection.label_ids)
                tags, dropped = bio_tags(tokens, spans, names)
                split_total += restart_at_breaks(tags, breaks)
                dropped_total += dropped
                report.spans += len(spans) - dropped
                columns.append(tags)
            handle.write(f"\n# newdoc id = {doc.id}\n# title = {' '.join(doc.title.split())}\n")
            number = 0
            for i, (start, end) in enumerate(tokens):
                if i in breaks:
                    handle.write("\n")
                    number = 0
                number += 1
                cells = [str(number), doc.text[start:end], str(start), str(end)] + [c[i] for c in columns]
                handle.write("\t".join(cells) + "\n")
            report.documents += 1
    report.files = 1
    if dropped_total:
        report.warnings.append(
            f"CoNLL: {dropped_total} spans overlap a longer span of the same annotator (or cover "
            "no token) and cannot be shown as BIO tags; they were left out"
        )
    if split_total:
        report.warnings.append(
            f"CoNLL: {counted(split_total, 'time')} a span runs across a sentence break; it starts again with "
            "B- in the next sentence"
        )
