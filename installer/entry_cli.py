"""Frozen entry point of the command-line tool (``koperasi``)."""

import sys

from koperasi.cli import main

if __name__ == "__main__":
    sys.exit(main())
