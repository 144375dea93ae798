"""One reader per file format; each turns a file's bytes into ImportedDocuments."""
