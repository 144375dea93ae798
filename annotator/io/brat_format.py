"""What brat's reader and our brat writer agree on: line breaks, comment types, attribute notes."""

from __future__ import annotations

# Characters after which a reader that splits lines (as brat and str.splitlines do) starts a new line.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
NOTE_TYPE = "AnnotatorNotes"
# A comment giving a span's exact extent when it starts or ends with a line break (which no
# fragment can hold); brat shows it as a comment, our import restores the span from it.
EXTENT_TYPE = "Extent"
