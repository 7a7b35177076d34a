"""Which reports each role may run, and a ketua kelompok's reports scoped to the group
(issue 18). :func:`koperasi.reports.registry.build` calls :func:`scoped_params` before the
builder and :func:`redact` after it, so the CLI and the GUI get the same rules.

- Admin, bendahara and pengawas (``read.all``) run every report as asked.
- A ketua kelompok runs only the group-level reports in :data:`GROUP_LEVEL`:
  ``group`` reports run for one of the leader's groups (an empty group option means the
  first of them; another group is refused); ``member`` reports (a statement, a loan card,
  an SHU slip, a receipt) only for a member, loan or receipt of those groups. Every other
  report, and any report registered later without an entry here, is cooperative-wide and
  refused (balance sheet, cash book, journal, RAT, PAR, the SHU distribution...).
- The member register a ketua gets has no vulnerability-category column: disability or
  social-assistance status is personal data the treasurer keeps, not the group's business.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import NotFound, PermissionDenied, ValidationError
from ..services.auth import Actor, require, require_group_visible, visible_groups
from ..services.reads import ReadSession as Session
from ..services.reads import access as reads
from ..services.reads.people import GroupRef, MemberRef
from ..services.uow import read_only
from .common import ReportParams
from .model import ReportData, Section, Table

ALL = "all"  # the report as asked
SCOPED = "scoped"  # limited to the actor's groups
REFUSED = "refused"

GROUP = "group"
MEMBER = "member"

# report name -> how a ketua kelompok's request is scoped; missing = cooperative-wide
GROUP_LEVEL: dict[str, str] = {
    "daftar-anggota": GROUP,
    "lembar-pertemuan": GROUP,
    "ringkasan-pertemuan": GROUP,
    "nominatif": GROUP,
    "tunggakan": GROUP,
    "mutasi-simpanan": MEMBER,
    "kartu-pinjaman": MEMBER,
    "slip-shu": MEMBER,
    "kuitansi": MEMBER,
}

# report name -> column keys a scoped reader does not get
SENSITIVE_COLUMNS: dict[str, frozenset[str]] = {
    "daftar-anggota": frozenset({"categories"}),
}


def access(name: str, actor: Actor | None) -> str:
    """``all``, ``scoped`` or ``refused``: what ``actor`` gets of report ``name``."""
    if actor is not None and not actor.can("report.read"):
        return REFUSED
    if visible_groups(actor) is None:
        return ALL
    return SCOPED if name in GROUP_LEVEL else REFUSED


def _own_groups(s: Session, actor: Actor, groups: frozenset[int]) -> list[GroupRef]:
    rows = reads.groups_among(s, groups)
    if not rows:
        raise PermissionDenied("no_group_scope", user=actor.username)
    return rows


def _member_group(s: Session, number: str) -> tuple[MemberRef, int | None]:
    m = reads.member_numbered(s, number)
    return m, m.group_id


def scoped_params(db, name: str, params: ReportParams, actor: Actor | None) -> ReportParams:
    """``params`` as ``actor`` may run report ``name``; raises PermissionDenied when the
    report, or the group, member, loan or receipt asked for, is beyond the actor's groups.
    Empty options get defaults from the actor's own groups."""
    if actor is not None:
        require(actor, "report.read")
    groups = visible_groups(actor)
    if groups is None:
        return params
    assert actor is not None
    kind = GROUP_LEVEL.get(name)
    if kind is None:
        from .registry import get_report

        title = get_report(name).title.id
        raise PermissionDenied("cooperative_wide", user=actor.username, what=title)
    with read_only(db) as s:
        own = _own_groups(s, actor, groups)
        if kind == GROUP:
            if params.group:
                g = reads.group_coded(s, params.group)
                if g is None:
                    raise NotFound(what="Kelompok", key=params.group)
                require_group_visible(actor, g.id, "Kelompok", g.code)
                return params
            return replace(params, group=own[0].code)
        # member-level: a loan, a member or a receipt of the actor's groups
        if name == "kuitansi":
            return _scoped_receipt(s, actor, params, groups)
        if params.loan:
            found = reads.loan_borrower(s, params.loan)
            if found is None:
                raise NotFound(what="Pinjaman", key=params.loan)
            loan_number, m = found
            require_group_visible(actor, m.group_id if m else None, "Pinjaman", loan_number)
            if params.member and params.member.strip() != (m.number if m else ""):
                _m, gid = _member_group(s, params.member)
                require_group_visible(actor, gid, "Anggota", params.member)
            return params
        if params.member:
            m, gid = _member_group(s, params.member)
            require_group_visible(actor, gid, "Anggota", m.number)
            return params
        first = reads.first_member_in(s, groups, borrowers=name == "kartu-pinjaman")
        if first is None:
            raise ValidationError("member", "no_data", what="anggota")
        return replace(params, member=first)


def _scoped_receipt(
    s: Session, actor: Actor, params: ReportParams, groups: frozenset[int]
) -> ReportParams:
    if params.receipt:
        found = reads.receipt_groups(s, params.receipt)
        if not reads.receipt_exists(s, params.receipt):
            raise NotFound(what="Kuitansi", key=params.receipt)
        # a receipt naming no member is the cooperative's own (an expense, a transfer)
        if not found or not found <= groups:
            raise PermissionDenied(
                "outside_group", user=actor.username, what="Kuitansi", key=params.receipt
            )
        return params
    # the latest receipt of a member of the actor's groups
    receipt = reads.latest_receipt_in(s, groups)
    if receipt is None:
        raise NotFound(what="Kuitansi", key="-")
    return _scoped_receipt(s, actor, replace(params, receipt=receipt), groups)


def _drop_columns(table: Table, keys: frozenset[str]) -> Table:
    keep = [i for i, c in enumerate(table.columns) if c.key not in keys]
    if len(keep) == len(table.columns):
        return table
    return replace(
        table,
        columns=tuple(table.columns[i] for i in keep),
        rows=tuple(replace(r, cells=tuple(r.cells[i] for i in keep)) for r in table.rows),
    )


def redact(name: str, data: ReportData, actor: Actor | None) -> ReportData:
    """``data`` without the columns a scoped reader does not get."""
    keys = SENSITIVE_COLUMNS.get(name)
    if not keys or visible_groups(actor) is None:
        return data
    sections = tuple(
        replace(sec, tables=tuple(_drop_columns(t, keys) for t in sec.tables))
        if isinstance(sec, Section)
        else sec
        for sec in data.sections
    )
    return replace(data, sections=sections)
