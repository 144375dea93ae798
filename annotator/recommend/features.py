"""The span recommender's design matrix: feature columns of prepared texts, neighbour blocks, word dropout."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain

import numpy as np
from scipy import sparse

from annotator.recommend.text_features import PreparedText, cue_name, word_features

# Neighbours whose features a token also sees, each in its own block of columns.
CONTEXT = (-2, -1, 1, 2)
BLOCKS = (0,) + CONTEXT
# Features that name the word itself, and those that say which lexicon or detector saw it. Training
# hides them now and then ("w:<hidden>" stands in for a hidden or unknown word) so that the model
# also learns from shape, suffix and context what to say of words it has never seen.
IDENTITY_PREFIXES = ("w:", "l:", "p3:", "p4:")
CUE_PREFIXES = ("lex:", "lexB:", "det:", "detB:", "detE:")
HIDDEN_WORD = "w:<hidden>"


@dataclass
class FeatureIndex:
    """Feature names and their column in one block; grows while fitting, frozen for prediction."""

    names: list[str] = field(default_factory=list)
    frozen: bool = False
    _ids: dict[str, int] = field(default_factory=dict, repr=False)
    _form_ids: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _groups: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._ids = {name: i for i, name in enumerate(self.names)}

    def __len__(self) -> int:
        return len(self.names)

    def id(self, name: str) -> int | None:
        """The column of `name`; a new one while not frozen, None for an unknown name once frozen."""
        found = self._ids.get(name)
        if found is None and not self.frozen:
            found = self._ids[name] = len(self.names)
            self.names.append(name)
        return found

    def form_ids(self, form: str) -> list[int]:
        """Columns of the features of a word form (cached)."""
        ids = self._form_ids.get(form)
        if ids is None:
            ids = [i for i in map(self.id, word_features(form)) if i is not None]
            if len(self._form_ids) < 500_000:
                self._form_ids[form] = ids
        return ids

    def known_word(self, form: str) -> bool:
        """True when the form itself is a feature (it was seen while fitting)."""
        return word_features(form)[0] in self._ids

    def groups(self, cols: np.ndarray) -> np.ndarray:
        """Per column of `cols`: 1 for the word itself (form, lemma, prefix), 2 for a lexicon or detector cue, else 0."""
        if len(self._groups) < len(self.names):
            self._groups += [1 if name.startswith(IDENTITY_PREFIXES) else 2 if name.startswith(CUE_PREFIXES) else 0
                             for name in self.names[len(self._groups):]]
        return np.array(self._groups, dtype=np.int8)[cols] if len(cols) else np.zeros(0, dtype=np.int8)


@dataclass
class BaseFeatures:
    """One text's features before the neighbour blocks are laid out: parallel row and column arrays.

    `groups` says which pairs name the word itself (1) or a lexicon or detector cue (2).
    """

    rows: np.ndarray
    cols: np.ndarray
    length: int
    groups: np.ndarray


def base_features(prepared: PreparedText, index: FeatureIndex) -> BaseFeatures:
    """The (token, feature column) pairs of a text; unknown features are added unless `index` is frozen.

    Once frozen, a word never seen while fitting gets the hidden-word column instead of its own.
    """
    tokens = prepared.tokens()
    n = len(tokens)
    per_token = [index.form_ids(form) for form in tokens.forms]
    lengths = np.fromiter(map(len, per_token), dtype=np.int64, count=n)
    rows = [np.repeat(np.arange(n, dtype=np.int64), lengths)]
    cols = [np.fromiter(chain.from_iterable(per_token), dtype=np.int64, count=int(lengths.sum()))]
    if index.frozen:
        hidden = index.id(HIDDEN_WORD)
        unknown = [i for i, form in enumerate(tokens.forms) if not index.known_word(form)]
        if hidden is not None and unknown:
            rows.append(np.array(unknown, dtype=np.int64))
            cols.append(np.full(len(unknown), hidden, dtype=np.int64))
    if len(prepared.cue_ids):
        names = np.unique(prepared.cue_ids)
        order = sorted(range(len(names)), key=lambda k: cue_name(int(names[k])))  # columns in name order
        lookup = np.full(int(names.max()) + 1, -1, dtype=np.int64)
        for k in order:
            column = index.id(cue_name(int(names[k])))
            lookup[names[k]] = -1 if column is None else column
        mapped = lookup[prepared.cue_ids]
        known = mapped >= 0
        rows.append(prepared.cue_rows[known].astype(np.int64))
        cols.append(mapped[known])
    col_array = np.concatenate(cols)
    return BaseFeatures(np.concatenate(rows), col_array, n, index.groups(col_array))


def hide_words(part: BaseFeatures, word_rate: float, cue_rate: float, hidden_column: int,
               rng: np.random.Generator) -> BaseFeatures:
    """`part` with the word features of a share of its tokens replaced by `hidden_column`, and the
    lexicon and detector cues of another (independent) share removed: word dropout for training."""
    words = rng.random(part.length) < word_rate
    cues = rng.random(part.length) < cue_rate
    keep = ~((words[part.rows] & (part.groups == 1)) | (cues[part.rows] & (part.groups == 2)))
    added = np.flatnonzero(words)
    return BaseFeatures(np.concatenate([part.rows[keep], added]),
                        np.concatenate([part.cols[keep], np.full(len(added), hidden_column, dtype=np.int64)]),
                        part.length, np.concatenate([part.groups[keep], np.ones(len(added), dtype=np.int8)]))


def context_matrix(parts: list[BaseFeatures], width: int, keep: np.ndarray | None = None) -> sparse.csr_matrix:
    """The design matrix of texts laid one after the other: each token's features and its neighbours'.

    Column block b (of `width` columns) holds the features of the token at offset BLOCKS[b];
    neighbours never reach across texts. `keep` (bool per token of all texts) limits the rows built.
    """
    total = sum(part.length for part in parts)
    new_row = np.cumsum(keep) - 1 if keep is not None else None
    all_rows, all_cols = [], []
    offset = 0
    for part in parts:
        for block, shift in enumerate(BLOCKS):
            rows = part.rows - shift  # token r - shift sees token r at offset `shift`
            inside = (rows >= 0) & (rows < part.length)
            rows, cols = rows[inside] + offset, part.cols[inside] + block * width
            if keep is not None:
                wanted = keep[rows]
                rows, cols = new_row[rows[wanted]], cols[wanted]
            all_rows.append(rows)
            all_cols.append(cols)
        offset += part.length
    rows = np.concatenate(all_rows) if all_rows else np.zeros(0, dtype=np.int64)
    cols = np.concatenate(all_cols) if all_cols else np.zeros(0, dtype=np.int64)
    height = int(keep.sum()) if keep is not None else total
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                               shape=(height, width * len(BLOCKS)))
    matrix.sum_duplicates()
    np.minimum(matrix.data, 1.0, out=matrix.data)
    return matrix
