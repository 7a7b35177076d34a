"""Frozen entry point on Linux: ONE program, two names.

``koperasi`` is the command-line tool; ``koperasi-app`` (a symlink to it, made by
``installer/build.py``) is the desktop app. One executable instead of two saves the second
copy of the embedded Python archive (~12 MB). Windows keeps two executables because a console
program and a windowed one must be different files there.
"""

import os
import sys


def wants_gui(argv0: str) -> bool:
    return os.path.basename(argv0).lower().startswith("koperasi-app")


if __name__ == "__main__":
    if wants_gui(sys.argv[0]):
        from koperasi.ui.app import main
    else:
        from koperasi.cli import main
    sys.exit(main())
