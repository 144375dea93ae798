"""Errors a user can cause, each with a message a researcher understands."""


class AnnotatorError(Exception):
    """Base class of every error the app reports to the user in plain words."""


class ProjectError(AnnotatorError):
    """The project file cannot be created, opened or changed as asked."""


class UnstorableText(ProjectError):
    """A document's text may not be stored (a control character, a lone surrogate...); `index` is the
    document's place in the list given to the store, `problem` the reason as a phrase."""

    def __init__(self, index: int, title: str, problem: str):
        self.index = index
        self.problem = problem
        super().__init__(f"document {title!r}: its text {problem}")


class MergeNeedsConsent(ProjectError):
    """A merge refused until the person merging allows it; `option` names the merge argument that does
    (max_new_labels, whole_copy) and `needed` the value it needs (each face says how to give it)."""

    def __init__(self, message: str, option: str, needed: int = 0):
        super().__init__(message)
        self.option = option
        self.needed = needed


class StorageFailure(ProjectError):
    """The project file could not take a write (or refuses every write): `kind` is "in use", "read-only",
    "full" or "damaged"; `path` is the project file (a damaged one may be restored from its backups).

    The message states the problem only; each face (command line, app) adds its own advice from `kind`."""

    def __init__(self, kind: str, message: str, path: str = ""):
        self.kind = kind
        self.path = path
        super().__init__(message)


class DamagedProject(ProjectError):
    """The project file is too damaged to open at all (its schema or its project tables cannot be read):
    `damage` says what was found; a backup of `path` may bring the work back (each face says how)."""

    def __init__(self, path: str, damage: str, message: str):
        self.path = path
        self.damage = damage
        super().__init__(message)


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


class DuplicateSpan(InvalidSpan):
    """The annotator already has a live span with the same label on exactly the same text."""


class CodebookError(AnnotatorError, ValueError):
    """A codebook file or change is invalid; the message names the field and the problem."""


class ImportRefused(AnnotatorError):
    """A file cannot be imported; the message names the file and the reason. `limit_option`, when set, names
    the import limit the file is over ("max_article_size", "max_new_labels"): each face says how to get past it."""

    def __init__(self, source: str, reason: str, limit_option: str = ""):
        self.source = source
        self.reason = reason
        self.limit_option = limit_option
        super().__init__(f"{source}: {reason}")
