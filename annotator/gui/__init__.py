"""The desktop app: the only place that imports PySide6."""
