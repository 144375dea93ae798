"""Models as bytes that travel safely in a project file: compressed JSON with numeric arrays, never pickle.

A project file goes from one researcher to another, so a stored model is data that is read, checked
and rebuilt, never code that runs: the bytes are zlib-compressed JSON, numeric arrays are base64 of
little-endian numbers of a few allowed types, and anything unexpected is refused with ModelDataError.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import zlib
from typing import Any, TypeVar

import numpy as np

from annotator.core.errors import AnnotatorError

MODEL_FORMAT = "framing-annotator-model"
MODEL_FORMAT_VERSION = 1
_ALLOWED_DTYPES = {"<f4": np.float32, "<f8": np.float64, "<i4": np.int32, "<i8": np.int64}
_MAX_UNPACKED = 1 << 30  # a stored model never unpacks to more than 1 GiB
Settings = TypeVar("Settings")


class ModelDataError(AnnotatorError, ValueError):
    """Stored model bytes are damaged, of another kind, or from a newer version of the app."""


def encode_array(array: np.ndarray) -> dict[str, Any]:
    """A numeric array as JSON: dtype, shape and base64 of its little-endian bytes."""
    array = np.ascontiguousarray(array)
    dtype = array.dtype.newbyteorder("<")
    if dtype.str not in _ALLOWED_DTYPES:
        raise TypeError(f"arrays of {array.dtype} cannot be stored")
    return {"dtype": dtype.str, "shape": list(array.shape),
            "data": base64.b64encode(array.astype(dtype, copy=False).tobytes()).decode("ascii")}


def decode_array(value: Any, where: str) -> np.ndarray:
    """The array `encode_array` wrote; ModelDataError naming `where` when it is not one."""
    if not isinstance(value, dict) or set(value) != {"dtype", "shape", "data"}:
        raise ModelDataError(f"stored model: {where} is not an array")
    dtype = _ALLOWED_DTYPES.get(value["dtype"])
    shape = value["shape"]
    if dtype is None or not isinstance(shape, list) or not all(isinstance(n, int) and n >= 0 for n in shape):
        raise ModelDataError(f"stored model: {where} has an unknown type or shape")
    try:
        raw = base64.b64decode(value["data"], validate=True)
    except (ValueError, TypeError):
        raise ModelDataError(f"stored model: {where} is not valid base64") from None
    count = int(np.prod(shape, dtype=np.int64)) if shape else 1
    if len(raw) != count * np.dtype(dtype).itemsize:
        raise ModelDataError(f"stored model: {where} holds {len(raw)} bytes, not the {shape} its shape says")
    return np.frombuffer(raw, dtype=np.dtype(dtype).newbyteorder("<")).astype(dtype).reshape(shape)


def pack(kind: str, payload: dict[str, Any]) -> bytes:
    """`payload` (JSON values and encoded arrays) as compressed bytes tagged with the model kind."""
    document = {"format": MODEL_FORMAT, "format_version": MODEL_FORMAT_VERSION, "kind": kind, **payload}
    return zlib.compress(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def unpack(data: bytes, kind: str) -> dict[str, Any]:
    """The payload `pack` wrote for a model of `kind`; ModelDataError for anything else."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ModelDataError("stored model: expected bytes")
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(bytes(data), _MAX_UNPACKED)
        if inflater.unconsumed_tail:
            raise ModelDataError("stored model: too large to be one of ours")
        document = json.loads(raw.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError):
        raise ModelDataError("stored model: damaged (not compressed JSON)") from None
    if not isinstance(document, dict) or document.get("format") != MODEL_FORMAT:
        raise ModelDataError("stored model: not a Framing Annotator model")
    version = document.get("format_version")
    if not isinstance(version, int) or version > MODEL_FORMAT_VERSION:
        raise ModelDataError(f"stored model: format version {version!r} is newer than this app reads "
                             f"({MODEL_FORMAT_VERSION}); update the app or retrain the model")
    if document.get("kind") != kind:
        raise ModelDataError(f"stored model: a {document.get('kind')!r} model, not a {kind!r} model")
    return document


def field_of(document: dict[str, Any], name: str, kind: type | tuple[type, ...]) -> Any:
    """`document[name]` when it has the expected JSON type; ModelDataError otherwise."""
    value = document.get(name)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ModelDataError(f"stored model: field {name!r} is missing or of the wrong type")
    return value


def settings_from(cls: type[Settings], raw: Any) -> Settings:
    """The settings dataclass `cls` from stored JSON, each field of its default's type (a list for a tuple)."""
    if not isinstance(raw, dict):
        raise ModelDataError("stored model: the settings are missing")
    defaults = cls()
    known = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ModelDataError(f"stored model: unknown settings {', '.join(map(repr, unknown))} "
                             "(made by a newer version of the app?)")
    values: dict[str, Any] = {}
    for name, value in raw.items():
        default = getattr(defaults, name)
        if isinstance(default, tuple):
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            value = tuple(value) if ok else value
        elif isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, float):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            value = float(value) if ok else value
        else:
            ok = isinstance(value, type(default)) and not isinstance(value, bool)
        if not ok:
            raise ModelDataError(f"stored model: setting {name!r} has the wrong type")
        values[name] = value
    return dataclasses.replace(defaults, **values)
