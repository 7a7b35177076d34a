"""The audit checks' shared parts: batch size, the problem collector."""

from __future__ import annotations

from ..db import blocks
from .check import Problem

BATCH = 20_000
MAX_PROBLEMS = 50  # per check; a wholesale rewrite need not print a million lines


class Collector:
    def __init__(self, check: str) -> None:
        self.check = check
        self.problems: list[Problem] = []
        self.more = 0

    def add(self, message_id: str, message_en: str, ref: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(self.check, message_id, message_en, ref))
        else:
            self.more += 1

    def count(self) -> int:
        return len(self.problems) + self.more

    def result(self) -> list[Problem]:
        if self.more:
            self.problems.append(
                Problem(
                    self.check,
                    f"... dan {self.more} masalah lain",
                    f"... and {self.more} more problems",
                )
            )
        return self.problems


iso = blocks.iso_text  # a date/datetime as the driver returns it, as the seals hash it
