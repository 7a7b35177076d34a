"""The meeting sheet filled offline (lembar pertemuan): a group's meeting grid exported as an
XLSX a ketua kelompok fills on any phone or laptop without the app, and imported back.

The export shows each member's dues and balances exactly as the meeting grid does
(:func:`group_meeting.group_meeting_dues`); the sheet is protected except the three amount
columns (whole non-negative numbers by data validation). A very hidden sheet holds what was
exported (sheet id, group, date, members and their dues) and its SHA-256 digest; the same
digest is kept in the database (``meeting_sheets``), so a sheet whose exported part was
changed is refused (tampered), as is one whose dues or balances changed since the export
(stale), one for another group or date, and one already posted. The import posts through
:func:`group_meeting.post_group_meeting_in`: one transaction, one receipt per member, exactly
as the grid posts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import messages
from ..db.database import Database
from ..db.models import Group, MeetingSheet, Member
from ..domain.fmt import long_date
from ..domain.money import MoneyParseError, parse_rupiah
from ..domain.vocabulary import MemberStatus
from ..errors import KoperasiError, ValidationError
from . import audit
from .auth import Actor, require, require_group_visible
from .groups import group_by_code
from .loans.group_meeting import (
    GroupMeetingResult,
    MemberDues,
    member_dues_in,
    post_group_meeting_in,
)
from .uow import read_only, unit_of_work

SHEET = "Pertemuan"
CONTROL = "kontrol"
MARK = "koperasi-lembar-pertemuan"
VERSION = 1
HEADER_ROW = 7
FIRST_ROW = HEADER_ROW + 1
HEADERS = (
    "No. anggota",
    "Nama",
    "Wajib terutang",
    "Angsuran jatuh tempo",
    "Tunggakan",
    "Sisa pinjaman",
    "Saldo wajib",
    "Saldo sukarela",
    "Bayar wajib",
    "Setor sukarela",
    "Bayar angsuran",
    "Jumlah",
)
PAY_COLS = {9: "wajib", 10: "sukarela", 11: "loan_amount"}  # 1-based columns I, J, K
CHUNK = 30_000  # a cell holds at most 32.767 characters


def _row_of(d: MemberDues) -> list[Any]:
    return [
        d.member_number,
        d.member_name,
        d.wajib_due,
        d.installment_due,
        d.arrears,
        sum(ld.outstanding for ld in d.loans),
        d.wajib_balance,
        d.sukarela_balance,
    ]


def _digest(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dues_in(s: Session, g: Group, date: dt.date) -> list[MemberDues]:
    members = s.scalars(
        select(Member)
        .where(Member.group_id == g.id, Member.status == MemberStatus.ACTIVE)
        .order_by(Member.number)
    ).all()
    return [member_dues_in(s, m, date) for m in members]


@dataclass(frozen=True)
class ExportedSheet:
    sheet_id: str
    group_code: str
    date: dt.date
    members: int
    path: str


def export_sheet(
    db: Database,
    actor: Actor,
    group_code: str,
    date: dt.date,
    path: str | Path,
) -> ExportedSheet:
    """Write the group's meeting sheet for ``date`` to ``path`` and record its digest."""
    require(actor, "meeting_sheet.export")
    from .settings import profile_in

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("path", "msg_export_suffix", value=path.name)
    with unit_of_work(db) as s:
        g = group_by_code(s, group_code)
        require_group_visible(actor, g.id, "Kelompok", g.code)
        dues = _dues_in(s, g, date)
        if not dues:
            raise ValidationError("group_code", "sheet_no_members", group=g.code)
        sheet_id = uuid.uuid4().hex
        payload = {
            "v": VERSION,
            "sheet": sheet_id,
            "group": g.code,
            "date": date.isoformat(),
            "rows": [_row_of(d) for d in dues],
        }
        digest = _digest(payload)
        s.add(
            MeetingSheet(
                id=sheet_id,
                group_id=g.id,
                meeting_date=date,
                digest=digest,
                exported_by=actor.username,
                posted_by="",
                posted_total=0,
            )
        )
        _write(path, profile_in(s).name, g, date, dues, payload, digest)
        audit.record(
            s,
            actor,
            "meeting_sheet.export",
            "group",
            g.code,
            None,
            {"sheet": sheet_id, "date": date.isoformat(), "members": len(dues)},
        )
    return ExportedSheet(sheet_id, g.code, date, len(dues), str(path))


def _write(
    path: Path,
    coop: str,
    g: Group,
    date: dt.date,
    dues: list[MemberDues],
    payload: dict[str, Any],
    digest: str,
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = f"LEMBAR PERTEMUAN KELOMPOK · {coop}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Kelompok"
    ws["C2"] = f"{g.code} · {g.name}"
    ws["A3"] = "Tanggal pertemuan"
    ws["C3"] = long_date(date)
    ws["A4"] = "Tagihan dan saldo per tanggal"
    ws["C4"] = date
    ws["C4"].number_format = "DD/MM/YYYY"
    ws["C4"].alignment = Alignment(horizontal="left")
    ws["A5"] = (
        "Isi hanya kolom kuning (Bayar wajib, Setor sukarela, Bayar angsuran) dengan angka "
        "bulat tanpa titik, mis. 25000. Jangan ubah kolom lain. Kembalikan berkas ini ke "
        "bendahara untuk dibukukan."
    )
    ws["A5"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A5:L5")
    ws.row_dimensions[5].height = 32
    for c, title in enumerate(HEADERS, start=1):
        cell = ws.cell(HEADER_ROW, c, title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[HEADER_ROW].height = 32
    yellow = PatternFill("solid", fgColor="FFF3B0")
    money = "#,##0"
    dv = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Jumlah tidak sah",
        error="Isi angka bulat 0 atau lebih, tanpa titik atau koma (mis. 25000).",
        promptTitle="Jumlah dibayar",
        prompt="Angka bulat rupiah, mis. 25000",
        showInputMessage=True,
    )
    ws.add_data_validation(dv)
    for n, d in enumerate(dues):
        r = FIRST_ROW + n
        for c, value in enumerate(_row_of(d), start=1):
            cell = ws.cell(r, c, value)
            if c >= 3:
                cell.number_format = money
        for c in PAY_COLS:
            cell = ws.cell(r, c)
            cell.protection = Protection(locked=False)
            cell.fill = yellow
            cell.number_format = money
        ws.cell(r, 12, f"=SUM(I{r}:K{r})").number_format = money
    last = FIRST_ROW + len(dues) - 1
    dv.add(f"I{FIRST_ROW}:K{last}")
    total = last + 1
    ws.cell(total, 2, "Jumlah").font = Font(bold=True)
    for c in range(3, 13):
        col = "ABCDEFGHIJKL"[c - 1]
        cell = ws.cell(total, c, f"=SUM({col}{FIRST_ROW}:{col}{last})")
        cell.number_format = money
        cell.font = Font(bold=True)
    ws.cell(total + 2, 1, "Tanda tangan ketua kelompok:")
    for col, width in zip(
        "ABCDEFGHIJKL", (12, 26, 12, 13, 12, 13, 12, 12, 12, 12, 12, 13), strict=True
    ):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = ws.cell(FIRST_ROW, 3)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True
    ws.protection.password = payload["sheet"][:12]
    ws.protection.formatColumns = False  # widening a column on a phone is harmless
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False
    ctl = wb.create_sheet(CONTROL)
    ctl["A1"] = MARK
    ctl["A2"] = VERSION
    ctl["A3"] = digest
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    for i in range(0, len(text), CHUNK):
        ctl.cell(4 + i // CHUNK, 1, text[i : i + CHUNK])
    ctl.sheet_state = "veryHidden"
    ctl.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    wb.save(path)


# ---------------------------------------------------------------- reading it back


@dataclass(frozen=True)
class SheetProblem:
    """One reason the sheet cannot be posted; ``row`` is the sheet's row (None: the sheet)."""

    code: str
    row: int | None = None
    member: str = ""
    column: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        text = messages.render(self.code, lang, {**self.params, "member": self.member})
        if self.row is None:
            return text
        where = (
            f"Baris {self.row} ({self.member})"
            if lang == "id"
            else f"Row {self.row} ({self.member})"
        )
        if self.column:
            where += f", {self.column}"
        return f"{where}: {text}"


@dataclass(frozen=True)
class SheetLine:
    row: int
    member_number: str
    member_name: str
    wajib: int
    sukarela: int
    loan: int

    @property
    def total(self) -> int:
        return self.wajib + self.sukarela + self.loan


@dataclass(frozen=True)
class SheetImport:
    """What the sheet would post (a dry run) or posted."""

    sheet_id: str
    group_code: str
    date: dt.date | None
    lines: tuple[SheetLine, ...]
    problems: tuple[SheetProblem, ...]
    posted: GroupMeetingResult | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def payments(self) -> list[tuple[str, int, int, int]]:
        return [(ln.member_number, ln.wajib, ln.sukarela, ln.loan) for ln in self.lines if ln.total]

    @property
    def total(self) -> int:
        return sum(ln.total for ln in self.lines)

    def messages(self, lang: str = "id") -> list[str]:
        return [p.message(lang) for p in self.problems]


class SheetRefused(KoperasiError):
    """The sheet cannot be posted; ``problems`` lists every reason."""

    code = "sheet_refused"

    def __init__(self, report: SheetImport) -> None:
        self.report = report
        first = report.problems[0]
        super().__init__("sheet_refused", first=first.message("id"), n=len(report.problems))

    def message(self, lang: str = "id") -> str:
        return messages.render(
            self.code,
            lang,
            {"first": self.report.problems[0].message(lang), "n": len(self.report.problems)},
        )


def _amount(value: Any) -> int | None:
    """A typed amount: blank is 0; None when it is not a whole non-negative rupiah amount."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value >= 0 and value == int(value) else None
    try:
        v = parse_rupiah(str(value))
    except MoneyParseError:
        return None
    return v if v >= 0 else None


@dataclass
class _Read:
    sheet_id: str = ""
    group: str = ""
    date: dt.date | None = None
    payload: dict[str, Any] | None = None
    digest: str = ""
    lines: list[SheetLine] = field(default_factory=list)
    visible: list[list[Any]] = field(default_factory=list)
    problems: list[SheetProblem] = field(default_factory=list)


def _read(path: str | Path) -> _Read:
    from openpyxl import load_workbook

    out = _Read()
    try:
        wb = load_workbook(path, data_only=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the user's to fix
        out.problems.append(
            SheetProblem(
                "sheet_unreadable", params={"path": str(path), "detail": type(exc).__name__}
            )
        )
        return out
    if (
        SHEET not in wb.sheetnames
        or CONTROL not in wb.sheetnames
        or wb[CONTROL]["A1"].value != MARK
    ):
        out.problems.append(SheetProblem("sheet_not_ours", params={"path": Path(path).name}))
        return out
    ctl = wb[CONTROL]
    out.digest = str(ctl["A3"].value or "")
    text = "".join(str(ctl.cell(r, 1).value or "") for r in range(4, ctl.max_row + 1))
    try:
        payload = json.loads(text)
        out.sheet_id = str(payload["sheet"])
        out.group = str(payload["group"])
        out.date = dt.date.fromisoformat(payload["date"])
        rows = payload["rows"]
        assert isinstance(rows, list)
        out.payload = payload
    except Exception:  # noqa: BLE001 - a damaged control sheet is a tampered sheet
        out.problems.append(SheetProblem("sheet_tampered"))
        return out
    if _digest(payload) != out.digest:
        out.problems.append(SheetProblem("sheet_tampered"))
        return out
    ws = wb[SHEET]
    for n, exported in enumerate(rows):
        r = FIRST_ROW + n
        visible = [ws.cell(r, c).value for c in range(1, 9)]
        out.visible.append(visible)
        if [str(v) if v is not None else "" for v in visible[:2]] != [
            str(x) for x in exported[:2]
        ] or [_amount(v) for v in visible[2:]] != exported[2:]:
            out.problems.append(SheetProblem("sheet_row_changed", r, str(exported[0]), params={}))
            continue
        amounts = {}
        for c, key in PAY_COLS.items():
            raw = ws.cell(r, c).value
            v = _amount(raw)
            if v is None:
                out.problems.append(
                    SheetProblem(
                        "sheet_not_amount", r, str(exported[0]), HEADERS[c - 1], {"value": raw}
                    )
                )
                v = 0
            amounts[key] = v
        out.lines.append(
            SheetLine(
                r,
                str(exported[0]),
                str(exported[1]),
                amounts["wajib"],
                amounts["sukarela"],
                amounts["loan_amount"],
            )
        )
    extra = ws.cell(FIRST_ROW + len(rows), 1).value
    if extra not in (None, ""):
        out.problems.append(SheetProblem("sheet_row_added", FIRST_ROW + len(rows), str(extra)))
    return out


def _check_in(
    s: Session,
    actor: Actor,
    got: _Read,
    group_code: str | None,
    date: dt.date | None,
    lock: bool = False,
) -> tuple[Group | None, list[SheetProblem]]:
    problems = list(got.problems)
    if got.payload is None or any(p.code == "sheet_tampered" for p in problems):
        return None, problems
    q = select(MeetingSheet).where(MeetingSheet.id == got.sheet_id)
    if lock:
        q = q.with_for_update()
    rec = s.scalars(q).first()
    g = s.scalars(select(Group).where(Group.code == got.group)).first()
    if rec is None or g is None or rec.digest != got.digest or rec.group_id != g.id:
        return None, [SheetProblem("sheet_tampered")]
    require_group_visible(actor, g.id, "Kelompok", g.code)
    if group_code and group_code.strip().upper() != g.code:
        problems.append(
            SheetProblem(
                "sheet_other_group", params={"group": g.code, "wanted": group_code.strip().upper()}
            )
        )
    if date and date != got.date:
        problems.append(SheetProblem("sheet_other_date", params={"date": got.date, "wanted": date}))
    if rec.posted_at is not None:
        problems.append(
            SheetProblem(
                "sheet_already_posted",
                params={"at": rec.posted_at.strftime("%d/%m/%Y %H:%M"), "user": rec.posted_by},
            )
        )
        return g, problems
    other = s.scalars(
        select(MeetingSheet).where(
            MeetingSheet.group_id == g.id,
            MeetingSheet.meeting_date == rec.meeting_date,
            MeetingSheet.posted_at.is_not(None),
            MeetingSheet.id != rec.id,
        )
    ).first()
    if other is not None:
        problems.append(
            SheetProblem(
                "sheet_meeting_posted",
                params={"group": g.code, "date": rec.meeting_date, "user": other.posted_by},
            )
        )
        return g, problems
    assert got.date is not None and got.payload is not None
    now = {d.member_number: _row_of(d) for d in _dues_in(s, g, got.date)}
    exported = {str(r[0]): r for r in got.payload["rows"]}
    for n, (number, row) in enumerate(exported.items()):
        current = now.get(number)
        if current is None:
            problems.append(SheetProblem("sheet_member_gone", FIRST_ROW + n, number))
        elif current != row:
            changed = [HEADERS[i] for i in range(2, 8) if current[i] != row[i]]
            problems.append(
                SheetProblem(
                    "sheet_stale_row", FIRST_ROW + n, number, params={"columns": ", ".join(changed)}
                )
            )
    for number in sorted(set(now) - set(exported)):
        problems.append(SheetProblem("sheet_member_new", None, number, params={"member": number}))
    for line in got.lines:
        row = exported.get(line.member_number)
        if line.loan and row is not None and row[5] == 0 and row[3] == 0:
            problems.append(
                SheetProblem("no_active_loan", line.row, line.member_number, HEADERS[10])
            )
    return g, problems


def _report(
    got: _Read, problems: list[SheetProblem], posted: GroupMeetingResult | None = None
) -> SheetImport:
    return SheetImport(got.sheet_id, got.group, got.date, tuple(got.lines), tuple(problems), posted)


def check_sheet(
    db: Database,
    actor: Actor,
    path: str | Path,
    group_code: str | None = None,
    date: dt.date | None = None,
) -> SheetImport:
    """The dry run: what the sheet would post and every reason it cannot (nothing written).
    With ``group_code``/``date`` a sheet for another group or date is refused."""
    require(actor, "savings.write")
    require(actor, "loan.write")
    got = _read(path)
    with read_only(db) as s:
        _g, problems = _check_in(s, actor, got, group_code, date)
    if not problems and not any(ln.total for ln in got.lines):
        problems = [SheetProblem("sheet_empty")]
    return _report(got, problems)


def import_sheet(
    db: Database,
    actor: Actor,
    path: str | Path,
    group_code: str | None = None,
    date: dt.date | None = None,
    *,
    confirm_large: bool = False,
) -> SheetImport:
    """Check the sheet again and post it exactly as the meeting grid does, in ONE
    transaction (one receipt per member), marking the sheet posted. Any problem: nothing is
    written and :class:`SheetRefused` lists them all."""
    require(actor, "savings.write")
    require(actor, "loan.write")
    got = _read(path)
    with unit_of_work(db) as s:
        g, problems = _check_in(s, actor, got, group_code, date, lock=True)
        if not problems and not any(ln.total for ln in got.lines):
            problems = [SheetProblem("sheet_empty")]
        if problems:
            raise SheetRefused(_report(got, problems))
        assert g is not None and got.date is not None
        report = _report(got, [])
        result = post_group_meeting_in(
            s, actor, g.code, got.date, report.payments, confirm_large=confirm_large
        )
        rec = s.get(MeetingSheet, got.sheet_id)
        assert rec is not None
        rec.posted_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rec.posted_by = actor.username
        rec.posted_total = result.total
        audit.record(
            s,
            actor,
            "meeting_sheet.import",
            "group",
            g.code,
            None,
            {"sheet": got.sheet_id, "date": got.date.isoformat(), "total": result.total},
        )
    return _report(got, [], result)
