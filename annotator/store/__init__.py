"""The project file: the only place SQL lives."""

from annotator.store.project import Project

__all__ = ["Project"]
