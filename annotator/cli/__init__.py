"""The command line: click commands, each a thin call into store, io, suggest or agreement."""
