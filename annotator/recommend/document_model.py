"""The document recommender: TF-IDF over words and word pairs, logistic regression, calibrated probabilities.

For a document-level question (primary frame, tone...): scikit-learn's TfidfVectorizer (sublinear
term frequency, L2 norm) and a linear support vector classifier (LinearSVC, one against the rest),
wrapped in CalibratedClassifierCV (Platt's sigmoid per answer on cross-validated scores, folds =
min(5, the rarest answer's count); the final classifier is fitted on all examples). LinearSVC
scored as well as logistic regression on our sample and trains about 40 times faster. What it learnt is kept as plain arrays (terms, idf, coefficients, sigmoid
parameters) and predictions are computed from them with numpy, so a model read back from bytes
predicts exactly as the fitted one.

Few examples: no example predicts (None, 0.0); one answer only predicts it with confidence 1.0;
an answer given only once leaves no room for calibration: a logistic regression's own (softmax)
probabilities are used instead; texts without a single word give every text the answers' shares.
"""

from __future__ import annotations

import math
import warnings
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

import numpy as np

from annotator.recommend.examples import RecommenderError, checked_document_examples
from annotator.recommend.serialise import (
    ModelDataError,
    decode_array,
    encode_array,
    field_of,
    pack,
    settings_from,
    unpack,
)
from annotator.suggest.tokens import TOKEN_RE, normalise_word

MODEL_KIND = "document-recommender"


def document_terms(text: str) -> list[str]:
    """The terms a document is described by: its words (lower case, ’ as ') and pairs of neighbouring words."""
    words = [normalise_word(w) for w in TOKEN_RE.findall(text)]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@dataclass(frozen=True)
class DocumentSettings:
    """How the document recommender learns; stored with the model."""

    regularisation: float = 0.5  # C of the linear classifier
    max_terms: int = 50_000  # the most frequent terms kept
    calibration_folds: int = 5  # at most; fewer when an answer is rare
    seed: int = 0


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30.0, 30.0)))


@dataclass(eq=False)
class DocumentRecommender:
    """Learns the answer to a document question from answered texts; proposes an answer with a probability."""

    settings: DocumentSettings = field(default_factory=DocumentSettings)
    values: list[str] = field(default_factory=list)  # the answers seen, sorted
    terms: dict[str, int] = field(default_factory=dict)
    idf: np.ndarray | None = None
    coefficients: np.ndarray | None = None  # (1 or answers, terms)
    intercepts: np.ndarray | None = None
    sigmoids: np.ndarray | None = None  # (scores, 2): Platt's a and b per score; None when uncalibrated

    @property
    def calibrated(self) -> bool:
        """True when the probabilities went through cross-validated calibration."""
        return self.sigmoids is not None

    def fit(self, examples: Iterable[Any]) -> DocumentRecommender:
        """Learn from (text, value) pairs (value: the answer's choice id; None or "" are left out); returns self."""
        checked = checked_document_examples(examples)
        self.values = sorted({value for _, value in checked})
        self.terms, self.idf, self.coefficients, self.intercepts, self.sigmoids = {}, None, None, None, None
        if len(self.values) < 2:
            return self
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
        from sklearn.svm import LinearSVC
        from threadpoolctl import threadpool_limits  # installed with scikit-learn

        texts, answers = [t for t, _ in checked], np.array([v for _, v in checked])
        if not any(document_terms(text) for text in texts):
            return self._answer_shares(answers)
        vectorizer = TfidfVectorizer(analyzer=document_terms, sublinear_tf=True, max_features=self.settings.max_terms)
        matrix = vectorizer.fit_transform(texts)
        self.terms = {term: int(column) for term, column in vectorizer.vocabulary_.items()}
        self.idf = vectorizer.idf_.astype(np.float64)
        rarest = min(Counter(answers.tolist()).values())
        with warnings.catch_warnings(), threadpool_limits(limits=1, user_api="blas"):
            warnings.simplefilter("ignore")  # convergence notes on tiny samples
            if rarest < 2:
                fitted = LogisticRegression(C=10.0, max_iter=1000).fit(matrix, answers)
                sigmoids = None
            else:
                classifier = LinearSVC(C=self.settings.regularisation, random_state=self.settings.seed)
                folds = StratifiedKFold(min(self.settings.calibration_folds, rarest), shuffle=True,
                                        random_state=self.settings.seed)
                calibrated = CalibratedClassifierCV(classifier, method="sigmoid", cv=folds, ensemble=False)
                calibrated.fit(matrix, answers)
                pair = calibrated.calibrated_classifiers_[0]
                fitted = pair.estimator
                sigmoids = np.array([[c.a_, c.b_] for c in pair.calibrators], dtype=np.float64)
        if list(fitted.classes_) != self.values:
            raise RecommenderError("the document model's answers came out in an unexpected order")
        self.coefficients = np.asarray(fitted.coef_, dtype=np.float64)
        self.intercepts = np.asarray(fitted.intercept_, dtype=np.float64)
        self.sigmoids = sigmoids
        return self

    def _answer_shares(self, answers: np.ndarray) -> DocumentRecommender:
        """Texts without a single word: every text gets the answers' shares among the examples."""
        shares = np.array([np.mean(answers == value) for value in self.values])
        self.idf = np.zeros(0)
        if len(self.values) == 2:
            self.coefficients = np.zeros((1, 0))
            self.intercepts = np.array([np.log(shares[1] / shares[0])])
        else:
            self.coefficients = np.zeros((len(self.values), 0))
            self.intercepts = np.log(shares)
        return self

    def _vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Columns and TF-IDF weights of `text` (sublinear tf, L2-normalised), as the vectorizer makes them."""
        counts = Counter(term for term in document_terms(text) if term in self.terms)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        columns = np.fromiter((self.terms[t] for t in counts), dtype=np.int64, count=len(counts))
        values = np.fromiter((1.0 + math.log(n) for n in counts.values()), dtype=np.float64, count=len(counts))
        values *= self.idf[columns]
        return columns, values / np.linalg.norm(values)

    def probabilities(self, text: str) -> dict[str, float]:
        """Each answer seen with its probability for `text` (summing to 1; empty before any example)."""
        if len(self.values) < 2 or self.coefficients is None:
            return {value: 1.0 for value in self.values}
        columns, values = self._vector(text)
        scores = self.coefficients[:, columns] @ values + self.intercepts
        if self.sigmoids is not None:
            p = _expit(-(self.sigmoids[:, 0] * scores + self.sigmoids[:, 1]))
            if len(self.values) == 2:
                p = np.array([1.0 - p[0], p[0]])
            else:
                total = p.sum()
                p = p / total if total > 0 else np.full(len(p), 1.0 / len(p))
        elif len(self.values) == 2:
            p = np.array([1.0 - _expit(scores)[0], _expit(scores)[0]])
        else:
            e = np.exp(scores - scores.max())
            p = e / e.sum()
        return {value: float(q) for value, q in zip(self.values, p)}

    def predict(self, text: str) -> tuple[str | None, float]:
        """The most probable answer for `text` and its probability; (None, 0.0) before any example."""
        probabilities = self.probabilities(text)
        if not probabilities:
            return None, 0.0
        value = max(self.values, key=lambda v: (probabilities[v], -self.values.index(v)))
        return value, probabilities[value]

    def uncertainty(self, text: str) -> float:
        """How unsure the model is about `text`, from 0 to 1: the entropy of its probabilities over log(answers).

        Before two answers were seen the model knows nothing and is unsure of everything (1.0).
        """
        if len(self.values) < 2:
            return 1.0
        p = np.array(list(self.probabilities(text).values()))
        p = p[p > 0]
        return float(-(p * np.log(p)).sum() / math.log(len(self.values)))

    def to_bytes(self) -> bytes:
        """The model as compressed JSON (no pickle): safe to store in a project file and send."""
        payload: dict[str, Any] = {"settings": asdict(self.settings), "values": self.values}
        if self.coefficients is not None:
            payload.update(terms=sorted(self.terms, key=self.terms.__getitem__), idf=encode_array(self.idf),
                           coefficients=encode_array(self.coefficients), intercepts=encode_array(self.intercepts),
                           sigmoids=encode_array(self.sigmoids) if self.sigmoids is not None else None)
        return pack(MODEL_KIND, payload)

    @classmethod
    def from_bytes(cls, data: bytes) -> DocumentRecommender:
        """The model `to_bytes` wrote; ModelDataError when the bytes are not such a model."""
        document = unpack(data, MODEL_KIND)
        settings = settings_from(DocumentSettings, document.get("settings"))
        values = field_of(document, "values", list)
        if not all(isinstance(v, str) for v in values):
            raise ModelDataError("stored model: answers must be strings")
        model = cls(settings=settings, values=values)
        if "terms" not in document:
            return model
        terms = field_of(document, "terms", list)
        model.terms = {term: i for i, term in enumerate(terms)}
        model.idf = decode_array(document["idf"], "idf")
        model.coefficients = decode_array(document.get("coefficients"), "coefficients")
        model.intercepts = decode_array(document.get("intercepts"), "intercepts")
        raw = document.get("sigmoids")
        model.sigmoids = decode_array(raw, "sigmoids") if raw is not None else None
        rows = 1 if len(values) == 2 else len(values)
        if len(model.terms) != len(terms) or model.idf.shape != (len(terms),) \
                or model.coefficients.shape != (rows, len(terms)) or model.intercepts.shape != (rows,) \
                or (model.sigmoids is not None and model.sigmoids.shape != (rows, 2)):
            raise ModelDataError("stored model: the arrays do not match the terms and answers")
        return model
