"""Who speaks: the speaker of a recognised reporting verb (its subject, an inverted pronoun, a subject before an
apposition, a passive agent, the speaker of an incise) and the subject coordinated verbs share."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.suggest.phrases import (
    ADVERBS, COORDINATORS, OBJECT_CLITICS, PRONOUNS, TIME_ADVERBS, clean_gap, noun_phrase_after,
    noun_phrase_before,
)
from annotator.suggest.tokens import Tokens

if TYPE_CHECKING:
    from annotator.suggest.attributions import VerbUse, VerbContext

PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")
PARTICIPLE_AGENT = frozenset("par by".split())


def passive_agent(ctx: VerbContext, use: VerbUse) -> tuple[int, int] | None | bool:
    """A bare participle before its quotation: the agent after it (« jugé « … » par la FCPE », "described as “…” by X").

    False when the verb is no such participle; None for a French participle without an agent
    (« un dispositif jugé « … » »: the noun before it is what is judged, not who judges).
    """
    tokens, quote = ctx.tokens, use.quote
    norms = tokens.norms
    form = norms[use.last - 1]
    lexicon = ctx.lexicons.verbs[use.entry.language]
    if use.how == "complement":  # "described as “…” by X", « qualifié de « … » par X »
        for k in range(use.last + 1, min(use.last + 3, len(tokens))):
            left = tokens.ends[k - 1]
            quote = next((ctx.opens[left + i] for i, ch in enumerate(tokens.gap(k)) if left + i in ctx.opens), None)
            if quote is not None:
                break
    if quote is None or use.how not in ("quote", "complement") or use.last - use.first != 1:
        return False
    french = use.entry.language == "fr" and form.endswith(PARTICIPLE_ENDINGS)
    if not (french or (use.entry.language == "en" and form.endswith("ed"))):
        return False
    if use.first > 0 and clean_gap(tokens, use.first) and (norms[use.first - 1] in lexicon.auxiliaries
                                                          or norms[use.first - 1] in PRONOUNS):
        return False
    k = tokens.first_at_or_after(quote.close)
    if k < len(tokens) and norms[k] in PARTICIPLE_AGENT and not tokens.text[quote.close + 1:tokens.starts[k]].strip():
        return noun_phrase_after(tokens, k + 1)
    return None if french else False


def fill_speaker(ctx: VerbContext, use: VerbUse, inverted: bool, subject_first: int | None) -> None:
    """Fill the speaker and the attribution span of a recognised verb use."""
    tokens = ctx.tokens
    norms = tokens.norms
    first, last = use.first, use.last
    if inverted:
        pronoun = next(i for i in range(first, last) if norms[i].startswith("-") and norms[i] in PRONOUNS)
        use.speaker, use.span = (pronoun, pronoun + 1), (first, last)
        return
    if use.how == "after_quote":
        if subject_first is not None and subject_first < first:
            use.speaker, use.span = (subject_first, first), (subject_first, last)
            return
        after = noun_phrase_after(tokens, last)
        use.speaker = after
        use.span = (first, after[1] if after else last)
        return
    agent = passive_agent(ctx, use)
    if agent is not False:
        use.speaker = agent
        return
    if use.lead is not None:
        first = use.lead  # "Some would call", « Certains pourraient dire »: the subject is before the modal
    while first > 1 and (norms[first - 1] in ADVERBS or norms[first - 1] in TIME_ADVERBS) and clean_gap(tokens, first):
        first -= 1  # "He later described", « Il ne dit pas »
    if first > 0 and use.entry.language == "fr" and norms[first - 1] in OBJECT_CLITICS and clean_gap(tokens, first):
        first -= 1  # "l’accusant", "il leur a dit": the object pronoun belongs to the verb phrase
        use.span = (first, last)
    bare = norms[use.last - 1].endswith(("ant", "ing")) and use.first == use.last - 1
    if bare or first == 0 or tokens.breaks_before(first):
        return
    gap = tokens.gap(first)
    if clean_gap(tokens, first):
        phrase = noun_phrase_before(tokens, first - 1, stop=ctx.verb_tokens)
        if phrase:
            use.speaker, use.span = phrase, (phrase[0], last)
        return
    if gap.strip() == ",":
        phrase = apposition_subject(tokens, first, ctx.verb_tokens)
        if phrase:  # "Amy Peikoff, responsable des politiques, a souligné"
            use.speaker, use.span = phrase, (phrase[0], last)
        elif incise(tokens, use.first, last):  # "Le projet, affirme le maire, sera prêt"
            after = noun_phrase_after(tokens, last)
            use.speaker, use.span = after, (use.first, after[1])


def apposition_subject(tokens: Tokens, first: int, stop: set[int] = frozenset()) -> tuple[int, int] | None:
    """The subject before "X, apposition, verb" (token `first` follows the second comma), or None."""
    start = tokens.sentence_start(first - 1, limit=14)
    for k in range(first - 1, start, -1):
        if "," in tokens.gap(k):
            return noun_phrase_before(tokens, k - 1, stop=stop)
    return None


def share_coordinated_subjects(tokens: Tokens, uses: list[VerbUse]) -> None:
    """« Elle accuse l’industriel … et affirme », "Northvale admitted … but said": the subject of the first verb speaks."""
    norms = tokens.norms
    for i, use in enumerate(uses):
        if use.speaker is not None or use.how == "after_quote" or i == 0:
            continue
        k = (use.lead if use.lead is not None else use.first) - 1
        while k > 0 and (norms[k] in ADVERBS or norms[k] in TIME_ADVERBS) and clean_gap(tokens, k + 1):
            k -= 1
        if k < 0 or norms[k] not in COORDINATORS or not clean_gap(tokens, k + 1):
            continue
        for previous in reversed(uses[:i]):
            if not tokens.same_sentence(previous.last - 1, k):
                break
            if previous.speaker is not None:
                use.speaker = previous.speaker
                break


def incise(tokens: Tokens, first: int, last: int) -> bool:
    """", affirme le maire," / ", a assuré le préfet.": a verb and its speaker set off by commas."""
    if first == 0 or tokens.gap(first).strip() != "," or apposition_subject(tokens, first):
        return False
    after = noun_phrase_after(tokens, last)
    if after is None:
        return False
    tail = tokens.gap(after[1]) if after[1] < len(tokens) else tokens.text[tokens.ends[-1]:] + "."
    return bool(re.search(r"[,.;!?…]", tail))
