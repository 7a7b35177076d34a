"""Fixed assets: the koperasi check's register check."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import FixedAsset
from .fixed_assets import ACCUMULATED, ASSET, asset_group_accounts, booked_depreciation

if TYPE_CHECKING:
    from .check import Problem


def check_register(session: Session) -> list[Problem]:
    """Once the register is used, the asset and accumulated-depreciation accounts equal it:
    the cost of the assets held, and what they have accumulated (``koperasi check``)."""
    from .check import Problem, ledger_balance_by_code

    assets = session.scalars(
        select(FixedAsset).where(
            FixedAsset.disposed_on.is_(None), FixedAsset.cancelled_on.is_(None)
        )
    ).all()
    if not session.scalar(select(func.count(FixedAsset.id))):
        return []
    booked = booked_depreciation(session, [a.id for a in assets])
    want: dict[str, int] = defaultdict(int)
    for code in (ASSET, ACCUMULATED):
        want[code] = 0
    for a in assets:
        asset_acct, acc_acct, _ = asset_group_accounts(session, a.group_code)
        want[asset_acct] += a.cost
        want[acc_acct] -= a.opening_accumulated + booked.get(a.id, 0)
    # debit-minus-credit, as ``want`` (the ledger helper gives credit-minus-debit)
    have = {c: -v for c, v in ledger_balance_by_code(session, set(want)).items()}
    problems = []
    for code, amount in sorted(want.items()):
        if have.get(code, 0) != amount:
            from ..domain.money import format_rupiah as rp

            problems.append(
                Problem(
                    "fixed_assets",
                    f"Akun {code} ({rp(have.get(code, 0))}) tidak sama dengan daftar aset tetap "
                    f"({rp(amount)}).",
                    f"Account {code} ({rp(have.get(code, 0))}) differs from the fixed-asset "
                    f"register ({rp(amount)}).",
                    code,
                )
            )
    return problems


CHECKS = [("fixed_assets", check_register)]
