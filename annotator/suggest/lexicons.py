"""The editable word lists the detectors use (resources/lexicons/*.json), read, checked and indexed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from annotator.core.errors import AnnotatorError
from annotator.core.paths import resources_dir
from annotator.suggest.tokens import Tokens, normalise_word

LEXICON_FORMAT = "framing-annotator-lexicon"
LANGUAGES = ("fr", "en")
CUE_FILES = {
    "hedge": "hedges.json",
    "intensifier": "intensifiers.json",
    "distancing": "distancing.json",
    "loaded_term": "loaded-terms.json",
}
VERB_FILES = {"fr": "reporting-verbs-fr.json", "en": "reporting-verbs-en.json"}
MARKER_FILE = "attribution-markers.json"
QUOTE_CUES_FILE = "quote-cues.json"
QUOTE_CUE_CATEGORIES = ("mention", "mention_verbs", "naming", "naming_loose", "chant")


class LexiconError(AnnotatorError, ValueError):
    """A lexicon file is missing or malformed; the message names the file and the field."""


@dataclass(frozen=True)
class VerbEntry:
    """A reporting verb: its lemma, class (neutral or loaded) and how it may be used."""

    lemma: str
    language: str
    verb_class: str
    free: bool = False
    complements: frozenset[str] = frozenset()
    noun_forms: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Cue:
    """A lexicon term found in a text: what kind of cue it is and the entry it came from."""

    category: str  # "verb", "marker", a cue kind (hedge, intensifier, distancing, loaded_term) or a quote cue
    language: str
    term: str
    verb: VerbEntry | None = None
    exact: str | None = None  # when set, the text must read exactly so (case included)
    not_before: frozenset[str] = frozenset()
    sentence_initial: bool = False


@dataclass
class Hit:
    """A lexicon phrase matched over tokens [first, last)."""

    first: int
    last: int
    cue: Cue


def phrase_words(term: str) -> tuple[str, ...]:
    """A lexicon term as the normalised words it must match."""
    return tuple(Tokens(term).norms)


class PhraseMatcher:
    """Finds many one- or multi-word phrases in one pass over a text's tokens.

    Single words are looked up by the word, longer phrases by their first two words, so a
    frequent first word ("s’", "a") costs one lookup, not one per phrase that starts with it.
    """

    def __init__(self) -> None:
        self._single: dict[str, list[Cue]] = {}
        self._multi: dict[tuple[str, str], list[tuple[tuple[str, ...], Cue]]] = {}
        self._multi_first: set[str] = set()
        self._prefixes: list[tuple[str, Cue]] = []

    def add(self, term: str, cue: Cue) -> None:
        """Index `term`; a single word ending in * matches every word that begins so."""
        if term.endswith("*") and " " not in term.strip():
            stem = normalise_word(term.strip()[:-1])
            if stem:
                self._prefixes.append((stem, cue))
            return
        words = phrase_words(term)
        if len(words) == 1:
            self._single.setdefault(words[0], []).append(cue)
        elif words:
            self._multi.setdefault(words[:2], []).append((words, cue))
            self._multi_first.add(words[0])

    def find(self, tokens: Tokens) -> list[Hit]:
        """Every match, in text order (longer first at a place); phrases must not span punctuation."""
        hits: list[Hit] = []
        norms, n = tokens.norms, len(tokens)
        single, multi, multi_first = self._single, self._multi, self._multi_first
        for i in [i for i, norm in enumerate(norms) if norm in single or norm in multi_first]:
            norm = norms[i]
            if norm in multi_first and i + 1 < n:
                for words, cue in multi.get((norm, norms[i + 1]), ()):
                    last = i + len(words)
                    if last <= n and self._contiguous(tokens, i, last, words):
                        self._keep(hits, tokens, i, last, cue)
            for cue in single.get(norm, ()):
                self._keep(hits, tokens, i, i + 1, cue)
        prefixes = tuple(stem for stem, _ in self._prefixes)
        if prefixes:
            for i in [i for i, norm in enumerate(norms) if norm.startswith(prefixes)]:
                for stem, cue in self._prefixes:
                    if norms[i].startswith(stem):
                        hits.append(Hit(i, i + 1, cue))
        hits.sort(key=lambda h: (h.first, -h.last))
        return hits

    @staticmethod
    def _keep(hits: list[Hit], tokens: Tokens, first: int, last: int, cue: Cue) -> None:
        if cue.exact is not None and tokens.text[tokens.starts[first]:tokens.ends[last - 1]] != cue.exact:
            return
        if cue.not_before and last < len(tokens) and tokens.norms[last] in cue.not_before:
            return
        hits.append(Hit(first, last, cue))

    @staticmethod
    def _contiguous(tokens: Tokens, first: int, last: int, words: tuple[str, ...]) -> bool:
        norms = tokens.norms
        for k in range(1, len(words)):
            if norms[first + k] != words[k] or tokens.gap(first + k).strip():
                return False
        return True


def _load_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file is missing") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"{path}: is not valid UTF-8 JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != LEXICON_FORMAT:
        raise LexiconError(f"{path}: field 'format' must be {LEXICON_FORMAT!r}")
    return data


def _word_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where} must be a list of words")
    return [v.strip() for v in value]


def _not_before(data: dict[str, Any], path: Path) -> dict[str, frozenset[str]]:
    raw = data.get("not_followed_by", {}) or {}
    if not isinstance(raw, dict):
        raise LexiconError(f"{path}: field 'not_followed_by' must map terms to lists of words")
    return {
        normalise_word(term): frozenset(normalise_word(w) for w in _word_list(words, f"{path}: not_followed_by[{term!r}]"))
        for term, words in raw.items()
    }


def _terms(data: dict[str, Any], path: Path) -> dict[str, list[str]]:
    terms = data.get("terms")
    if not isinstance(terms, dict):
        raise LexiconError(f"{path}: field 'terms' must map a language (fr, en) to a list of terms")
    return {lang: _word_list(words, f"{path}: terms[{lang!r}]") for lang, words in terms.items()}


@dataclass
class VerbLexicon:
    """One language's reporting verbs with the function words their detection needs."""

    language: str
    entries: list[tuple[str, VerbEntry]] = field(default_factory=list)  # (form, entry)
    clause_markers: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    semi_auxiliaries: frozenset[str] = frozenset()  # "préfère évoquer", "wanted to stress"
    hypothetical_auxiliaries: frozenset[str] = frozenset()  # "would call", "pourraient dire"


def load_verb_lexicon(path: Path, language: str) -> VerbLexicon:
    """Read one reporting-verb file; errors name the file, the entry and the field."""
    data = _load_json(path)
    lexicon = VerbLexicon(
        language=language,
        clause_markers=frozenset(normalise_word(w) for w in _word_list(data.get("clause_markers", []), f"{path}: clause_markers")),
        auxiliaries=frozenset(normalise_word(w) for w in _word_list(data.get("auxiliaries", []), f"{path}: auxiliaries")),
        passive_auxiliaries=frozenset(
            normalise_word(w) for w in _word_list(data.get("passive_auxiliaries", []), f"{path}: passive_auxiliaries")
        ),
        semi_auxiliaries=frozenset(
            normalise_word(w) for w in _word_list(data.get("semi_auxiliaries", []), f"{path}: semi_auxiliaries")
        ),
        hypothetical_auxiliaries=frozenset(
            normalise_word(w) for w in _word_list(data.get("hypothetical_auxiliaries", []),
                                                  f"{path}: hypothetical_auxiliaries")
        ),
    )
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise LexiconError(f"{path}: field 'entries' must be a list")
    for number, raw in enumerate(entries, start=1):
        where = f"{path}: entry {number}"
        if not isinstance(raw, dict) or not isinstance(raw.get("lemma"), str):
            raise LexiconError(f"{where}: needs a 'lemma'")
        where += f" ({raw['lemma']})"
        verb_class = raw.get("class")
        if verb_class not in ("neutral", "loaded"):
            raise LexiconError(f"{where}: field 'class' must be 'neutral' or 'loaded', not {verb_class!r}")
        entry = VerbEntry(
            lemma=raw["lemma"], language=language, verb_class=verb_class, free=bool(raw.get("free", False)),
            complements=frozenset(normalise_word(w) for w in _word_list(raw.get("complements", []), f"{where}: complements")),
            noun_forms=frozenset(normalise_word(w) for w in _word_list(raw.get("noun_forms", []), f"{where}: noun_forms")),
        )
        for form in _word_list(raw.get("forms"), f"{where}: field 'forms'"):
            lexicon.entries.append((form, entry))
    return lexicon


@dataclass
class Lexicons:
    """Every lexicon of a folder, ready to build matchers for a language and a project's terms."""

    folder: Path
    verbs: dict[str, VerbLexicon]
    cues: dict[str, dict[str, list[str]]]  # kind -> language -> terms
    cue_case: dict[str, set[str]]  # kind -> terms matched as written
    cue_not_before: dict[str, dict[str, frozenset[str]]]
    markers: dict[str, list[str]]
    marker_initial: set[str]
    marker_not_before: dict[str, frozenset[str]]
    quote_cues: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # category -> language -> terms
    _matchers: dict[tuple, PhraseMatcher] = field(default_factory=dict, repr=False)

    def languages(self, language: str | None) -> tuple[str, ...]:
        return (language,) if language in LANGUAGES else LANGUAGES

    def matcher(self, language: str | None = None, extra_loaded: Iterable[str] = (),
                removed: Iterable[str] = ()) -> PhraseMatcher:
        """One matcher for verbs, markers and cues of `language` (both when None), cached."""
        key = (language, tuple(sorted(set(extra_loaded))), tuple(sorted({normalise_word(t) for t in removed})))
        if key not in self._matchers:
            self._matchers[key] = self._build(self.languages(language), key[1], set(key[2]))
        return self._matchers[key]

    def _build(self, languages: tuple[str, ...], extra_loaded: tuple[str, ...], removed: set[str]) -> PhraseMatcher:
        matcher = PhraseMatcher()
        for lang in languages:
            lexicon = self.verbs.get(lang)
            for form, entry in lexicon.entries if lexicon else ():
                matcher.add(form, Cue("verb", lang, form, verb=entry))
            for term in self.markers.get(lang, []):
                norm = normalise_word(term)
                matcher.add(term, Cue("marker", lang, term, not_before=self.marker_not_before.get(norm, frozenset()),
                                      sentence_initial=norm in self.marker_initial))
            for category, by_language in self.quote_cues.items():
                for term in by_language.get(lang, []):
                    matcher.add(term, Cue(category, lang, term))
            for kind, by_language in self.cues.items():
                for term in by_language.get(lang, []):
                    if kind == "loaded_term" and normalise_word(term) in removed:
                        continue
                    exact = term if term in self.cue_case.get(kind, set()) else None
                    matcher.add(term, Cue(kind, lang, term, exact=exact,
                                          not_before=self.cue_not_before.get(kind, {}).get(normalise_word(term), frozenset())))
        for term in extra_loaded:
            if normalise_word(term) not in removed:
                matcher.add(term, Cue("loaded_term", "", term))
        return matcher


_CACHE: dict[tuple, Lexicons] = {}


def lexicons_dir() -> Path:
    """The folder of the lexicons that ship with the app."""
    return resources_dir() / "lexicons"


def load_lexicons(folder: str | Path | None = None) -> Lexicons:
    """Read every lexicon of `folder` (the shipped ones by default); re-read when a file changes."""
    folder = Path(folder) if folder else lexicons_dir()
    names = list(VERB_FILES.values()) + list(CUE_FILES.values()) + [MARKER_FILE, QUOTE_CUES_FILE]
    stamp = tuple((name, (folder / name).stat().st_mtime_ns if (folder / name).exists() else 0) for name in names)
    key = (str(folder.resolve()), stamp)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _read(folder)
    return _CACHE[key]


def _read(folder: Path) -> Lexicons:
    verbs = {lang: load_verb_lexicon(folder / name, lang) for lang, name in VERB_FILES.items()}
    cues, case, not_before = {}, {}, {}
    for kind, name in CUE_FILES.items():
        path = folder / name
        data = _load_json(path)
        cues[kind] = _terms(data, path)
        case[kind] = set(_word_list(data.get("match_case", []), f"{path}: match_case"))
        not_before[kind] = _not_before(data, path)
    path = folder / QUOTE_CUES_FILE
    data = _load_json(path)
    quote_cues = {}
    for category in QUOTE_CUE_CATEGORIES:
        by_language = data.get(category, {})
        if not isinstance(by_language, dict):
            raise LexiconError(f"{path}: field {category!r} must map a language (fr, en) to a list of terms")
        quote_cues[category] = {lang: _word_list(words, f"{path}: {category}[{lang!r}]") for lang, words in by_language.items()}
    path = folder / MARKER_FILE
    data = _load_json(path)
    return Lexicons(
        folder=folder, verbs=verbs, cues=cues, cue_case=case, cue_not_before=not_before,
        markers=_terms(data, path),
        marker_initial={normalise_word(w) for w in _word_list(data.get("sentence_initial", []), f"{path}: sentence_initial")},
        marker_not_before=_not_before(data, path),
        quote_cues=quote_cues,
    )
