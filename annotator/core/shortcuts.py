"""Label shortcuts the article text catches: a letter or digit, alone or with Ctrl and/or Alt (and Shift
with them), written one way (`normal_shortcut`); anything else is refused with the reason."""

from __future__ import annotations

MODIFIERS = ("Ctrl", "Alt", "Shift")
_ALIASES = {"ctrl": "Ctrl", "control": "Ctrl", "alt": "Alt", "option": "Alt", "shift": "Shift", "maj": "Shift",
            "meta": "Meta", "cmd": "Meta", "command": "Meta", "super": "Meta", "win": "Meta"}


def _parts(shortcut: str) -> tuple[list[str], str]:
    pieces = shortcut.strip().split("+")
    if len(pieces) > 1 and pieces[-1] == "" and pieces[-2] == "":  # "Ctrl++": the plus key
        pieces = pieces[:-2] + ["+"]
    return [p.strip() for p in pieces[:-1]], pieces[-1].strip()


def shortcut_problem(shortcut: str) -> str | None:
    """Why `shortcut` would never label anything, in plain words; None when it works."""
    modifiers, key = _parts(shortcut)
    named = [_ALIASES.get(m.lower(), m) for m in modifiers]
    unknown = [m for m in named if m not in MODIFIERS and m != "Meta"]
    if unknown:
        return f"has an unknown modifier {unknown[0]!r}: use Ctrl, Alt or Shift"
    if "Meta" in named:
        return "uses the Meta (Windows, Command) key, which never reaches the article text: use Ctrl or Alt"
    if len(key) != 1 or not (key.isascii() and key.isalnum()):
        return (f"is not a key the article text catches ({key!r}): use a letter a–z or a digit 0–9, alone or "
                "with Alt or Ctrl (keys such as é, ; or F2 never label anything)")
    if named and set(named) == {"Shift"}:
        return "only types a capital letter: use the key alone, or add Alt or Ctrl"
    if len(set(named)) != len(named):
        return "names a modifier twice"
    return None


def normal_shortcut(shortcut: str) -> str:
    """The one spelling of a shortcut the app compares: 's', 'Alt+1', 'Ctrl+Shift+K' (as the text area reports it)."""
    modifiers, key = _parts(shortcut)
    if not modifiers:
        return key.lower()
    named = {_ALIASES.get(m.lower(), m) for m in modifiers}
    return "+".join([m for m in MODIFIERS if m in named] + [key.upper()])
