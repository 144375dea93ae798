"""Attributions: reporting verbs with their speakers (around quotes and in indirect speech), and "selon X".
Who the speaker is: speakers.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.suggest.lexicons import Hit, Lexicons, VerbEntry
from annotator.suggest.model import Quotation
from annotator.suggest.phrases import (
    ADVERBS, ARTICLES, BOUNDARIES, CLITICS, PREPOSITIONS, PRONOUNS, RELATIVES, can_speak, clean_gap, noun_phrase_after, noun_phrase_before, source_after, subject_like,
)
from annotator.suggest.speakers import (
    PARTICIPLE_ENDINGS, fill_speaker, incise, share_coordinated_subjects,
)
from annotator.suggest.tokens import Tokens

_CLOSING_MARKS = "»›”“\"’'"
_OPENING_MARKS = "«‹“„‘\"'"
_CLAUSE_END = re.compile(r"[.!?;:…\n]")
_FUTURE = ("ai", "as", "a", "ons", "ez", "ont")
_CONDITIONAL = ("ais", "ait", "ions", "iez", "aient")
_SENTENCE_OPENERS = ".!?…:;«‹“„‘\"'([—–-\n"
_NOT_TRAILING = frozenset("que qu' that to not de d' pas ne n' whether if si".split())
_FUTURE_MODALS = frozenset("will shall va vont ira iront pourra pourront going to".split())


@dataclass
class VerbUse:
    """A reporting verb used as one: its verb group, how it was recognised, its speaker and quote."""

    first: int  # verb group, tokens [first, last): auxiliary, inverted pronoun and verb
    last: int
    entry: VerbEntry
    how: str  # after_quote, clause, complement, colon, quote, incise, trailing, free
    span: tuple[int, int]  # the attribution: speaker and verb group
    speaker: tuple[int, int] | None = None
    quote: Quotation | None = None
    hypothetical: bool = False  # future: « diront », "will tell": no actual statement
    conditional: bool = False  # « dirait », « pourraient dire », "would call": hypothetical with an indefinite speaker
    lead: int | None = None  # first token of modal auxiliaries before the group ("could say"), if any

    def why(self) -> str:
        return {
            "after_quote": "a reporting verb right after a quotation",
            "clause": "a reporting verb introducing indirect speech (que / that)",
            "complement": "a reporting verb with its complement",
            "colon": "a reporting verb before a colon",
            "quote": "a reporting verb introducing a quotation",
            "free": "a reporting verb after its subject",
            "incise": "a reporting verb and its speaker set off by commas",
            "trailing": "a speaker and reporting verb closing the sentence they report",
        }[self.how]


@dataclass
class MarkerUse:
    """A "selon X" / "according to X" attribution: marker tokens and source tokens."""

    first: int
    last: int
    source: tuple[int, int]


class VerbContext:
    """What reading one text for reporting verbs needs: its tokens, lexicons and quotations by their marks."""

    def __init__(self, tokens: Tokens, quotes: list[Quotation], lexicons: Lexicons):
        self.tokens = tokens
        self.lexicons = lexicons
        self.closes = {q.close: q for q in quotes}
        self.opens = {q.open: q for q in quotes}
        self.verb_tokens: set[int] = set()  # every reporting-verb form: a speaker's phrase never runs across one


def _phrase_ending(norms: list[str], k: int, phrases: frozenset[str], longest: int = 3) -> int:
    """How many tokens ending at token k make one of `phrases` (0 when none)."""
    for size in range(min(longest, k + 1), 0, -1):
        if " ".join(norms[k - size + 1:k + 1]) in phrases:
            return size
    return 0


def _tense(form: str, lemma: str) -> str:
    """"future" (« diront »), "conditional" (« qualifierait ») or "": the infinitive (less a final e) and an ending."""
    form, lemma = form.split(" ")[-1], lemma.split(" ")[-1]
    form, lemma = form.split("’")[-1].split("'")[-1], lemma.split("’")[-1].split("'")[-1]
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    if not form.startswith(stem):
        return ""
    ending = form[len(stem):]
    return "future" if ending in _FUTURE else "conditional" if ending in _CONDITIONAL else ""


def _verb_group(ctx: VerbContext, first: int, last: int, entry: VerbEntry) -> tuple[int, int, bool, int | None, str] | None:
    """Extend a verb form over its auxiliary, semi-auxiliary and inverted pronoun; None for a passive ("was told").

    Returns (first, last, inverted, lead, mood): `lead` is the first of the modal auxiliaries before
    the group ("could", « pourraient »), which belong to the clause but not to the verb group; mood is
    "future" (« diront », "will tell"), "conditional" (« dirait », "would call", "could say") or "".
    """
    tokens, lexicon = ctx.tokens, ctx.lexicons.verbs[entry.language]
    norms = tokens.norms
    progressive = norms[last - 1].endswith("ing")
    nearest = first - 1
    while nearest >= 0 and norms[nearest] in ADVERBS and clean_gap(tokens, nearest + 1):
        nearest -= 1
    if nearest >= 0 and clean_gap(tokens, nearest + 1) and not progressive \
            and norms[nearest] in lexicon.passive_auxiliaries:
        return None
    group_first = first
    k = first - 1
    for _ in range(6):
        if k < 0 or not clean_gap(tokens, k + 1):
            break
        word = norms[k]
        if word in lexicon.auxiliaries:
            group_first = k
            break
        semi = _phrase_ending(norms, k, lexicon.semi_auxiliaries)
        if semi and all(clean_gap(tokens, i) for i in range(k - semi + 2, k + 1)):
            group_first = k - semi + 1  # « préfère évoquer », « a tenu à rappeler », "wanted to stress"
            k -= semi
            continue
        if word in ADVERBS or (word.startswith("-") and word in PRONOUNS):
            k -= 1
            continue
        break
    group_last = last
    if group_last < len(tokens) and norms[group_last].startswith("-") and norms[group_last] in PRONOUNS:
        group_last += 1
    inverted = any(norms[i].startswith("-") and norms[i] in PRONOUNS for i in range(group_first, group_last))
    modals = [norms[i] for i in range(group_first, last) if norms[i] in lexicon.hypothetical_auxiliaries]
    lemma = entry.lemma[3:] if entry.lemma.startswith("se ") else entry.lemma
    mood = _tense(" ".join(norms[first:last]), lemma) if entry.language == "fr" and " " not in lemma else ""
    lead = None
    k = group_first - 1
    while k >= 0 and clean_gap(tokens, k + 1):
        modal = _phrase_ending(norms, k, lexicon.hypothetical_auxiliaries)
        if modal:
            lead = k - modal + 1
            modals.append(" ".join(norms[lead:k + 1]))
            k -= modal
        elif norms[k] in ADVERBS and lead is None and k > 0:
            k -= 1
        else:
            break
    if any(m in _FUTURE_MODALS or m.endswith("'ll") for m in modals):
        mood = "future"
    elif modals and not mood:
        mood = "conditional"
    return group_first, group_last, inverted, lead, mood


def _rejected_by_left_word(ctx: VerbContext, first: int, form: str, entry: VerbEntry) -> bool:
    """A determiner or preposition before the verb makes it a noun or an infinitive, not a report."""
    tokens = ctx.tokens
    if first == 0 or not clean_gap(tokens, first):
        return form in entry.noun_forms
    prev = tokens.norms[first - 1]
    if prev in ctx.lexicons.verbs[entry.language].auxiliaries:
        return False
    if prev in CLITICS and entry.language == "fr":
        return form in entry.noun_forms or form.endswith(PARTICIPLE_ENDINGS)
    if prev in ARTICLES[entry.language] or prev in PREPOSITIONS or prev.endswith(("'s", "s'")):
        return True
    if form in entry.noun_forms and not subject_like(tokens, first - 1):
        return True
    return False


def opens_sentence(text: str, quote: Quotation) -> bool:
    """Does the quotation open its sentence (after . ! ? : ; a dash, a bracket or a line break)?"""
    k = quote.open - 1
    while k >= 0 and text[k] in " \t\u00a0\u202f":
        k -= 1
    return k < 0 or text[k] in _SENTENCE_OPENERS


def _trailing(tokens: Tokens, last: int) -> bool:
    """Does the sentence (or clause) end within four words after token `last`? ("…,” Carter said on Tuesday.")"""
    n = len(tokens)
    for k in range(last, min(last + 4, n) + 1):
        gap = tokens.gap(k) if k < n else tokens.text[tokens.ends[-1]:] + "."
        if re.search(r"[.!?…,;:]", gap):
            return True
        if k >= n or tokens.norms[k] in _NOT_TRAILING or any(ch in _OPENING_MARKS for ch in gap):
            return False
    return False


def _after_quote(ctx: VerbContext, group_first: int, group_last: int) -> tuple[Quotation, int] | None:
    """The quotation closed just before the verb group (", a déclaré", ",” she said"), with the subject start.

    Not when the quotation ends a sentence of its own (“… cloud.” The company said), nor when what
    stands between is a relative clause (« … », qui le rappelait); a short quote inside its sentence
    is credited only by an attribution that closes the sentence (are “encouraging,” Carter said.).
    """
    tokens = ctx.tokens
    text = tokens.text
    for candidate in range(group_first, max(group_first - 7, -1), -1):
        if candidate < group_first and not clean_gap(tokens, candidate + 1):
            break
        left = tokens.ends[candidate - 1] if candidate > 0 else 0
        gap = text[left:tokens.starts[candidate]]
        for offset, ch in enumerate(gap):
            if ch in _CLOSING_MARKS and left + offset in ctx.closes \
                    and not gap[offset + 1:].strip(" ,\u00a0\u202f\t"):
                quote = ctx.closes[left + offset]
                subject = tokens.norms[candidate:group_first]
                if any(w in BOUNDARIES or w in PREPOSITIONS or w in RELATIVES for w in subject):
                    return None  # "…”, but insisted", « … », qui le rappelait: not the quote's speaker
                if text[quote.end - 1:quote.end] in ".…" and "," not in text[quote.end:tokens.starts[candidate]]:
                    return None  # the quotation ended its sentence
                if subject in (["nous"], ["vous"]) and noun_phrase_after(tokens, group_last):
                    candidate = group_first  # « … », nous expliquait Inès Ferrand: an object pronoun
                content = text[quote.start:quote.end]
                if not opens_sentence(text, quote) and len(content.split()) < 5 \
                        and not re.search(r"[.!?…]", content) and not _trailing(tokens, group_last):
                    return None
                return quote, candidate
    return None


def _complement(ctx: VerbContext, group_last: int, entry: VerbEntry) -> tuple[str, Quotation | None] | None:
    """What follows the verb group: que/that, its own complement (accuser de), a colon or a quotation."""
    tokens = ctx.tokens
    lexicon = ctx.lexicons.verbs[entry.language]
    text, n = tokens.text, len(tokens)
    for k in range(group_last, min(group_last + 6, n) + 1):
        left = tokens.ends[k - 1]
        gap = text[left:tokens.starts[k] if k < n else len(text)]
        if k == group_last and ":" in gap:
            colon = left + gap.index(":")
            for offset in range(colon - left, len(gap)):  # she added: ‘Ask me in May.’
                if gap[offset] in _OPENING_MARKS and left + offset in ctx.opens:
                    return "colon", ctx.opens[left + offset]
            return "colon", None
        for offset, ch in enumerate(gap):
            if ch in _OPENING_MARKS and left + offset in ctx.opens:
                return "quote", ctx.opens[left + offset]
        if k >= n or _CLAUSE_END.search(gap):
            return None
        steps = k - group_last
        norm = tokens.norms[k]
        if norm in lexicon.clause_markers and steps <= 4:
            return "clause", None
        if norm in entry.complements and steps <= 3:
            return "complement", None
    return None


def _free_use(tokens: Tokens, group_first: int, group_last: int, entry: VerbEntry, form: str) -> bool:
    """English verbs like "said" may report with a subject alone, no that/colon/quote ("Smith said the plan...")."""
    if not entry.free or form in entry.noun_forms or group_first == 0:
        return False
    tail = tokens.gap(group_last) if group_last < len(tokens) else tokens.text[tokens.ends[-1]:] + "."
    return not re.search(r"[.!?;…]", tail)


def find_verb_uses(tokens: Tokens, hits: list[Hit], quotes: list[Quotation], lexicons: Lexicons) -> list[VerbUse]:
    """Reporting verbs used to report speech, each with its verb group, speaker and attribution span."""
    ctx = VerbContext(tokens, quotes, lexicons)
    verb_hits = [h for h in hits if h.cue.category == "verb"]
    verb_hits.sort(key=lambda h: (h.first, -h.last))
    ctx.verb_tokens = {k for h in verb_hits for k in range(h.first, h.last)}
    uses: list[VerbUse] = []
    covered_until = -1
    for hit in verb_hits:
        if hit.first < covered_until:
            continue
        use = _read_use(ctx, hit)
        if use is not None:
            uses.append(use)
            covered_until = hit.last
    share_coordinated_subjects(tokens, uses)
    return uses


def _read_use(ctx: VerbContext, hit: Hit) -> VerbUse | None:
    """The use a reporting-verb form is put to, or None when it reports nothing here."""
    tokens, entry = ctx.tokens, hit.cue.verb
    form = " ".join(tokens.norms[hit.first:hit.last])
    if tokens.is_capitalised(hit.first) and not tokens.breaks_before(hit.first):
        return None  # "the United States", "Note": a name, not a verb
    group = _verb_group(ctx, hit.first, hit.last, entry)
    if group is None:
        return None
    first, last, inverted, lead, mood = group
    quote, subject_first, how = None, None, None
    found = _after_quote(ctx, first, last)
    if found:
        quote, subject_first = found
        how = "after_quote"
    elif _rejected_by_left_word(ctx, hit.first, form, entry):
        return None
    else:
        following = _complement(ctx, last, entry)
        if following:
            how, quote = following
        elif incise(tokens, first, last):
            how = "incise"
        elif _closes_sentence(tokens, first, last):
            how = "trailing"
        elif inverted or _free_use(tokens, first, last, entry, form):
            how = "free"
    if how is None:
        return None
    use = VerbUse(first, last, entry, how, span=(first, last), quote=quote, hypothetical=mood == "future",
                  conditional=mood == "conditional", lead=lead)
    fill_speaker(ctx, use, inverted, subject_first)
    if use.speaker is not None and not can_speak(tokens, *use.speaker):
        use.speaker, use.span = None, (first, last)  # « cette fois », "there was no need": nobody speaks
    if how == "free" and not inverted and use.speaker is None \
            and tokens.norms[first - 1] not in ("and", "but"):
        return None  # a bare "said" with no subject and no complement says too little
    return use


def _closes_sentence(tokens: Tokens, first: int, last: int) -> bool:
    """"…, the agency announced on Thursday.": subject and verb after a comma, then the sentence ends."""
    if first == 0 or not clean_gap(tokens, first):
        return False
    subject = noun_phrase_before(tokens, first - 1)
    if subject is None or subject[0] == 0 or tokens.gap(subject[0]).strip() != ",":
        return False
    for k in range(last, min(last + 4, len(tokens)) + 1):
        tail = tokens.gap(k) if k < len(tokens) else tokens.text[tokens.ends[-1]:] + "."
        if re.search(r"[.!?…]", tail):
            return True
        if k > last and not clean_gap(tokens, k):
            return False
    return False


def find_marker_uses(tokens: Tokens, hits: list[Hit]) -> list[MarkerUse]:
    """Attributions without a verb: "selon le procès", "according to the union", sentence-initial "Pour X,"."""
    uses: list[MarkerUse] = []
    for hit in hits:
        cue = hit.cue
        if cue.category != "marker":
            continue
        source = source_after(tokens, hit.last)
        if source is None:
            continue
        if cue.sentence_initial:
            if not tokens.breaks_before(hit.first) or source[1] - source[0] > 5:
                continue
            if source[1] >= len(tokens) or "," not in tokens.gap(source[1]):
                continue
            named = any(tokens.is_capitalised(i) or tokens.norms[i] in ("lui", "elle", "eux", "elles", "him", "her", "them")
                        for i in range(*source))
            if not named:
                continue
        uses.append(MarkerUse(hit.first, hit.last, source))
    return uses
