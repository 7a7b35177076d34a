"""Progress reporting for long work, without Qt: a plain callback that may cancel.

A callback receives ``(done, total, message)`` and returns ``False`` to ask for
cancellation (anything else continues). Services call :func:`report`, which raises
:class:`Cancelled`; the unit of work then rolls back, so nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[int, int, str], bool | None]


class Cancelled(Exception):
    """The user cancelled the work; everything in the current unit of work was rolled back."""


def report(callback: ProgressCallback | None, done: int, total: int, message: str = "") -> None:
    if callback is not None and callback(done, total, message) is False:
        raise Cancelled()
