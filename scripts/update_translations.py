"""Refresh the French interface translation: pyside6-lupdate over annotator/gui/*.py into the .ts, then
pyside6-lrelease into the .qm the app loads.

    python scripts/update_translations.py          update the .ts and .qm, list messages left to translate
    python scripts/update_translations.py --check  change nothing; exit 1 if a message has no French text
                                                   or the .qm is not built from the current .ts

Translations are written in resources/translations/framing_annotator_fr.ts (Qt Linguist, or any XML
editor: fill each <translation> and remove its type="unfinished"). lupdate keeps them when the code moves.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "annotator" / "gui"
TRANSLATIONS = REPO / "resources" / "translations"
TS = TRANSLATIONS / "framing_annotator_fr.ts"
QM = TRANSLATIONS / "framing_annotator_fr.qm"


def qt_tool(name: str) -> str:
    """The path of pyside6-lupdate / pyside6-lrelease: beside this Python, on PATH, or in the PySide6 folder."""
    for candidate in (Path(sys.executable).parent / f"pyside6-{name}", shutil.which(f"pyside6-{name}")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    raise SystemExit(f"cannot find pyside6-{name}: install PySide6 in this Python environment")


def run_lupdate(ts: Path) -> None:
    """Merge the translatable strings of annotator/gui/*.py into `ts` (created if missing)."""
    sources = [str(p) for p in sorted(SOURCES.glob("*.py"))]
    subprocess.run([qt_tool("lupdate"), *sources, "-ts", str(ts), "-target-language", "fr_FR",
                    "-no-obsolete", "-locations", "none", "-silent"], check=True)


def run_lrelease(ts: Path, qm: Path) -> None:
    """Compile `ts` into `qm`."""
    subprocess.run([qt_tool("lrelease"), str(ts), "-qm", str(qm), "-silent"], check=True)


def untranslated(ts: Path) -> list[str]:
    """'context: source' of every message without a finished French translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                missing.append(f"{name}: {message.findtext('source')}")
                continue
            if message.get("numerus") == "yes":
                texts = [f.text or "" for f in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""]
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            if not finished or not texts or not all(t.strip() for t in texts):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def same_translations(qm_a: Path, qm_b: Path, ts: Path) -> bool:
    """True when two .qm files translate every message of `ts` alike (another lrelease may differ in bytes)."""
    from PySide6.QtCore import QTranslator

    a, b = QTranslator(), QTranslator()
    if not (a.load(str(qm_a)) and b.load(str(qm_b))):
        return False
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            for n in ((1, 5) if message.get("numerus") == "yes" else (-1,)):
                if a.translate(name, source, None, n) != b.translate(name, source, None, n):
                    return False
    return True


def check() -> list[str]:
    """Problems with the committed .ts/.qm, found without changing them (empty when all is well)."""
    problems = []
    if not TS.exists() or not QM.exists():
        return [f"missing {TS.name} or {QM.name}: run scripts/update_translations.py"]
    with tempfile.TemporaryDirectory() as tmp:
        ts, qm = Path(tmp) / TS.name, Path(tmp) / QM.name
        shutil.copy(TS, ts)
        run_lrelease(ts, qm)
        if qm.read_bytes() != QM.read_bytes() and not same_translations(qm, QM, ts):
            problems.append(f"{QM.name} is not built from {TS.name}: run scripts/update_translations.py")
        run_lupdate(ts)
        problems += [f"no French translation: {m}" for m in untranslated(ts)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on any problem")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) if problems else "translations complete and compiled")
        return 1 if problems else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    run_lupdate(TS)
    run_lrelease(TS, QM)
    missing = untranslated(TS)
    for line in missing:
        print(f"to translate: {line}")
    print(f"{TS.relative_to(REPO)}: {len(missing)} message(s) left to translate; {QM.relative_to(REPO)} rebuilt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
