"""Terminal columns: how wide text shows (wide East Asian characters and emoji sequences take two columns,
combining accents none) and text cut or padded to a width, so tables stay aligned whatever the titles hold."""

from __future__ import annotations

from wcwidth import iter_graphemes, wcswidth

ELLIPSIS = "…"


def cluster_width(cluster: str) -> int:
    """How many terminal columns one grapheme cluster takes (a letter with its accents, an emoji with its skin
    tone, a family joined by zero-width joiners, a flag): 0, 1 or 2; a control character takes none."""
    return max(wcswidth(cluster), 0)


def display_width(text: str) -> int:
    """How many terminal columns `text` takes."""
    return sum(cluster_width(cluster) for cluster in iter_graphemes(text))


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` columns: padded with spaces, or cut with an ellipsis where it would not fit
    (between grapheme clusters: never inside a wide character, an emoji sequence or a letter's accents)."""
    shown = display_width(text)
    if shown <= width:
        return text + " " * (width - shown)
    kept, used = [], 0
    for cluster in iter_graphemes(text):
        step = cluster_width(cluster)
        if used + step > width - 1:
            break
        kept.append(cluster)
        used += step
    return "".join(kept) + ELLIPSIS + " " * (width - 1 - used)
