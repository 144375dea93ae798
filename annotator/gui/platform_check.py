"""Before Qt starts on Linux: if a system library the X11 window plugin needs is missing (libxcb-cursor0 is
the usual one), say in one line which package to install, instead of Qt's abort with a raw message."""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path
from typing import Callable, Mapping

_SONAME = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")
# The system libraries Qt 6's X11 plugin (libQt6XcbQpa) links to, beside Qt's own and the C library.
XCB_LIBRARIES = (
    "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-util.so.1", "libxcb-image.so.0", "libxcb-keysyms.so.1",
    "libxcb-randr.so.0", "libxcb-render.so.0", "libxcb-render-util.so.0", "libxcb-shape.so.0", "libxcb-shm.so.0",
    "libxcb-sync.so.1", "libxcb.so.1", "libxcb-xfixes.so.0", "libxcb-xkb.so.1", "libxkbcommon.so.0",
    "libX11-xcb.so.1", "libX11.so.6", "libxkbcommon-x11.so.0", "libGL.so.1", "libEGL.so.1", "libfontconfig.so.1",
)


def xcb_plugin() -> Path | None:
    """The Qt X11 platform plugin shipped with PySide6, if there is one."""
    import PySide6

    path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.exists() else None


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that usually holds a library: libxcb-cursor.so.0 -> libxcb-cursor0,
    libxkbcommon-x11.so.0 -> libxkbcommon-x11-0, libEGL.so.1 -> libegl1."""
    match = re.match(r"(lib[\w.+-]+?)\.so\.(\d+)", soname)
    if match is None:
        return soname.split(".so")[0].lower()
    name, version = match.group(1).lower(), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_library_message(load: Callable[[str], object] = ctypes.CDLL, platform: str = sys.platform,
                            environ: Mapping[str, str] = os.environ, plugin: str | Path | None = None) -> str | None:
    """One line naming the package to install when the X11 plugin cannot load, else None.

    Only checked where Qt would use that plugin: Linux, an X11 display, and no other platform asked for."""
    if not platform.startswith("linux"):
        return None
    wanted = environ.get("QT_QPA_PLATFORM", "")
    if wanted and not wanted.startswith("xcb"):
        return None
    if not wanted and (not environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return None
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None
    try:
        load(str(plugin))
    except OSError as exc:
        found = _SONAME.search(str(exc))
        missing = [found.group(1)] if found else []
        for library in XCB_LIBRARIES:  # name them all at once, not one per attempt
            try:
                load(library)
            except OSError:
                if library not in missing:
                    missing.append(library)
        if not missing:
            return f"Framing Annotator cannot open its window: {exc}"
        packages = " ".join(debian_package(library) for library in missing)
        return (f"Framing Annotator cannot open its window: the system {'libraries' if len(missing) > 1 else 'library'} "
                f"{', '.join(missing)} {'are' if len(missing) > 1 else 'is'} missing. Install "
                f"(Debian, Ubuntu): sudo apt install {packages}")
    return None
