"""Function words and noun-phrase walks used to find who speaks around a reporting verb."""

from __future__ import annotations

import re

from annotator.suggest.tokens import Tokens

PRONOUNS = frozenset(
    "il elle ils elles on je tu nous vous he she they we i you it -t-il -t-elle -t-on -t-ils -t-elles "
    "-il -elle -on -ils -elles -je -tu -nous -vous".split()
)
RELATIVES = frozenset("qui which who".split())
DETERMINERS = frozenset(
    "le la les l' un une des du ce cet cette ces son sa ses leurs mon ma mes notre nos votre vos "
    "plusieurs certains certaines quelques chaque tout toute tous toutes "
    "the a an this these those his her its their our my your some many several most both each every "
    "two three four five six".split()
)
# Articles, possessives and demonstratives: before a verb form they make it a noun ("la note", "the claims").
ARTICLES = {
    "fr": frozenset("le la les l' un une des du au aux ce cet cette ces son sa ses mon ma mes notre nos votre vos".split()),
    "en": frozenset("the a an this these those his her its their our my your whose".split()),
}
# Determiners that are also object pronouns before a verb ("il l’accuse", "les accuse").
CLITICS = frozenset("le la les l'".split())
OBJECT_CLITICS = frozenset("le la les l' lui leur me m' te t'".split())
# Prepositions a speaker's noun phrase may run across ("le ministère de l’Industrie").
NP_PREPOSITIONS = frozenset("de du des d' au aux of from".split())
PREPOSITIONS = frozenset(
    "à en par pour sur dans avec sans sous vers chez entre contre selon après avant lors pendant depuis devant "
    "derrière malgré parmi "
    "to in on at by for with about into over under after before than per via without within against among "
    "between through during since across upon".split()
)
BOUNDARIES = frozenset(
    "et mais ou or and but nor as que qu' than then so donc car puis while when where if si because "
    "parce lorsque quand comme dont où that whether though although however".split()
)
# Words allowed between an auxiliary and its verb ("a également déclaré", "has already said").
ADVERBS = frozenset(
    "également aussi toutefois notamment pourtant encore déjà ensuite enfin alors d'ailleurs lui-même elle-même "
    "ne n' pas jamais plus lui même already also previously since repeatedly never not once again recently "
    "publicly privately later first".split()
)
_STOP_GAP = re.compile(r"[^\s'’()\[\]]")
_SPEECH_END = re.compile(r"[.!?…;:«»“”\"‘]|\n")


def clean_gap(tokens: Tokens, i: int) -> bool:
    """True when nothing but spaces (or apostrophes, brackets) separates token i-1 from token i."""
    return not _STOP_GAP.search(tokens.gap(i))


def subject_like(tokens: Tokens, i: int) -> bool:
    """Could token i be (the end of) a verb's subject: a pronoun, a name or a plural noun?"""
    norm = tokens.norms[i]
    if norm in PRONOUNS or norm in RELATIVES:
        return True
    if tokens.is_capitalised(i) and not tokens.breaks_before(i):
        return True
    return norm.endswith("s") and not norm.endswith(("'s", "s'")) and norm not in DETERMINERS \
        and norm not in PREPOSITIONS and norm not in BOUNDARIES


def noun_phrase_before(tokens: Tokens, last: int, limit: int = 8) -> tuple[int, int] | None:
    """The noun phrase ending at token `last` (tokens first..last+1), walking left; None if there is none."""
    norms = tokens.norms
    if last < 0:
        return None
    if norms[last] in PRONOUNS:
        return (last, last + 1)
    if norms[last] in RELATIVES:
        if "," in tokens.gap(last):
            antecedent = noun_phrase_before(tokens, last - 1, limit)
            if antecedent:
                return (antecedent[0], last + 1)
        return (last, last + 1)
    taken: list[int] = []
    k = last
    while k >= 0 and len(taken) < limit:
        if taken and not clean_gap(tokens, k + 1):
            break
        norm = norms[k]
        if norm in BOUNDARIES or norm in RELATIVES or (norm in PREPOSITIONS and norm not in NP_PREPOSITIONS):
            break
        if norm in PRONOUNS:
            break
        taken.append(k)
        if norm in DETERMINERS and not (tokens.is_capitalised(k) and not tokens.breaks_before(k)):
            before = k - 1
            if before >= 0 and norms[before] in NP_PREPOSITIONS and clean_gap(tokens, k):
                taken.append(before)
                k = before - 1
                continue
            break
        if tokens.breaks_before(k):
            break
        k -= 1
    if not taken:
        return None
    first = min(taken)
    while first <= last and norms[first] in NP_PREPOSITIONS:
        first += 1
    return (first, last + 1) if first <= last else None


def noun_phrase_after(tokens: Tokens, first: int, limit: int = 6) -> tuple[int, int] | None:
    """The noun phrase starting at token `first` (a speaker after an inverted verb), or None."""
    norms, n = tokens.norms, len(tokens)
    k = first
    while k < n and k - first < limit:
        if k > first and not clean_gap(tokens, k):
            break
        if k == first and _SPEECH_END.search(tokens.gap(k)):
            return None
        norm = norms[k]
        if norm in BOUNDARIES or norm in RELATIVES or norm in PREPOSITIONS:
            break
        k += 1
    return (first, k) if k > first else None


def source_after(tokens: Tokens, first: int, limit: int = 12) -> tuple[int, int] | None:
    """The source named after "selon", "according to": up to the next comma or full stop."""
    n = len(tokens)
    k = first
    while k < n and k - first < limit:
        gap = tokens.gap(k)
        if k > first and _STOP_GAP.search(gap):
            return (first, k)
        if k == first and _SPEECH_END.search(gap):
            return None
        k += 1
    if k >= n:
        return (first, n) if n > first else None
    fallback = noun_phrase_after(tokens, first, limit=6)
    return fallback
