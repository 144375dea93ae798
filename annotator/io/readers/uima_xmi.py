"""UIMA CAS XMI (INCEpTION, DKPro) read with dkpro-cassis, the DKPro project's own library.

The .xmi needs its TypeSystem.xml beside it (INCEpTION's XMI export holds both). The default
view's text is the document; every annotation of a span layer (custom layers, named entities...)
becomes a span, its tag feature naming the label under a parent label named after the layer,
its other simple features attributes. cassis turns UIMA's UTF-16 offsets into characters.
Relations, chains and DKPro's linguistic layers are counted and reported.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.io.readers.base import (
    ImportedDocument,
    ImportedFile,
    ImportedLabel,
    ImportedSpan,
    ReadOptions,
    count_phrase,
    display_name,
    refuse_unstorable,
    stored_text_of,
)

EXTENSIONS = (".xmi",)
_HOSTILE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
SKIPPED_TYPES = re.compile(
    r"^(uima\.|de\.tudarmstadt\.ukp\.dkpro\.core\.api\.(lexmorph|segmentation|syntax|metadata)\.|"
    r"de\.tudarmstadt\.ukp\.clarin\.webanno\.api\.|org\.dkpro\.core\.api\.(xml|pdf)\.)")
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
TAG_FEATURES = ("value", "label", "tag", "category", "type")
BUILT_IN = {"begin", "end", "sofa"}
LINK_FEATURES = {"Governor", "Dependent", "next", "first"}


def find_type_system(folder: Path) -> Path | None:
    """TypeSystem.xml (any case) in the .xmi's folder."""
    for candidate in sorted(folder.glob("*.xml")):
        if candidate.name.lower().startswith("typesystem"):
            return candidate
    return None


def _features(fs: Any) -> dict[str, Any]:
    """The annotation's own features with simple values (text, numbers, true/false)."""
    values = {}
    for feature in fs.type.all_features:
        if feature.name in BUILT_IN:
            continue
        value = fs.get(feature.name)
        if isinstance(value, (str, int, float, bool)):
            values[feature.name] = value
    return values


def _tag(fs: Any) -> str:
    """The text feature that names the label: a usual name for a tag, else the type's first one."""
    names = [f.name for f in fs.type.all_features if f.name not in BUILT_IN and f.rangeType.name == "uima.cas.String"]
    for name in TAG_FEATURES:
        if name in names:
            return name
    return names[0] if names else ""


def _load(path: Path, data: bytes, source: str) -> Any:
    import cassis  # imported here: a large library only XMI files need

    type_system = find_type_system(path.parent)
    if type_system is None:
        raise ImportRefused(source, "is UIMA CAS XMI but has no TypeSystem.xml beside it (INCEpTION's XMI "
                            "export holds both: unzip it whole)")
    ts_bytes = type_system.read_bytes()
    if _HOSTILE.search(data[:4096]) or _HOSTILE.search(ts_bytes[:4096]):
        raise ImportRefused(source, "declares a DOCTYPE or entities, which are refused")
    try:
        types = cassis.load_typesystem(io.BytesIO(ts_bytes))
        return cassis.load_cas_from_xmi(io.BytesIO(data), typesystem=types, lenient=True)
    except ImportRefused:
        raise
    except Exception as exc:  # cassis raises plain exceptions on malformed files
        raise ImportRefused(source, f"cannot be read as UIMA CAS XMI with {type_system.name} ({exc})") from None


def read_xmi(path: Path, data: bytes, options: ReadOptions) -> ImportedFile:
    """One CAS as one document with the spans of its annotation layers."""
    source = display_name(path)
    cas = _load(path, data, source)
    raw = cas.sofa_string or ""
    normalised = stored_text_of(raw)
    if not normalised.text.strip():
        raise ImportRefused(source, "holds no text (its default view is empty)")
    refuse_unstorable(normalised.text, source)
    title, language = "", ""
    labels: dict[str, ImportedLabel] = {}
    spans: list[ImportedSpan] = []
    skipped: Counter = Counter()
    who = path.stem if path.parent.parent.name == "annotation" else None
    for fs in cas.select_all_annotations():
        name = fs.type.name
        if name in (METADATA, "uima.tcas.DocumentAnnotation"):
            title = title or (fs.get("documentTitle") or "" if name == METADATA else "")
            language = language or fs.get("language") or ""
            continue
        if SKIPPED_TYPES.match(name) or not hasattr(fs, "begin"):
            continue
        short = name.split(".")[-1]
        if LINK_FEATURES & {f.name for f in fs.type.all_features}:
            skipped[f"{short} relation(s) or link(s)"] += 1
            continue
        labels.setdefault(name, ImportedLabel(name=short, key=name))
        tag, values = _tag(fs), _features(fs)
        value = values.pop(tag, None) if tag else None
        key = name
        if isinstance(value, str) and value:
            key = f"{name}={value}"
            labels.setdefault(key, ImportedLabel(name=value, key=key, parent=name))
        start, end = normalised.remap(fs.begin, fs.end)
        if start < end:
            spans.append(ImportedSpan(start, end, key, "", who, values))
    document = Document(text=normalised.text, title=title or normalised.text.strip().split("\n")[0][:200],
                        filename=source, language="" if language == "x-unspecified" else language,
                        metadata={"format": "uima-xmi"})
    warnings = [f"{count_phrase(dict(skipped))}: not imported"] if skipped else []
    return ImportedFile([ImportedDocument(document, spans=spans)], labels=list(labels.values()), warnings=warnings)
