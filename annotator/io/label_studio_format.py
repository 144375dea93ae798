"""What Label Studio files and our Label Studio export agree on beyond Label Studio's own keys."""

# Label Studio cannot name the authors of imported annotations: our export lists them, in the order
# of the task's annotations, under this key of the task's data, and our import reads them back.
OUR_ANNOTATORS = "framing_annotators"
