"""Standing instructions (instruksi tetap): a member's monthly simpanan wajib and loan
installments debited from their sukarela savings.

A run for a date X (the treasurer's "jalankan sekarang", or the month-end run for the
month's last day) looks at every active instruction that has started by X:

- ``wajib``: when the member still owes wajib on X (services.savings.wajib_arrears_in) and
  this instruction has not yet posted the month of X, the month's amount (the instruction's
  own, else the wajib product's fixed amount, at most what is owed) moves from sukarela to
  wajib: Dr 2.10 Simpanan Sukarela / Cr 3.11 Simpanan Wajib, receipt in the SMP series
  (a Nota Pemindahbukuan), savings rows ``instruksi`` (sukarela) and ``setor`` (wajib).
- ``angsuran``: for each active loan of the member (or the instruction's loan only), what
  is due on X (arrears, penalties and installments due by X) is paid from sukarela through
  services.loan_repayments (source sukarela, receipt in the PJM series); nothing is due,
  nothing happens.

Each posting is written with its run row in one transaction (a savepoint inside the
month-end run). When the sukarela balance available on X (above the product's minimum) is
short, nothing is posted: a ``skipped`` row records the reason with the amount and what was
available; a member who has left, a loan no longer active or a refused posting is skipped
the same way. Wajib is taken before installments for the same member. A wajib month once
posted is never posted again; installments are idempotent by nature (paid, nothing is due).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Loan,
    Member,
    SavingsAccount,
    StandingInstruction,
    StandingInstructionRun,
)
from ..domain.money import format_rupiah
from ..domain.vocabulary import EntrySource, PaymentSource
from ..errors import KoperasiError, NotFound, ValidationError
from ..messages.text import pick
from . import audit, ledger, ledger_periods, savings, savings_arrears
from .auth import Actor, require, require_read_all
from .counters import SERIES_SAVINGS, next_receipt
from .ledger import Line
from .members import member_by_number
from .progress import ProgressCallback, report
from .transaction_state import restore, snapshot
from .uow import read_only, unit_of_work

KINDS = ("wajib", "angsuran")
KIND_LABELS = {
    "wajib": ("Simpanan wajib dari sukarela", "Mandatory savings from voluntary savings"),
    "angsuran": ("Angsuran pinjaman dari sukarela", "Loan installments from voluntary savings"),
}
REASONS = {
    "short_balance": ("Saldo sukarela kurang", "Voluntary savings balance too low"),
    "member_not_active": ("Anggota tidak aktif", "Member not active"),
    "loan_not_active": ("Pinjaman tidak aktif", "Loan not active"),
    "refused": ("Ditolak", "Refused"),
}
STATUS_LABELS = {
    "posted": ("Dibukukan", "Posted"),
    "skipped": ("Dilewati", "Skipped"),
}
SAVINGS_KIND = "instruksi"  # the sukarela row of a wajib instruction


@dataclass(frozen=True)
class InstructionView:
    id: int
    member_number: str
    member_name: str
    kind: str
    loan_number: str  # "" = every active loan of the member
    amount: int  # 0 = the wajib product's fixed amount
    start_on: dt.date
    active: bool
    note: str


@dataclass(frozen=True)
class RunItem:
    id: int
    run_date: dt.date
    instruction_id: int
    member_number: str
    member_name: str
    kind: str
    due_ref: str
    status: str  # posted | skipped
    reason: str  # a REASONS code when skipped
    detail: str
    amount: int
    available: int
    receipt_no: str | None
    journal_entry_id: int | None
    trigger: str


@dataclass(frozen=True)
class RunResult:
    run_date: dt.date
    items: tuple[RunItem, ...]

    @property
    def posted(self) -> tuple[RunItem, ...]:
        return tuple(i for i in self.items if i.status == "posted")

    @property
    def skipped(self) -> tuple[RunItem, ...]:
        return tuple(i for i in self.items if i.status == "skipped")

    @property
    def posted_total(self) -> int:
        return sum(i.amount for i in self.posted)


@dataclass(frozen=True)
class RunReport:
    date_from: dt.date
    date_to: dt.date
    items: tuple[RunItem, ...]

    @property
    def posted_total(self) -> int:
        return sum(i.amount for i in self.items if i.status == "posted")

    @property
    def skipped_total(self) -> int:
        return sum(i.amount for i in self.items if i.status == "skipped")


def reason_label(code: str, lang: str = "id") -> str:
    pair = REASONS.get(code)
    return pick(pair, lang) if pair else code


# ---------------------------------------------------------------- instructions


def _view(s: Session, ins: StandingInstruction) -> InstructionView:
    member = s.get(Member, ins.member_id)
    assert member is not None
    loan = s.get(Loan, ins.loan_id) if ins.loan_id else None
    return InstructionView(
        ins.id,
        member.number,
        member.name,
        ins.kind,
        loan.number if loan else "",
        ins.amount,
        ins.start_on,
        ins.active,
        ins.note,
    )


def add_instruction(
    db: Database,
    actor: Actor,
    member_no: str,
    kind: str,
    *,
    loan_no: str = "",
    amount: int = 0,
    start_on: dt.date,
    note: str = "",
) -> InstructionView:
    """Record a member's standing instruction (wajib, or angsuran of one loan or of all)."""
    require(actor, "standing.write")
    kind = (kind or "").strip().lower()
    if kind not in KINDS:
        raise ValidationError("instruction_kind", "choice", choices=", ".join(KINDS), value=kind)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError("amount", "not_an_amount", value=amount)
    if kind == "angsuran" and amount:
        raise ValidationError("amount", "si_amount_for_wajib")
    with unit_of_work(db) as s:
        member = member_by_number(s, member_no, lock=True)
        if member.status in ("keluar", "meninggal"):
            raise ValidationError(
                "member", "member_not_active", member=member.number, status=member.status
            )
        loan_id = None
        if (loan_no or "").strip():
            if kind != "angsuran":
                raise ValidationError("loan", "si_loan_for_angsuran")
            from .loans.core import loan_by_number

            loan = loan_by_number(s, loan_no)
            if loan.member_id != member.id:
                raise ValidationError("loan", "si_loan_not_members", member=member.number)
            loan_id = loan.id
        same = s.scalars(
            select(StandingInstruction).where(
                StandingInstruction.member_id == member.id,
                StandingInstruction.kind == kind,
                StandingInstruction.active.is_(True),
            )
        ).all()
        for other in same:
            if kind == "wajib" or other.loan_id is None or other.loan_id == loan_id or not loan_id:
                raise ValidationError(
                    "instruction_kind", "si_duplicate", member=member.number, id=other.id
                )
        ins = StandingInstruction(
            member_id=member.id,
            kind=kind,
            loan_id=loan_id,
            amount=amount,
            start_on=start_on,
            note=(note or "").strip(),
            created_by=actor.username,
        )
        s.add(ins)
        s.flush()
        view = _view(s, ins)
        audit.record(s, actor, "standing.add", "standing_instruction", ins.id, after=view)
        return view


def stop_instruction(db: Database, actor: Actor, instruction_id: int) -> InstructionView:
    """End an instruction (it stays in the register with its runs)."""
    require(actor, "standing.write")
    with unit_of_work(db) as s:
        ins = s.get(StandingInstruction, instruction_id, with_for_update=True)
        if ins is None:
            raise NotFound(what="Instruksi tetap", key=instruction_id)
        ins.active = False
        s.flush()
        view = _view(s, ins)
        audit.record(s, actor, "standing.stop", "standing_instruction", ins.id, after=view)
        return view


def list_instructions(
    db: Database,
    actor: Actor | None = None,
    member_no: str = "",
    include_stopped: bool = True,
) -> list[InstructionView]:
    require_read_all(actor, "Instruksi tetap")
    with read_only(db) as s:
        q = select(StandingInstruction).join(Member, Member.id == StandingInstruction.member_id)
        if member_no.strip():
            q = q.where(Member.number == member_no.strip())
        if not include_stopped:
            q = q.where(StandingInstruction.active.is_(True))
        q = q.order_by(Member.number, StandingInstruction.kind, StandingInstruction.id)
        return [_view(s, ins) for ins in s.scalars(q)]


# ---------------------------------------------------------------- the run


def _sukarela_available(s: Session, member: Member, date: dt.date) -> tuple[SavingsAccount, int]:
    product = savings.product_of_kind(s, "sukarela")
    acct = savings.account_for(s, member, product, open_on=date)
    available = min(acct.balance, savings.balance_at(s, acct.id, date)) - product.min_balance
    return acct, max(0, available)


def _row(
    s: Session,
    actor: Actor,
    ins: StandingInstruction,
    date: dt.date,
    due_ref: str,
    status: str,
    amount: int,
    trigger: str,
    *,
    reason: str = "",
    detail: str = "",
    available: int = 0,
    receipt: str | None = None,
    entry_id: int | None = None,
) -> StandingInstructionRun:
    run = StandingInstructionRun(
        instruction_id=ins.id,
        run_date=date,
        due_ref=due_ref,
        status=status,
        reason=reason,
        detail=detail,
        amount=amount,
        available=available,
        receipt_no=receipt,
        journal_entry_id=entry_id,
        trigger=trigger,
        created_by=actor.username,
    )
    s.add(run)
    s.flush()
    return run


def _wajib(
    s: Session, actor: Actor, ins: StandingInstruction, member: Member, date: dt.date, trigger: str
) -> StandingInstructionRun | None:
    ref = f"wajib-{date.year}-{date.month:02d}"
    done = s.scalar(
        select(StandingInstructionRun.id).where(
            StandingInstructionRun.instruction_id == ins.id,
            StandingInstructionRun.due_ref == ref,
            StandingInstructionRun.status == "posted",
        )
    )
    if done:
        return None
    owed = savings_arrears.wajib_arrears_in(s, member, date).arrears
    if owed <= 0:
        return None
    wajib = savings.product_of_kind(s, "wajib")
    amount = min(ins.amount or wajib.fixed_amount, owed)
    if amount <= 0:
        return None
    if member.status in ("keluar", "meninggal"):
        return _row(
            s, actor, ins, date, ref, "skipped", amount, trigger, reason="member_not_active"
        )
    acct, available = _sukarela_available(s, member, date)
    if available < amount:
        return _row(
            s, actor, ins, date, ref, "skipped", amount, trigger,
            reason="short_balance", available=available,
        )  # fmt: skip
    sukarela = savings.product_of_kind(s, "sukarela")
    receipt = next_receipt(s, SERIES_SAVINGS, date.year)
    memo = f"Instruksi tetap: simpanan wajib {date.month:02d}/{date.year}"
    entry = ledger.post(
        s,
        actor,
        date,
        f"{memo} {member.number} {member.name}",
        [
            Line(sukarela.account_code, debit=amount, member_id=member.id),
            Line(wajib.account_code, credit=amount, member_id=member.id),
        ],
        source=EntrySource.SAVINGS,
        source_ref=acct.number,
        receipt_no=receipt,
    )
    savings.record_in(s, actor, acct, -amount, date, SAVINGS_KIND, entry.id, receipt, memo)
    wacct = savings.account_for(s, member, wajib, open_on=date)
    savings.record_in(s, actor, wacct, amount, date, "setor", entry.id, receipt, memo)
    return _row(
        s, actor, ins, date, ref, "posted", amount, trigger,
        available=available, receipt=receipt, entry_id=entry.id,
    )  # fmt: skip


def _angsuran(
    s: Session,
    actor: Actor,
    ins: StandingInstruction,
    member: Member,
    loan_id: int,
    date: dt.date,
    trigger: str,
) -> StandingInstructionRun | None:
    from .loans import repayments as loan_repayments
    from .loans.core import ACTIVE

    loan = s.get(Loan, loan_id, with_for_update=True)
    assert loan is not None
    if loan.status != ACTIVE:
        if ins.loan_id == loan.id and ins.active:
            return _row(s, actor, ins, date, loan.number, "skipped", 0, trigger,
                        reason="loan_not_active")  # fmt: skip
        return None
    if loan.disbursed_on is None or date < loan.disbursed_on:
        return None
    _states, dues = loan_repayments.dues_on(s, loan, date)
    amount = sum(d.total for d in dues if d.due_date <= date)
    if amount <= 0:
        return None
    if member.status in ("keluar", "meninggal"):
        return _row(s, actor, ins, date, loan.number, "skipped", amount, trigger,
                    reason="member_not_active")  # fmt: skip
    _acct, available = _sukarela_available(s, member, date)
    if available < amount:
        return _row(
            s, actor, ins, date, loan.number, "skipped", amount, trigger,
            reason="short_balance", available=available,
        )  # fmt: skip
    tx = loan_repayments.repay_in(
        s, actor, loan, None, date, source=PaymentSource.VOLUNTARY, memo="Instruksi tetap"
    )
    if tx is None:
        return None
    return _row(
        s, actor, ins, date, loan.number, "posted", tx.amount, trigger,
        available=available, receipt=tx.receipt_no, entry_id=tx.journal_entry_id,
    )  # fmt: skip


def _work(s: Session, date: dt.date) -> list[tuple[int, int | None]]:
    """(instruction id, loan id or None) in the order the run takes them: by member, wajib
    before installments, loans in their order."""
    from .loans.core import ACTIVE

    out: list[tuple[int, int | None]] = []
    rows = s.execute(
        select(StandingInstruction, Member.number)
        .join(Member, Member.id == StandingInstruction.member_id)
        .where(StandingInstruction.active.is_(True), StandingInstruction.start_on <= date)
        .order_by(Member.number, StandingInstruction.kind.desc(), StandingInstruction.id)
    ).all()  # kind desc: "wajib" before "angsuran"
    for ins, _no in rows:
        if ins.kind == "wajib":
            out.append((ins.id, None))
        elif ins.loan_id:
            out.append((ins.id, ins.loan_id))
        else:
            for (loan_id,) in s.execute(
                select(Loan.id)
                .where(Loan.member_id == ins.member_id, Loan.status == ACTIVE)
                .order_by(Loan.disbursed_on, Loan.id)
            ):
                out.append((ins.id, loan_id))
    return out


def _one(
    s: Session, actor: Actor, ins_id: int, loan_id: int | None, date: dt.date, trigger: str
) -> StandingInstructionRun | None:
    """One posting (or its skip row) in the caller's transaction; a posting the services
    refuse is rolled back to its savepoint and recorded as skipped with the reason."""
    ins = s.get(StandingInstruction, ins_id, with_for_update=True)
    if ins is None or not ins.active:
        return None
    member = s.get(Member, ins.member_id, with_for_update=True)
    assert member is not None
    saved = snapshot(s)
    try:
        with s.begin_nested():
            if ins.kind == "wajib":
                return _wajib(s, actor, ins, member, date, trigger)
            assert loan_id is not None
            return _angsuran(s, actor, ins, member, loan_id, date, trigger)
    except KoperasiError as exc:
        restore(s, saved)
        ref = f"wajib-{date.year}-{date.month:02d}" if loan_id is None else ""
        if loan_id is not None:
            loan = s.get(Loan, loan_id)
            ref = loan.number if loan else str(loan_id)
        return _row(s, actor, ins, date, ref, "skipped", 0, trigger,
                    reason="refused", detail=exc.message("id"))  # fmt: skip


def _item(s: Session, run: StandingInstructionRun) -> RunItem:
    ins = s.get(StandingInstruction, run.instruction_id)
    assert ins is not None
    member = s.get(Member, ins.member_id)
    assert member is not None
    return RunItem(
        run.id,
        run.run_date,
        ins.id,
        member.number,
        member.name,
        ins.kind,
        run.due_ref,
        run.status,
        run.reason,
        run.detail,
        run.amount,
        run.available,
        run.receipt_no,
        run.journal_entry_id,
        run.trigger,
    )


def _audit_item(s: Session, actor: Actor, run: StandingInstructionRun) -> RunItem:
    item = _item(s, run)
    action = "standing.posted" if run.status == "posted" else "standing.skipped"
    audit.record(s, actor, action, "standing_instruction", run.instruction_id, after=item)
    return item


def run_in(s: Session, actor: Actor, date: dt.date, trigger: str = "month_end") -> RunResult:
    """Run every instruction for ``date`` inside the caller's transaction (month-end): each
    posting in its own savepoint with its run row."""
    ledger_periods.ensure_open(s, date)
    items = []
    for ins_id, loan_id in _work(s, date):
        run = _one(s, actor, ins_id, loan_id, date, trigger)
        if run is not None:
            items.append(_audit_item(s, actor, run))
    return RunResult(date, tuple(items))


def run(
    db: Database,
    actor: Actor,
    date: dt.date,
    progress: ProgressCallback | None = None,
) -> RunResult:
    """The treasurer's run for ``date`` ("jalankan sekarang"): one transaction per posting,
    each with its receipt and its run row; skipped instructions are recorded with their
    reason. The date must be a posting date (today or earlier, in an open month)."""
    require(actor, "standing.write")
    with read_only(db) as s:
        ledger_periods.ensure_open(s, date)
        work = _work(s, date)
    items = []
    for n, (ins_id, loan_id) in enumerate(work):
        report(progress, n, len(work), "instruksi")
        with unit_of_work(db) as s:
            run_row = _one(s, actor, ins_id, loan_id, date, "manual")
            if run_row is not None:
                items.append(_audit_item(s, actor, run_row))
    report(progress, len(work), len(work), "selesai")
    return RunResult(date, tuple(items))


def run_report(
    db: Database,
    date_from: dt.date,
    date_to: dt.date,
    actor: Actor | None = None,
) -> RunReport:
    """Executed and skipped instructions of the runs dated ``date_from`` .. ``date_to``."""
    require_read_all(actor, "Laporan instruksi tetap")
    if date_to < date_from:
        raise ValidationError("to", "date_before", other=date_from.isoformat())
    with read_only(db) as s:
        runs = s.scalars(
            select(StandingInstructionRun)
            .where(
                StandingInstructionRun.run_date >= date_from,
                StandingInstructionRun.run_date <= date_to,
            )
            .order_by(StandingInstructionRun.run_date, StandingInstructionRun.id)
        ).all()
        return RunReport(date_from, date_to, tuple(_item(s, r) for r in runs))


def due_label(ref: str, lang: str = "id") -> str:
    """``wajib-2025-03`` -> ``Wajib 03/2025``; a loan number as it is."""
    if ref.startswith("wajib-") and len(ref) == 13:
        return f"{'Wajib' if lang == 'id' else 'Mandatory'} {ref[11:13]}/{ref[6:10]}"
    return ref


def describe_skip(item: RunItem, lang: str = "id") -> str:
    """The reason of a skipped item as a person reads it."""
    text = reason_label(item.reason, lang)
    if item.reason == "short_balance":
        if lang == "id":
            return (
                f"{text}: perlu {format_rupiah(item.amount)}, "
                f"tersedia {format_rupiah(item.available)}"
            )
        return (
            f"{text}: needs {format_rupiah(item.amount)}, available {format_rupiah(item.available)}"
        )
    if item.detail:
        return f"{text}: {item.detail}"
    return text
