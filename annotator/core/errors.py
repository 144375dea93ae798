"""Errors a user can cause, each with a message a researcher understands."""


class AnnotatorError(Exception):
    """Base class of every error the app reports to the user in plain words."""


class ProjectError(AnnotatorError):
    """The project file cannot be created, opened or changed as asked."""


class NotFound(ProjectError):
    """A document, span, label or other record asked for by id is not in the project."""

    def __init__(self, what: str, key: str):
        self.what = what
        self.key = key
        super().__init__(f"no {what} {key!r} in this project")


class NotPermitted(ProjectError):
    """The person named for this action may not do it (blind coding, lead-only actions)."""


class InvalidSpan(AnnotatorError, ValueError):
    """A span's offsets or text do not fit its document."""


class CodebookError(AnnotatorError, ValueError):
    """A codebook file or change is invalid; the message names the field and the problem."""


class ImportRefused(AnnotatorError):
    """A file cannot be imported; the message names the file and the reason."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")
