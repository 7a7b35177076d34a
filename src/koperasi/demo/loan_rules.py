"""Demo data of issue 17: the collateral behind the demo's secured loans (held for the
running ones, handed back with a letter for the paid-off ones), guarantors on a few loans
and one related party. Nothing here posts money, and a loan's recognised collateral value
stays what the demo gave it (the items add up to it), so the books are the same."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from ..db.database import Database
from ..db.models import Loan, Member, MemberRelation, RatOfficer
from ..domain.vocabulary import LoanStatus, MemberStatus
from ..services.auth import Actor
from ..services.loans.collateral import CollateralInput, add_guarantor_in, add_in, return_in
from ..services.uow import unit_of_work

_ITEMS = (
    ("bpkb", "BPKB sepeda motor Honda Beat {y}", "BPKB-{n:07d}"),
    ("bpkb", "BPKB sepeda motor Yamaha Mio {y}", "BPKB-{n:07d}"),
    ("sertifikat", "Sertifikat hak milik tanah dan rumah", "SHM-{n:05d}"),
    ("emas", "Perhiasan emas 24 karat", ""),
)


def add_loan_rules_demo(db: Database, rng: random.Random, as_of: dt.date, actor: Actor) -> None:
    with unit_of_work(db) as s:
        secured = list(
            s.scalars(
                select(Loan)
                .where(
                    Loan.collateral > 0, Loan.status.in_((LoanStatus.ACTIVE, LoanStatus.PAID_OFF))
                )
                .order_by(Loan.id)
            )
        )
        for loan in secured:
            kind, text, doc = rng.choice(_ITEMS)
            owner = s.get(Member, loan.member_id)
            assert owner is not None
            item = CollateralInput(
                kind,
                text.format(y=rng.randint(2015, 2023)),
                loan.collateral,
                doc.format(n=rng.randint(1, 9_999_999)) if doc else "",
                owner.name,
                "dokumen asli" if doc else "disimpan di brankas koperasi",
            )
            add_in(s, actor, loan, item, loan.applied_on, historic=True)
            if loan.status == LoanStatus.PAID_OFF and loan.closed_on is not None:
                day = min(as_of, loan.closed_on + dt.timedelta(days=rng.randint(0, 3)))
                return_in(s, actor, loan, day, owner.name, "diambil sendiri oleh anggota")
        active = list(
            s.scalars(select(Loan).where(Loan.status == LoanStatus.ACTIVE).order_by(Loan.id))
        )
        candidates = list(
            s.scalars(
                select(Member).where(Member.status == MemberStatus.ACTIVE).order_by(Member.id)
            )
        )
        borrowers = {loan.member_id for loan in active}
        for loan in active[:: max(1, len(active) // 5)][:5]:
            same = [
                m
                for m in candidates
                if m.id != loan.member_id and m.group_id == s.get(Member, loan.member_id).group_id  # type: ignore[union-attr]
            ] or [m for m in candidates if m.id != loan.member_id]
            if same:
                g = rng.choice(same)
                add_guarantor_in(s, actor, loan, g.number, rng.choice(("saudara", "tetangga")))
        related = next((m for m in candidates if m.id in borrowers), None)
        if related is not None and s.get(MemberRelation, related.id) is None:
            officer = s.scalars(
                select(RatOfficer).where(RatOfficer.body == "pengurus").order_by(RatOfficer.id)
            ).first()
            s.add(
                MemberRelation(
                    member_id=related.id,
                    kind="keluarga",
                    officer_id=officer.id if officer else None,
                    note="keluarga pengurus",
                    created_by=actor.username,
                )
            )
