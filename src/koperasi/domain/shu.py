"""SHU (sisa hasil usaha) split and per-member distribution (UU 25/1992 Pasal 45; DESIGN §9).

``SHU_a = Y x Ta / Tk + X x Sa / Sk`` where Y and X are the patronage (jasa anggota) and
capital (jasa modal) pots, Ta the interest the member paid on loans in the year and Tk the
total, Sa the member's pokok + wajib at year end and Sk the total. Each share is rounded DOWN
to the rupiah; what the rounding leaves stays in the reserve.

Member and non-member business (UU 25/1992 Pasal 45 and its elucidation; SAK EP,
Permenkop 2/2024): every income and expense account is business with members, with
non-members, or (expenses only) a cost shared by both. :func:`split_business` puts the
shared costs on the two sides **pro rata by gross income** (member income over all
income, rounded half-up to the rupiah, the rest to non-members; when there is no positive
income on either side, all of it to members). Only the members' SHU is split into the pots
and shared by patronage (:func:`shares_of`); the non-members' SHU goes whole to where the
statutes say (the reserve by default). When the two parts differ in sign the members never
get more than the whole year's SHU: a non-member loss is borne by the members' part and a
members' loss is covered first from the non-member surplus.

A loss year (SHU below zero) is not split; :data:`LOSS_COVERAGE` names the proposals the
RAT report makes for it (covered from the reserve, or carried forward).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..errors import ValidationError
from .money import RoundingMode, round_down, round_money

DEFAULT_SPLIT: dict[str, Decimal] = {
    "cadangan": Decimal(40),
    "jasa_anggota": Decimal(25),
    "jasa_modal": Decimal(20),
    "dana_pengurus": Decimal(5),
    "dana_karyawan": Decimal(5),
    "dana_pendidikan": Decimal("2.5"),
    "dana_sosial": Decimal("2.5"),
}
SPLIT_LABELS = {
    "cadangan": ("Cadangan", "Reserve"),
    "jasa_anggota": ("Jasa anggota", "Patronage refund"),
    "jasa_modal": ("Jasa modal", "Return on capital"),
    "dana_pengurus": ("Dana pengurus", "Board fund"),
    "dana_karyawan": ("Dana karyawan", "Staff fund"),
    "dana_pendidikan": ("Dana pendidikan", "Education fund"),
    "dana_sosial": ("Dana sosial", "Social fund"),
}


MEMBER, NON_MEMBER, SHARED = "member", "non_member", "shared"
SIDE_LABELS = {
    MEMBER: ("Usaha dengan anggota", "Business with members"),
    NON_MEMBER: ("Usaha dengan non-anggota", "Business with non-members"),
    SHARED: (
        "Beban bersama (dialokasikan menurut pendapatan)",
        "Shared cost (allocated by income)",
    ),
}
# where the non-members' SHU goes: a pot key of POT_ACCOUNTS in services/shu.py
NON_MEMBER_DESTINATIONS = ("cadangan", "cadangan_risiko", "dana_pendidikan", "dana_sosial")
NON_MEMBER_LABELS = {
    "cadangan": ("Cadangan umum", "General reserve"),
    "cadangan_risiko": ("Cadangan risiko", "Risk reserve"),
    "dana_pendidikan": ("Dana pendidikan", "Education fund"),
    "dana_sosial": ("Dana sosial", "Social fund"),
}
LOSS_COVERAGE = ("cadangan", "carry_forward")
LOSS_COVERAGE_LABELS = {
    "cadangan": (
        "ditutup dari cadangan umum (akun 3.20)",
        "covered from the general reserve (account 3.20)",
    ),
    "carry_forward": (
        "dibawa ke tahun berikutnya sebagai rugi tahun lalu (akun 3.91)",
        "carried forward as a prior years' loss (account 3.91)",
    ),
}


@dataclass(frozen=True)
class BusinessSplit:
    """A period's result on each side of the business (all integers, rupiah)."""

    member_income: int
    non_member_income: int
    member_expenses: int  # the member side's own costs plus its share of the shared ones
    non_member_expenses: int
    shared_expenses: int  # before allocation (already included in the two above)
    shared_to_members: int

    @property
    def member_surplus(self) -> int:
        return self.member_income - self.member_expenses

    @property
    def non_member_surplus(self) -> int:
        return self.non_member_income - self.non_member_expenses

    @property
    def surplus(self) -> int:
        return self.member_surplus + self.non_member_surplus

    @property
    def distributable(self) -> int:
        """What may be split into the pots and shared by patronage: the members' SHU, never
        more than the whole year's, never below zero."""
        return max(min(self.member_surplus, self.surplus), 0)

    @property
    def to_non_member_destination(self) -> int:
        """The rest of a positive year's SHU (the non-members' part, net of any members'
        loss it covers); 0 in a loss year."""
        return max(self.surplus, 0) - self.distributable


def split_business(
    member_income: int,
    non_member_income: int,
    member_expenses: int,
    non_member_expenses: int,
    shared_expenses: int,
) -> BusinessSplit:
    """Allocate the shared costs pro rata by gross income (half-up to the rupiah)."""
    wm, wn = max(member_income, 0), max(non_member_income, 0)
    if wm + wn == 0:
        to_members = shared_expenses
    else:
        to_members = round_money(Decimal(shared_expenses) * wm / (wm + wn), RoundingMode.HALF_UP)
    return BusinessSplit(
        member_income,
        non_member_income,
        member_expenses + to_members,
        non_member_expenses + shared_expenses - to_members,
        shared_expenses,
        to_members,
    )


def validate_split(split: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Percentages must be non-negative, include the two member pots, and total exactly 100."""
    clean = {k: Decimal(v) for k, v in split.items()}
    if any(v < 0 for v in clean.values()):
        raise ValidationError("shu_split", "must_not_be_negative")
    for key in ("cadangan", "jasa_anggota", "jasa_modal"):
        if key not in clean:
            raise ValidationError("shu_split", "required")
    total = sum(clean.values(), Decimal(0))
    if total != 100:
        raise ValidationError("shu_split", "split_not_100", total=str(total))
    return clean


@dataclass(frozen=True)
class ShuSplit:
    surplus: int
    pots: dict[str, int]  # rounded down; the rounding remainder is added to "cadangan"


def split_surplus(surplus: int, split: Mapping[str, Decimal] | None = None) -> ShuSplit:
    """Split the year's SHU into its pots (percentages from ``split``, default DESIGN §9).

    Each pot is rounded down; the rounding remainder goes to the reserve ("cadangan"), so
    the pots always add up to ``surplus``. A surplus of 0 or less (a loss) is not split.
    """
    clean = validate_split(split or DEFAULT_SPLIT)
    if surplus <= 0:
        return ShuSplit(surplus, dict.fromkeys(clean, 0))
    pots = {k: round_down(Decimal(surplus) * v / 100) for k, v in clean.items()}
    pots["cadangan"] += surplus - sum(pots.values())
    return ShuSplit(surplus, pots)


@dataclass(frozen=True)
class MemberShare:
    member_id: int
    interest_paid: int  # Ta
    capital: int  # Sa
    jasa_anggota: int
    jasa_modal: int

    @property
    def total(self) -> int:
        return self.jasa_anggota + self.jasa_modal


@dataclass(frozen=True)
class Distribution:
    patronage_pot: int
    capital_pot: int
    shares: tuple[MemberShare, ...]

    @property
    def distributed(self) -> int:
        return sum(s.total for s in self.shares)

    @property
    def remainder(self) -> int:
        """What the rounding down leaves in the two pots; it goes to the reserve."""
        return self.patronage_pot + self.capital_pot - self.distributed


def distribute(
    patronage_pot: int, capital_pot: int, members: Sequence[tuple[int, int, int]]
) -> Distribution:
    """Each member's share: ``SHU_a = Y x Ta / Tk + X x Sa / Sk``, each part rounded down.

    ``patronage_pot`` Y (jasa anggota) and ``capital_pot`` X (jasa modal) in rupiah;
    ``members``: (member_id, interest paid on loans in the year Ta, pokok + wajib at year
    end Sa). When Tk (or Sk) is 0 nobody gets that part and the whole pot is remainder.
    What rounding leaves (:attr:`Distribution.remainder`) stays in the reserve (cadangan).
    """
    for name, pot in (("jasa_anggota", patronage_pot), ("jasa_modal", capital_pot)):
        if isinstance(pot, bool) or not isinstance(pot, int) or pot < 0:
            raise ValidationError(name, "must_not_be_negative")
    for mid, ta, sa in members:
        if ta < 0 or sa < 0:
            raise ValueError(f"member {mid}: interest paid and capital must be >= 0")
    tk = sum(ta for _, ta, _ in members)
    sk = sum(sa for _, _, sa in members)
    shares = []
    for mid, ta, sa in members:
        y = round_down(Decimal(patronage_pot) * ta / tk) if tk > 0 else 0
        x = round_down(Decimal(capital_pot) * sa / sk) if sk > 0 else 0
        shares.append(MemberShare(mid, ta, sa, y, x))
    return Distribution(patronage_pot, capital_pot, tuple(shares))
