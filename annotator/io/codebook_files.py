"""Codebook files: reading presets and JSON codebook files, writing a project's codebook."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.codebook import Codebook, codebook_from_dict, codebook_to_dict
from annotator.core.errors import CodebookError
from annotator.core.paths import resources_dir


def presets_dir() -> Path:
    return resources_dir() / "codebooks"


def list_presets() -> dict[str, Path]:
    """Preset id (file stem) -> path of every codebook shipped in resources/codebooks."""
    return {p.stem: p for p in sorted(presets_dir().glob("*.json"))}


def load_codebook(path: str | Path) -> Codebook:
    """Read and validate a codebook JSON file; errors name the file, the field and the problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise CodebookError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise CodebookError(f"{path}: is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise CodebookError(f"{path}: is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise CodebookError(f"{path}: nests its data too deeply to be a codebook") from None
    except ValueError as exc:  # a number too long for Python to read
        raise CodebookError(f"{path}: is not a codebook ({exc})") from None
    except OSError as exc:
        raise CodebookError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        return codebook_from_dict(data)
    except CodebookError as exc:
        raise CodebookError(f"{path}: {exc}") from None


def load_preset(preset_id: str) -> Codebook:
    """One of the shipped presets by id."""
    presets = list_presets()
    if preset_id not in presets:
        raise CodebookError(f"unknown codebook preset {preset_id!r}")
    return load_codebook(presets[preset_id])


def save_codebook(book: Codebook, path: str | Path) -> None:
    """Write a codebook as JSON (UTF-8, indented, stable order)."""
    Path(path).write_text(
        json.dumps(codebook_to_dict(book), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
