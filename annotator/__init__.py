"""Framing Annotator: annotate how news frames events, from a desktop app or the command line."""

__version__ = "0.1.0"
