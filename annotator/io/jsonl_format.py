"""What our JSONL export and its import agree on: the header of the first line and its version.

The first line of our JSONL export carries, besides its document, a "framing_annotator" object with
the format's name and version, the codebook used and the team, so that importing the file into a
new project gives back the same codebook, people and annotations. doccano and other readers see it
as one more field of the first record."""

HEADER_KEY = "framing_annotator"
FORMAT_NAME = "framing-annotator-jsonl"
FORMAT_VERSION = 2
