"""The detector worker process: reads (id, document, setup) requests on stdin, answers with messages
(id, rows, last, error) on stdout, until stdin closes. Started by annotator.services.detector_process."""

from __future__ import annotations

import sys
import traceback

from annotator.services.detector_process import detect_as_rows, receive, send

ROWS_PER_MESSAGE = 400


def serve() -> int:
    """Answer requests until the app closes the pipe."""
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # anything printed by mistake must not corrupt the answers
    while True:
        try:
            request, document, setup = receive(requests)
        except EOFError:
            return 0
        try:
            rows = detect_as_rows(document, setup)
        except Exception:  # noqa: BLE001 - reported to the app, which logs it
            send(answers, (request, [], True, traceback.format_exc()))
            continue
        # In slices: each is unpickled in one go by the app, holding its interpreter lock meanwhile.
        for first in range(0, max(len(rows), 1), ROWS_PER_MESSAGE):
            send(answers, (request, rows[first:first + ROWS_PER_MESSAGE], first + ROWS_PER_MESSAGE >= len(rows), ""))


if __name__ == "__main__":
    sys.exit(serve())
