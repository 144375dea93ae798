"""Numbers as the interface's language writes them: 0.290 or 0,290; 100.0% or 100,0 %."""

from __future__ import annotations

from PySide6.QtCore import QLocale

# French puts a no-break space between a number and its percent sign.
_PERCENT_GAP = {QLocale.Language.French: "\u00a0"}


def set_language(language: str) -> None:
    """Make `language` ("fr" or "en") the locale every number of the interface follows."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France) if language == "fr"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def decimal(value: float, places: int = 3) -> str:
    """`value` with `places` decimals in the interface's locale (0.290 / 0,290)."""
    return QLocale().toString(float(value), "f", places)


def percent(share: float, places: int = 1) -> str:
    """A share (0..1) as a percentage in the interface's locale (100.0% / 100,0 %)."""
    locale = QLocale()
    return locale.toString(float(share) * 100, "f", places) + _PERCENT_GAP.get(locale.language(), "") + "%"


def integer(value: int) -> str:
    """A whole number with the locale's grouping (12,000 / 12 000)."""
    return QLocale().toString(int(value))
