"""Start Framing Annotator: `python main.py [PROJECT] [--screenshot FILE.png]`."""

import sys

from annotator.gui.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
