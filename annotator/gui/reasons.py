"""The interface's words for messages built outside gui/: why an agreement figure is undefined, levels of
measurement, span origins, and the most common refusals of the store, as a message catalogue.

The parts below the interface (agreement, store) speak English, so that the command line, JSON reports,
CSV tables and logs stay stable. The interface translates what it shows: each catalogue entry is the
English message with {placeholders}; a message matching an entry is shown in the interface's language,
placeholders filled (a placeholder called `reason` is itself a message, translated in turn). A message
with no entry is shown as it is. The layers below state problems only; `error_message` adds the app's own
advice (menu items) from the error's type. tests/gui/test_french_everywhere.py checks that every undefined-figure
reason the agreement layer writes has an entry.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.core.errors import AnnotatorError, DamagedProject, ImportRefused, StorageFailure

CONTEXT = "Messages"

# English templates, as the agreement and store layers write them (see annotator/agreement/*.py).
CATALOGUE = (
    QT_TRANSLATE_NOOP("Messages", "unitizing alpha needs at least two annotators"),
    QT_TRANSLATE_NOOP("Messages", "unitizing alpha needs at least two annotators: {who} (list every annotator "
                                  "taking part, including those who marked nothing)"),
    QT_TRANSLATE_NOOP("Messages", "unitizing alpha is not defined: no annotator marked any span"),
    QT_TRANSLATE_NOOP("Messages", "unitizing alpha is not defined: every character is a one-character unit for "
                                  "every annotator, so no disagreement is expected by chance"),
    QT_TRANSLATE_NOOP("Messages", "unitizing alpha is not defined for an empty text"),
    QT_TRANSLATE_NOOP("Messages", "alpha is not defined: no unit has values from two or more coders, so no pair "
                                  "of values can be compared"),
    QT_TRANSLATE_NOOP("Messages", "alpha is not defined: all {n} pairable values are {value}; without any "
                                  "variation agreement beyond chance cannot be measured"),
    QT_TRANSLATE_NOOP("Messages", "span F1 is not defined: neither annotator marked a span"),
    QT_TRANSLATE_NOOP("Messages", "character kappa is not defined: every character is {only} for both "
                                  "annotators (no span was marked)"),
    QT_TRANSLATE_NOOP("Messages", "character kappa is not defined: every character is {only} for both "
                                  "annotators (everything is {same})"),
    QT_TRANSLATE_NOOP("Messages", "character kappa is not defined for an empty text"),
    QT_TRANSLATE_NOOP("Messages", "no resample gave a defined value, so there is no interval"),
    QT_TRANSLATE_NOOP("Messages", "a bootstrap over documents needs at least two documents"),
    QT_TRANSLATE_NOOP("Messages", "fewer than two annotators answered this question ({names})"),
    QT_TRANSLATE_NOOP("Messages", "no document was answered by all {n} annotators"),
    QT_TRANSLATE_NOOP("Messages", "not defined: no unit has a value from both coders"),
    QT_TRANSLATE_NOOP("Messages", "kappa is not defined: there is no unit rated by both coders"),
    QT_TRANSLATE_NOOP("Messages", "kappa is not defined: both coders used one and the same category for every "
                                  "unit, so the agreement expected by chance is already complete"),
    QT_TRANSLATE_NOOP("Messages", "pi is not defined: both coders used one and the same category for every unit"),
    QT_TRANSLATE_NOOP("Messages", "Fleiss' kappa is not defined for fewer than two coders"),
    QT_TRANSLATE_NOOP("Messages", "Fleiss' kappa is not defined: there is no unit"),
    QT_TRANSLATE_NOOP("Messages", "Fleiss' kappa needs complete data: unit {unit} has no value from coder {coder}"),
    QT_TRANSLATE_NOOP("Messages", "Fleiss' kappa is not defined: every coder gave every unit the same category"),
    QT_TRANSLATE_NOOP("Messages", "the computation gave no number for this data"),
    QT_TRANSLATE_NOOP("Messages", "no pair of annotators gives a defined {what} ({reason})"),
    QT_TRANSLATE_NOOP("Messages", "no pair of annotators gives a defined {what}"),
    QT_TRANSLATE_NOOP("Messages", "no document was coded by all {n} annotators ({names}); see the pairwise and "
                                  "per-document figures"),
    QT_TRANSLATE_NOOP("Messages", "no interval: too few documents for a bootstrap over documents ({n} of the {m} "
                                  "needed)"),
    QT_TRANSLATE_NOOP("Messages", "too few resamples contain this label"),
    QT_TRANSLATE_NOOP("Messages", "no document was coded by both {a} and {b}"),
    QT_TRANSLATE_NOOP("Messages", "no annotator marked this label in the documents every annotator coded"),
    QT_TRANSLATE_NOOP("Messages", "several answers allowed: each annotator's set of answers is one nominal value"),
    QT_TRANSLATE_NOOP("Messages", "1 answer 'unsure' or outside the scale was left out of the {level} figures: "
                                  "{values}"),
    QT_TRANSLATE_NOOP("Messages", "{n} answers 'unsure' or outside the scale were left out of the {level} "
                                  "figures: {values}"),
    # refusals of the store the interface shows often
    QT_TRANSLATE_NOOP("Messages", "coding is blind in this project: {viewer} sees only their own work, not "
                                  "{whose}"),
    QT_TRANSLATE_NOOP("Messages", "{name} is the project lead; make someone else lead before retiring them"),
    QT_TRANSLATE_NOOP("Messages", "{leads} leads this project; only a lead changes roles"),
    QT_TRANSLATE_NOOP("Messages", "only the project lead ({leads}) turns blind coding on or off"),
    QT_TRANSLATE_NOOP("Messages", "every document is assigned already; nothing to plan"),
    QT_TRANSLATE_NOOP("Messages", "automatic assignment needs at least one annotator"),
    QT_TRANSLATE_NOOP("Messages", "cannot give each document {n} annotators: only {m} ({names}) were named"),
    # names refused as an annotator's (annotator/services/identity.py, annotator/store/team.py)
    QT_TRANSLATE_NOOP("Messages", "an annotator needs a name"),
    QT_TRANSLATE_NOOP("Messages", "{name} is reserved for the gold standard, which only adjudication writes"),
    QT_TRANSLATE_NOOP("Messages", "{name} is a computer account, not a person: give your own name"),
    QT_TRANSLATE_NOOP("Messages", "the name {name} is too long: an annotator's name has at most {n} characters "
                                  "(this one has {m})"),
    # label keys (annotator/core/shortcuts.py) and codebook edits
    QT_TRANSLATE_NOOP("Messages", "label {label}: shortcut {key} is not a key the article text catches ({found}): "
                                  "use a letter a–z or a digit 0–9, alone or with Alt or Ctrl (keys such as é, ; "
                                  "or F2 never label anything)"),
    QT_TRANSLATE_NOOP("Messages", "label {label}: shortcut {key} only types a capital letter: use the key alone, "
                                  "or add Alt or Ctrl"),
    QT_TRANSLATE_NOOP("Messages", "label {label}: shortcut {key} uses the Meta (Windows, Command) key, which never "
                                  "reaches the article text: use Ctrl or Alt"),
    QT_TRANSLATE_NOOP("Messages", "shortcut {key} is already used by label {owner}; choose another key or clear "
                                  "that label's shortcut first"),
    QT_TRANSLATE_NOOP("Messages", "answers use {choice}; retire it instead (its answers stay)"),
    QT_TRANSLATE_NOOP("Messages", "{choice} is the last choice {question} offers; add another first"),
    QT_TRANSLATE_NOOP("Messages", "1 answer to {question} holds several choices; it must keep taking several "
                                  "answers"),
    QT_TRANSLATE_NOOP("Messages", "{n} answers to {question} hold several choices; it must keep taking several "
                                  "answers"),
    QT_TRANSLATE_NOOP("Messages", "1 span holds a value for {name}; retire it instead"),
    QT_TRANSLATE_NOOP("Messages", "{n} spans hold a value for {name}; retire it instead"),
    QT_TRANSLATE_NOOP("Messages", "spans hold {choices} for {name}; keep those choices"),
    # notes of a codebook import (annotator/store/codebook_import.py)
    QT_TRANSLATE_NOOP("Messages", "question {question} keeps choice {choices}: answers in this project use it"),
    QT_TRANSLATE_NOOP("Messages", "question {question} keeps choices {choices}: answers in this project use them"),
    QT_TRANSLATE_NOOP("Messages", "label {label} does not take the shortcut {key} from label {owner} of the "
                                  "project; it keeps {own}"),
    QT_TRANSLATE_NOOP("Messages", "label {label} does not take the shortcut {key} from label {owner} of the project"),
    QT_TRANSLATE_NOOP("Messages", "label {label} lost its shortcut {key}: another label has it"),
    QT_TRANSLATE_NOOP("Messages", "label {label} (kept) moved to the top level: its parent {parent} is no longer of "
                                  "the same kind"),
    QT_TRANSLATE_NOOP("Messages", "attribute {attribute} (kept) removed: its labels {labels} are now questions"),
    QT_TRANSLATE_NOOP("Messages", "attribute {attribute} (kept) no longer applies to {labels}"),
    QT_TRANSLATE_NOOP("Messages", "the project's codebook keeps its name {name} (the file's is {other})"),
    # opening and writing the project file (annotator/store/opening.py, annotator/store/transactions.py)
    QT_TRANSLATE_NOOP("Messages", "{path}: is damaged, so nothing can be changed in it (it is open read-only)"),
    QT_TRANSLATE_NOOP("Messages", "{path}: is damaged ({detail}); nothing was saved"),
    QT_TRANSLATE_NOOP("Messages", "{path}: is damaged ({detail})"),
    QT_TRANSLATE_NOOP("Messages", "{path}: carries the Framing Annotator mark but has no project tables: it was "
                                  "never finished or it is damaged"),
    QT_TRANSLATE_NOOP("Messages", "{path}: is in use by another window or command; try again in a moment"),
    QT_TRANSLATE_NOOP("Messages", "the project is in use by another window or command; try again in a moment"),
    QT_TRANSLATE_NOOP("Messages", "{path}: is not a Framing Annotator project file (SQLite cannot read it as a "
                                  "database)"),
    QT_TRANSLATE_NOOP("Messages", "{path}: cannot be read: the disk reported an error ({detail}); try again, or "
                                  "copy the file to another disk"),
    QT_TRANSLATE_NOOP("Messages", "{path}: cannot be opened ({detail})"),
    # merges that need the lead's consent (annotator/store/merge_guard.py)
    QT_TRANSLATE_NOOP("Messages", "cannot merge {name}: it brings {n} new labels and attributes, more than the {m} "
                                  "a merge takes unless told otherwise; nothing was merged"),
    QT_TRANSLATE_NOOP("Messages", "cannot merge {name}: it is not a package but a copy of a whole project, and it "
                                  "changes or deletes existing work ({listed}); such a copy should be merged only if "
                                  "it comes from someone trusted with everyone's work; nothing was merged"),
    # import limits (annotator/io/readers/base.py, annotator/io/import_labels.py)
    QT_TRANSLATE_NOOP("Messages", "is {size}, over the {limit} MB limit per article"),
    QT_TRANSLATE_NOOP("Messages", "{where}: the article is {size}, over the {limit} MB limit per article"),
    QT_TRANSLATE_NOOP("Messages", "would add more than {n} new labels to the codebook ({shown}); check that this is "
                                  "the file you meant"),
)

# How the app says what to do about an error, from the error's type (annotator.core.errors): the layers below
# state the problem only, and the command line adds its own advice (annotator/cli/common.py).
MENU_RESTORE_ADVICE = QT_TRANSLATE_NOOP("Messages", "{problem}; to get your work back, choose File > Restore a "
                                                    "backup…")
REOPEN_RESTORE_ADVICE = QT_TRANSLATE_NOOP("Messages", "{problem}; to get your work back, open it again and choose "
                                                      "Restore a backup…")
LIMIT_ADVICE = {
    "max_article_size": QT_TRANSLATE_NOOP("Messages", "{problem}; split it into smaller files to import it"),
}

# Words that fill placeholders ({what}, {whose}...) and single words of the reports.
WORDS = {
    "exact F1": QT_TRANSLATE_NOOP("Messages", "exact F1"),
    "overlap F1": QT_TRANSLATE_NOOP("Messages", "overlap F1"),
    "character kappa": QT_TRANSLATE_NOOP("Messages", "character kappa"),
    "other annotators' work": QT_TRANSLATE_NOOP("Messages", "other annotators' work"),
    "the gold standard": QT_TRANSLATE_NOOP("Messages", "the gold standard"),
    "none": QT_TRANSLATE_NOOP("Messages", "none"),
}
LEVELS = {
    "nominal": QT_TRANSLATE_NOOP("Messages", "nominal"),
    "ordinal": QT_TRANSLATE_NOOP("Messages", "ordinal"),
    "interval": QT_TRANSLATE_NOOP("Messages", "interval"),
    "ratio": QT_TRANSLATE_NOOP("Messages", "ratio"),
}
ORIGINS = {
    "manual": QT_TRANSLATE_NOOP("Messages", "by hand"),
    "suggestion": QT_TRANSLATE_NOOP("Messages", "accepted suggestions"),
    "import": QT_TRANSLATE_NOOP("Messages", "imported"),
    "adjudication": QT_TRANSLATE_NOOP("Messages", "adjudication"),
}
_OWN_WORK = re.compile(r"^(?P<name>.+)'s work$")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _compiled(template: str) -> re.Pattern[str]:
    pattern = "".join(f"(?P<{part[1:-1]}>.+?)" if part.startswith("{") else re.escape(part)
                      for part in re.split(r"(\{[a-z]+\})", template) if part)
    return re.compile(f"^{pattern}$", re.DOTALL)


@lru_cache(maxsize=None)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """(what the layers below write, what the interface shows) for every catalogue entry."""
    return [(_compiled(template), template) for template in CATALOGUE]


def _word(value: str) -> str:
    if value in WORDS:
        return _tr(WORDS[value])
    if value in LEVELS:
        return _tr(LEVELS[value])
    own = _OWN_WORK.match(value)
    if own:
        return QCoreApplication.translate("Messages", "{name}'s work").format(name=own["name"])
    return value


def message_text(message: str) -> str:
    """`message` in the interface's language when the catalogue knows it, else as it is."""
    if not message:
        return message
    for pattern, template in _patterns():
        found = pattern.match(message)
        if found:
            values = {key: message_text(value) if key == "reason" else _word(value)
                      for key, value in found.groupdict().items()}
            return _tr(template).format(**values)
    return message


def error_message(exc: BaseException) -> str:
    """What the app says about an error: the problem in the interface's language, then what to do about it in
    the app's own words (menu items, never command-line options), chosen from the error's type. Every place
    of the interface that shows an error shows this."""
    if isinstance(exc, ImportRefused):
        return f"{exc.source}: {limit_advice(message_text(exc.reason), exc.limit_option)}"
    if not isinstance(exc, AnnotatorError):
        return str(exc) or type(exc).__name__
    text = message_text(str(exc))
    if isinstance(exc, DamagedProject):
        return _tr(REOPEN_RESTORE_ADVICE).format(problem=text)
    if isinstance(exc, StorageFailure) and exc.kind == "damaged":
        return _tr(MENU_RESTORE_ADVICE).format(problem=text)
    return text


def limit_advice(reason: str, limit_option: str) -> str:
    """A file's refusal (`reason`, translated already) with what the app advises for the import limit
    `limit_option` it is over (ImportRefused.limit_option; "" adds nothing)."""
    template = LIMIT_ADVICE.get(limit_option)
    return _tr(template).format(problem=reason) if template else reason


def refusal_reason(refusal) -> str:
    """Why an import refused a file (an annotator.io.importer.Refusal), in the interface's words."""
    return limit_advice(message_text(refusal.reason), getattr(refusal, "limit_option", ""))


def known(message: str) -> bool:
    """True when the catalogue has an entry for `message` (tests use it)."""
    return any(pattern.match(message) for pattern, _ in _patterns())


def level_name(level: str) -> str:
    """A level of measurement in the interface's language."""
    return _tr(LEVELS[level]) if level in LEVELS else level


def origin_name(origin: str) -> str:
    """Where spans came from (by hand, suggestions...) in the interface's language."""
    return _tr(ORIGINS[origin]) if origin in ORIGINS else origin

