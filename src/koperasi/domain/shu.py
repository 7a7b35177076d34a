"""SHU (sisa hasil usaha) split and per-member distribution (UU 25/1992 Pasal 45; DESIGN §9).

``SHU_a = Y x Ta / Tk + X x Sa / Sk`` where Y and X are the patronage (jasa anggota) and
capital (jasa modal) pots, Ta the interest the member paid on loans in the year and Tk the
total, Sa the member's pokok + wajib at year end and Sk the total. Each share is rounded DOWN
to the rupiah; what the rounding leaves stays in the reserve.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..errors import ValidationError
from .money import round_down

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
