"""The quorum of a members' meeting, as the statutes (AD/ART) set it.

A rule is a comparison and a fraction of the members entitled to attend: the default
``QuorumRule(">", 1, 2)`` reads "more than half" (lebih dari setengah jumlah anggota), the
common rule of statutes under UU 25/1992; ``QuorumRule(">=", 2, 3)`` reads "at least two
thirds". Integer arithmetic only.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ValidationError


@dataclass(frozen=True)
class QuorumRule:
    comparison: str = ">"  # ">" more than, ">=" at least
    numerator: int = 1
    denominator: int = 2

    def __post_init__(self) -> None:
        if self.comparison not in (">", ">="):
            raise ValidationError("quorum_rule", "choice", choices="> , >=", value=self.comparison)
        if not (0 < self.numerator <= self.denominator):
            raise ValidationError("quorum_rule", "invalid")

    def label(self) -> tuple[str, str]:
        frac = {(1, 2): ("setengah", "half"), (2, 3): ("dua pertiga", "two thirds")}.get(
            (self.numerator, self.denominator),
            (f"{self.numerator}/{self.denominator}", f"{self.numerator}/{self.denominator}"),
        )
        if self.comparison == ">":
            return f"lebih dari {frac[0]} jumlah anggota", f"more than {frac[1]} of the members"
        return f"paling sedikit {frac[0]} jumlah anggota", f"at least {frac[1]} of the members"


def needed(rule: QuorumRule, entitled: int) -> int:
    """The fewest members present that make the quorum."""
    product = entitled * rule.numerator
    if rule.comparison == ">":
        return product // rule.denominator + 1
    return -(-product // rule.denominator)


def met(rule: QuorumRule, entitled: int, present: int) -> bool:
    return entitled > 0 and present >= needed(rule, entitled)
