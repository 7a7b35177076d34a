"""Frozen entry point of the desktop app (``koperasi-app``)."""

import sys

from koperasi.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
