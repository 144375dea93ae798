"""Export writers: one module per format, each streaming from the project to a file."""
