"""User settings kept with QSettings: layout, font size, snapping, recent projects, last positions."""

from __future__ import annotations

from PySide6.QtCore import QSettings

MAX_RECENT = 8
DEFAULT_POINT_SIZE = 12.0


class Settings:
    """Typed access to the app's QSettings."""

    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings or QSettings()

    def scratch_copy(self, folder: str) -> "Settings":
        """The same settings in a throwaway file in `folder`: what a screenshot run reads and changes
        (window layout, last positions), leaving the person's own settings as they were."""
        copy = QSettings(f"{folder}/settings.ini", QSettings.Format.IniFormat)
        for key in self.q.allKeys():
            copy.setValue(key, self.q.value(key))
        return Settings(copy)

    def _get(self, key: str, default, kind):
        value = self.q.value(key, default)
        try:
            if kind is bool:
                return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            return kind(value)
        except (TypeError, ValueError):
            return default

    @property
    def point_size(self) -> float:
        return self._get("reader/point_size", DEFAULT_POINT_SIZE, float)

    @point_size.setter
    def point_size(self, value: float) -> None:
        self.q.setValue("reader/point_size", float(value))

    @property
    def snap_to_words(self) -> bool:
        return self._get("reader/snap_to_words", True, bool)

    @snap_to_words.setter
    def snap_to_words(self, value: bool) -> None:
        self.q.setValue("reader/snap_to_words", bool(value))

    @property
    def label_names(self) -> bool:
        """Whether the reader shows label names beside the text."""
        return self._get("reader/label_names", True, bool)

    @label_names.setter
    def label_names(self, value: bool) -> None:
        self.q.setValue("reader/label_names", bool(value))

    @property
    def language(self) -> str:
        return self._get("ui/language", "", str)

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("ui/language", value)

    @property
    def ui_point_size(self) -> float:
        """The interface's font size in points; 0 keeps the system's."""
        return self._get("ui/point_size", 0.0, float)

    @ui_point_size.setter
    def ui_point_size(self, value: float) -> None:
        self.q.setValue("ui/point_size", float(value))

    @property
    def high_contrast(self) -> bool:
        return self._get("ui/high_contrast", False, bool)

    @high_contrast.setter
    def high_contrast(self, value: bool) -> None:
        self.q.setValue("ui/high_contrast", bool(value))

    def recent_projects(self) -> list[str]:
        value = self.q.value("projects/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent_project(self, path: str) -> None:
        recent = [p for p in self.recent_projects() if p != path]
        self.q.setValue("projects/recent", ([path] + recent)[:MAX_RECENT])
        self.q.setValue("projects/last", path)

    @property
    def last_project(self) -> str:
        return self._get("projects/last", "", str)

    def annotator_for(self, project_id: str) -> str:
        return self._get(f"annotator/{project_id}", "", str)

    def forget_annotator_for(self, project_id: str) -> None:
        """Forget the name older versions remembered here (it now lives in services.identity)."""
        self.q.remove(f"annotator/{project_id}")

    def last_position(self, project_id: str) -> tuple[str, int]:
        """The document and cursor offset the annotator was at in this project."""
        return (self._get(f"position/{project_id}/document", "", str),
                self._get(f"position/{project_id}/offset", 0, int))

    def set_last_position(self, project_id: str, document_id: str, offset: int,
                          view_top: tuple[int, int] | None = None) -> None:
        """Remember the document, the cursor offset and (when given) what the reader showed at its top."""
        self.q.setValue(f"position/{project_id}/document", document_id)
        self.q.setValue(f"position/{project_id}/offset", int(offset))
        if view_top is None:
            self.q.remove(f"position/{project_id}/view_top")
        else:
            self.q.setValue(f"position/{project_id}/view_top", f"{int(view_top[0])} {int(view_top[1])}")

    def last_view_top(self, project_id: str) -> tuple[int, int] | None:
        """The character at the top of the reader when the last position was remembered, and how many pixels
        of its line were scrolled out above (see ReaderView.view_top); None when not known."""
        value = self._get(f"position/{project_id}/view_top", "", str).split()
        return (int(value[0]), int(value[1])) if len(value) == 2 and all(v.lstrip("-").isdigit() for v in value) \
            else None
