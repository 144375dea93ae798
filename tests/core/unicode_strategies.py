"""Hypothesis strategies for article-like Unicode: character clusters whose boundaries are known."""

from __future__ import annotations

from hypothesis import strategies as st

ZWJ = "\u200d"
COMBINING = ["\u0301", "\u0300", "\u0308", "\u0327", "\u0323", "\u20e3", "\u093f", "\u0903", "\ufe0f", "\ufe0e",
             "\U0001F3FB", "\U0001F3FD", "\U0001F3FF", "\U000E0100"]  # accents, keycap, Devanagari, VS, skin tones
EMOJI = ["\U0001F600", "\U0001F468", "\U0001F469", "\U0001F467", "\U0001F44D", "\u2764", "\U0001F3F3",
         "\U0001F308", "\U0001F9D1", "\U0001F52C"]
WORDS = ["le", "ministre", "a", "déclaré", "l'État", "Zoë", "naïve", "co-opération", "2024", "x"]
SPACES = [" ", "\n", "\n\n", "\t", "\u00a0", "\u202f"]
PUNCTUATION = [".", ",", "«", "»", "\u201c", "\u201d", "!", "?", "-", "\u2014", "'", "(", ")"]

# Any single character that starts a cluster: not a mark, not a joiner, not a selector or skin tone.
base_characters = st.characters(
    codec="utf-8", exclude_categories=("Mn", "Mc", "Me", "Cs"),
    exclude_characters=ZWJ + "\ufe0e\ufe0f\U0001F3FB\U0001F3FC\U0001F3FD\U0001F3FE\U0001F3FF",
)
marks = st.one_of(st.sampled_from(COMBINING), st.characters(categories=("Mn", "Mc", "Me")))


@st.composite
def clusters(draw) -> str:
    """One user-perceived character: a base with marks, or an emoji ZWJ sequence."""
    kind = draw(st.sampled_from(["plain", "marked", "zwj", "emoji"]))
    if kind == "zwj":
        parts = draw(st.lists(st.sampled_from(EMOJI), min_size=2, max_size=4))
        tone = draw(st.sampled_from(["", "\U0001F3FD", "\ufe0f"]))
        return ZWJ.join(p + tone for p in parts)
    if kind == "emoji":
        return draw(st.sampled_from(EMOJI)) + draw(st.sampled_from(["", "\U0001F3FB", "\ufe0f"]))
    base = draw(st.one_of(base_characters, st.sampled_from(SPACES[:1] + PUNCTUATION + list("aéZ9"))))
    if kind == "plain":
        return base
    return base + "".join(draw(st.lists(marks, min_size=1, max_size=3)))


@st.composite
def clustered_texts(draw, min_size: int = 1, max_size: int = 40) -> tuple[str, set[int]]:
    """Text made of clusters and words, with the set of offsets that fall between clusters."""
    pieces = draw(st.lists(st.one_of(clusters(), st.sampled_from(WORDS), st.sampled_from(SPACES),
                                     st.sampled_from(PUNCTUATION)),
                           min_size=min_size, max_size=max_size))
    boundaries, pos = {0}, 0
    for piece in pieces:
        if piece in WORDS or piece in SPACES or piece in PUNCTUATION:
            for _ in piece:  # words of precomposed letters: every offset is a boundary
                pos += 1
                boundaries.add(pos)
        else:
            pos += len(piece)
            boundaries.add(pos)
    return "".join(pieces), boundaries
