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
# Time adverbials are never speakers: « a déclaré cette fois le ministre », « prévient déjà Lacoste ».
TIME_NOUNS = frozenset(
    "fois hier aujourd'hui demain lundi mardi mercredi jeudi vendredi samedi dimanche matin soir soirée nuit midi "
    "après-midi semaine mois année an veille lendemain week-end time times yesterday today tomorrow tonight monday "
    "tuesday wednesday thursday friday saturday sunday morning afternoon evening night week month year weekend".split()
)
TIME_ADVERBS = frozenset(
    "déjà encore alors ensuite enfin aussi également toutefois pourtant désormais maintenant récemment aussitôt "
    "longtemps souvent parfois again then now later earlier recently once also still already previously "
    "meanwhile finally often sometimes".split()
)
TIME_MODIFIERS = frozenset("cette ce cet this that last next dernier dernière prochain prochaine même same".split())
# Words that make a phrase a clause, not someone who speaks ("insisted there was no need").
NOT_SPEAKERS = frozenset("there was were is are be been being est était étaient sont été fut".split())
# Generic or indefinite antecedents: "ceux qui diront", "those who tell me", "anyone who".
GENERIC_SPEAKERS = frozenset("ceux celles quiconque those anyone anybody whoever everyone people".split())
# Indefinite speakers: with them a conditional or modal report is hypothetical (« on dirait », "some would call").
INDEFINITE_SPEAKERS = GENERIC_SPEAKERS | frozenset("on certains certaines d'aucuns some one many others".split())
COORDINATORS = frozenset("et mais puis and but then".split())
_ADDRESSEE = frozenset("à au aux".split())
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


def noun_phrase_before(tokens: Tokens, last: int, limit: int = 8, stop: frozenset[int] | set[int] = frozenset()
                       ) -> tuple[int, int] | None:
    """The noun phrase ending at token `last` (tokens first..last+1), walking left; None if there is none.

    `stop`: tokens (reporting verbs) the phrase cannot run across ("…,’ said Tom Bryce, who called").
    """
    norms = tokens.norms
    if last < 0:
        return None
    if norms[last] in PRONOUNS:
        return (last, last + 1)
    if norms[last] in RELATIVES:
        if "," in tokens.gap(last):
            antecedent = noun_phrase_before(tokens, last - 1, limit, stop)
            if antecedent:
                return antecedent  # "Tom Bryce, who called": the speaker is Tom Bryce
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
        if k in stop and k < last and not (k > 0 and norms[k - 1] in DETERMINERS):
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


def skip_time_adverbials(tokens: Tokens, first: int, end: int) -> int:
    """The first token from `first` (before `end`) past time adverbials (« cette fois », « mardi soir », "again")."""
    norms = tokens.norms
    k = first
    while k < end and (k == first or clean_gap(tokens, k)):
        norm = norms[k]
        if norm in TIME_ADVERBS or norm in TIME_NOUNS:
            k += 1
        elif norm in TIME_MODIFIERS and k + 1 < end and norms[k + 1] in TIME_NOUNS:
            k += 2
        elif norm in TIME_MODIFIERS and k > first and norms[k - 1] in TIME_NOUNS:
            k += 1  # « jeudi dernier »
        else:
            break
    return k


def can_speak(tokens: Tokens, first: int, last: int) -> bool:
    """Could tokens [first, last) name someone who speaks? Not a time adverbial nor a clause ("there was")."""
    norms = tokens.norms[first:last]
    if not norms or any(norm in NOT_SPEAKERS for norm in norms):
        return False
    if norms[-1] in TIME_NOUNS or norms[-1] in TIME_ADVERBS or norms[-1] in TIME_MODIFIERS:
        return False
    return skip_time_adverbials(tokens, first, last) < last


def generic_speaker(tokens: Tokens, speaker: tuple[int, int] | None, speakers: frozenset[str] = GENERIC_SPEAKERS
                    ) -> bool:
    """Is the speaker generic: « ceux qui », "those who", "anyone", "people" (or one of `speakers`)?"""
    if speaker is None:
        return False
    first, last = speaker
    norms = tokens.norms
    if norms[first] in RELATIVES and first > 0 and clean_gap(tokens, first):
        return norms[first - 1] in speakers
    return norms[last - 1] in speakers or (speakers is INDEFINITE_SPEAKERS and norms[first] in speakers)


def _addressee_end(tokens: Tokens, first: int) -> int | None:
    """After « à l’AFP », « au Parisien » (token `first` is à/au/aux): where the speaker starts, if one follows."""
    norms, n = tokens.norms, len(tokens)
    k = first + 1
    if k < n and norms[k] in DETERMINERS and clean_gap(tokens, k):
        k += 1
    if k >= n or not clean_gap(tokens, k):
        return None
    k += 1
    if k < n and clean_gap(tokens, k) and (norms[k] in DETERMINERS or tokens.is_capitalised(k)):
        return k
    return None


def noun_phrase_after(tokens: Tokens, first: int, limit: int = 6) -> tuple[int, int] | None:
    """The noun phrase starting at token `first` (a speaker after an inverted verb), or None.

    Time adverbials before it are passed over (« a déclaré mercredi le ministre »), and so is the
    person spoken to (« a déclaré à l’AFP sa directrice »).
    """
    norms, n = tokens.norms, len(tokens)
    if first >= n or _SPEECH_END.search(tokens.gap(first)):
        return None
    start = skip_time_adverbials(tokens, first, min(n, first + 4))
    if start < n and norms[start] in _ADDRESSEE:
        after = _addressee_end(tokens, start)
        if after is not None:
            start = skip_time_adverbials(tokens, after, min(n, after + 4))
    if start >= n or (start > first and not clean_gap(tokens, start)):
        return None
    k = start
    while k < n and k - start < limit:
        if k > start and not clean_gap(tokens, k):
            break
        norm = norms[k]
        if norm in BOUNDARIES or norm in RELATIVES or norm in PREPOSITIONS:
            break
        k += 1
    return (start, k) if k > start and can_speak(tokens, start, k) else None


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
