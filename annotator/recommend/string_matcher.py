"""INCEpTION's baseline recommender: every other occurrence of a string already labelled gets its label.

As INCEpTION's String Matcher does: the covered text of each labelled span (spaces normalised, case
kept unless `ignore_case`) is remembered with how often it got each label; in a new text, at each
token the longest remembered string that starts there and ends at a token end is proposed with every
label it had, the confidence being the label's share of that string's labels (Kermit twice PER and
once OTH: PER 0.67, OTH 0.33). Unlike INCEpTION we do not stop matches at sentence ends.

`occurrence_precision` goes one step beyond INCEpTION, for the learned recommender: of the places a
string occurs in the training texts, the share that was labelled at all (a word scare-quoted once
but used plainly ten times gets 1/11).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable

from annotator.recommend.examples import SpanPrediction, SpanTriple, checked_span_examples
from annotator.recommend.serialise import ModelDataError
from annotator.recommend.tokens import TOKEN_OR_MARK, TextTokens, tokenize


def _normalised(text: str) -> str:
    return " ".join(text.split())


class StringMatcher:
    """The string-matching baseline: fit on labelled texts, predict the labelled strings elsewhere."""

    def __init__(self, ignore_case: bool = False):
        self.ignore_case = ignore_case
        self.counts: dict[str, Counter[str]] = {}
        self._shapes: dict[str, list[tuple[int, str]]] = {}  # first token -> (tokens, last token) of keys
        self.labelled: Counter[str] = Counter()
        self.occurrences: Counter[str] = Counter()

    def _key(self, text: str) -> str:
        key = _normalised(text)
        return key.lower() if self.ignore_case else key

    def fit(self, examples: Iterable[Any], tokens: list[TextTokens] | None = None) -> StringMatcher:
        """Learn the labelled strings of `examples` ((text, [(start, end, label), ...]) pairs).

        `tokens`, when given, are the examples' texts already cut by `tokenize` (saves the work).
        """
        checked = checked_span_examples(examples)
        if tokens is None:
            tokens = [tokenize(text) for text, _ in checked]
        self.counts = defaultdict(Counter)
        for text, spans in checked:
            for start, end, label in spans:
                key = self._key(text[start:end])
                if key:
                    self.counts[key][label] += 1
        self.counts = dict(self.counts)
        self._index()
        self.labelled, self.occurrences = Counter(), Counter()
        for (text, spans), cut in zip(checked, tokens):
            places = {(start, end) for start, end, _ in spans}
            for start, end, key in self.matches(cut):
                self.occurrences[key] += 1
                self.labelled[key] += (start, end) in places
        return self

    def _index(self) -> None:
        shapes: dict[str, set[tuple[int, str]]] = defaultdict(set)
        for key in self.counts:
            forms = TOKEN_OR_MARK.findall(key)
            if forms:
                shapes[forms[0]].add((len(forms), forms[-1]))
        self._shapes = {form: sorted(found, reverse=True) for form, found in shapes.items()}

    def matches(self, tokens: TextTokens) -> list[tuple[int, int, str]]:
        """(start, end, key) of the longest known string starting at each token and ending at a token end."""
        found: list[tuple[int, int, str]] = []
        if not self._shapes:
            return found
        text, starts, ends, count = tokens.text, tokens.starts, tokens.ends, len(tokens)
        forms = [f.lower() for f in tokens.forms] if self.ignore_case else tokens.forms
        for i, form in enumerate(forms):
            shapes = self._shapes.get(form)
            if not shapes:
                continue
            for n, last in shapes:  # longest first; a key is only built when its last token fits
                if i + n > count or forms[i + n - 1] != last:
                    continue
                start, end = int(starts[i]), int(ends[i + n - 1])
                key = self._key(text[start:end])
                if key in self.counts:
                    found.append((start, end, key))
                    break
        return found

    def predict(self, text: str, min_confidence: float = 0.0) -> list[SpanPrediction]:
        """Every match with each label the string had, confidence = the label's share of its labels."""
        out: list[SpanPrediction] = []
        for start, end, key in self.matches(tokenize(text)):
            labels = self.counts[key]
            total = sum(labels.values())
            for label, n in sorted(labels.items()):
                if n / total >= min_confidence:
                    out.append(SpanPrediction(start, end, label, n / total))
        return out

    def occurrence_precision(self, key: str) -> float:
        """Of the places `key` occurs in the training texts, the share that was labelled (1.0 if unseen)."""
        seen = self.occurrences.get(key, 0)
        return self.labelled.get(key, 0) / seen if seen else 1.0

    def to_dict(self) -> dict[str, Any]:
        """The learnt strings as JSON values."""
        return {"ignore_case": self.ignore_case,
                "strings": [[key, dict(labels), self.labelled[key], self.occurrences[key]]
                            for key, labels in sorted(self.counts.items())]}

    @classmethod
    def from_dict(cls, data: Any) -> StringMatcher:
        """The matcher `to_dict` described; ModelDataError when the data is not such a description."""
        try:
            matcher = cls(ignore_case=bool(data["ignore_case"]))
            for key, labels, labelled, occurrences in data["strings"]:
                if not isinstance(key, str) or not all(isinstance(k, str) and isinstance(v, int)
                                                       for k, v in labels.items()):
                    raise TypeError
                matcher.counts[key] = Counter(labels)
                matcher.labelled[key] = int(labelled)
                matcher.occurrences[key] = int(occurrences)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ModelDataError("stored model: the labelled strings are damaged") from None
        matcher._index()
        return matcher


def spans_of(predictions: Iterable[SpanPrediction]) -> list[SpanTriple]:
    """The (start, end, label) triples of predictions, for the agreement functions."""
    return [(p.start, p.end, p.label) for p in predictions]
