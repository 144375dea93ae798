"""Sequences the command line and the desktop app both run (suggestions, agreement, import, export),
written once here, between the faces (cli, gui) and the parts (store, io, suggest, agreement)."""
