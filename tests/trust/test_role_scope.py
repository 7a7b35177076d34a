"""Data scope by role (issue 18): a role x report / read / CLI command matrix, on SQLite and
on PostgreSQL.

A small demo cooperative (two groups, K001 and K002) gets four real accounts: admin,
bendahara, a ketua kelompok linked to K001, and a pengawas; the actors come from logging in,
so the ketua's group comes from the user's stored scope. For every report in the registry
and every CLI read command each role gets what the matrix says: ``all``, ``scoped`` (a ketua:
the group's data only) or ``refused`` (PermissionDenied, or exit code 2 with the message).
Where a ketua is served, the test reads the data actually returned and asserts that no member
number or loan number of K002 is in it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import select

from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.db.models import Group, JournalEntry, JournalLine, Loan, Member
from koperasi.errors import PermissionDenied
from koperasi.exchange import export_auditor
from koperasi.reports import registry
from koperasi.reports.common import ReportParams
from koperasi.services import groups, members, savings_statements, shu, ui_queries, users
from koperasi.services.auth import SYSTEM, Actor, Role
from koperasi.services.check import run_checks
from koperasi.services.loans import group_meeting
from koperasi.services.loans import views as loan_views
from koperasi.services.uow import read_only

PW = "Kelompok-Mawar-2026"
AS_OF = dt.date(2026, 10, 31)
ROLES = ("admin", "bendahara", "ketua", "pengawas")
USERS = {"admin": "admin", "bendahara": "sri", "ketua": "ani", "pengawas": "budi"}

# What a ketua kelompok gets of each report; every other report (and any registered later)
# covers the whole cooperative and is refused to a ketua. Admin, bendahara, pengawas: all.
KETUA_SCOPED = {
    "daftar-anggota",  # the group's members, without the vulnerability categories
    "lembar-pertemuan",
    "ringkasan-pertemuan",
    "nominatif",
    "tunggakan",
    "mutasi-simpanan",
    "kartu-pinjaman",
    "slip-shu",
    "kuitansi",
}
KETUA_REFUSED_KNOWN = {
    "laporan-keuangan",
    "posisi-keuangan",
    "hasil-usaha",
    "arus-kas",
    "perubahan-ekuitas",
    "neraca-saldo",
    "jurnal",
    "buku-besar",
    "buku-kas",
    "shu-anggota",
    "rat",
    "pemantauan-program",
    "par",
}


def expected(role: str, report: str) -> str:
    if role != "ketua":
        return "all"
    return "scoped" if report in KETUA_SCOPED else "refused"


@dataclass
class Coop:
    url: str
    db: object
    actors: dict[str, Actor]
    members: dict[str, set[str]]  # group code -> member numbers
    loans: dict[str, set[str]]  # group code -> loan numbers (by the member's group)
    receipts: dict[str, str]  # group code -> a receipt naming a member of the group
    coop_receipt: str | None  # a receipt naming no member (the cooperative's own)
    categorised: str  # a K001 member with a vulnerability category
    active_loans: dict[str, set[str]]  # group code -> loans still running

    def foreign(self) -> set[str]:
        """Identifiers a ketua of K001 must never see."""
        return self.members["K002"] | self.loans["K002"]


def _facts(db) -> tuple[dict, dict, dict, str | None]:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        by_group: dict[str, set[str]] = {}
        for number, code in s.execute(
            select(Member.number, Group.code).join(Group, Group.id == Member.group_id)
        ):
            by_group.setdefault(code, set()).add(number)
        loan_groups: dict[str, set[str]] = {}
        for number, code in s.execute(
            select(Loan.number, Group.code)
            .join(Member, Member.id == Loan.member_id)
            .join(Group, Group.id == Member.group_id)
        ):
            loan_groups.setdefault(code, set()).add(number)
        receipts: dict[str, str] = {}
        for receipt, code in s.execute(
            select(JournalEntry.receipt_no, Group.code)
            .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
            .join(Member, Member.id == JournalLine.member_id)
            .join(Group, Group.id == Member.group_id)
            .where(JournalEntry.receipt_no.is_not(None))
            .order_by(JournalEntry.id)
        ):
            receipts.setdefault(code, receipt)
        with_member = select(JournalLine.entry_id).where(JournalLine.member_id.is_not(None))
        coop_receipt = s.scalar(
            select(JournalEntry.receipt_no)
            .where(JournalEntry.receipt_no.is_not(None), JournalEntry.id.not_in(with_member))
            .limit(1)
        )
    return by_group, loan_groups, receipts, coop_receipt


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def coop(request, tmp_path_factory):
    from koperasi.demo.builder import build_demo

    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("scope") / "koperasi.db")
    else:
        url = request.getfixturevalue("pg_server").new_database()
    db = open_database(url)
    build_demo(db, members=24, seed=7, years=1, as_of=AS_OF)
    by_group, loan_groups, receipts, coop_receipt = _facts(db)
    assert {"K001", "K002"} <= set(by_group) and loan_groups.get("K002")
    # a K001 member with a vulnerability category (personal data a ketua must not get)
    number = sorted(by_group["K001"])[0]
    cat = members.list_categories(db)[0].code
    detail = members.get_member(db, number)
    members.update_member(db, SYSTEM, number, replace(detail.as_input(), categories=(cat,)))
    users.create_first_admin(db, "admin", PW)
    admin = users.authenticate(db, "admin", PW)
    users.create_user(db, admin, "sri", PW, "bendahara")
    users.create_user(db, admin, "ani", PW, "ketua", group_codes=["K001"])
    users.create_user(db, admin, "budi", PW, "pengawas")
    actors = {role: users.authenticate(db, name, PW) for role, name in USERS.items()}
    assert actors["ketua"].group_ids and actors["ketua"].role == Role.KETUA
    with read_only(db) as s:
        active: dict[str, set[str]] = {}
        for ln, code in s.execute(
            select(Loan.number, Group.code)
            .join(Member, Member.id == Loan.member_id)
            .join(Group, Group.id == Member.group_id)
            .where(Loan.status == "aktif")
        ):
            active.setdefault(code, set()).add(ln)
    yield Coop(url, db, actors, by_group, loan_groups, receipts, coop_receipt, number, active)
    db.dispose()


def _strings(data) -> set[str]:  # type: ignore[no-untyped-def]
    """Every cell, figure and option of a report as text."""
    out = {str(v) for _k, v in data.params}
    for section in data.sections:
        out |= {str(f.value) for f in section.figures}
        for t in section.tables:
            for r in t.rows:
                out |= {str(c) for c in r.cells}
    return out


# ------------------------------------------------------------------ reports


@pytest.mark.parametrize("report", [s.name for s in registry.list_reports()])
@pytest.mark.parametrize("role", ROLES)
def test_report_matrix(coop, role, report):
    actor = coop.actors[role]
    want = expected(role, report)
    if want == "refused":
        with pytest.raises(PermissionDenied) as exc:
            registry.build(coop.db, report, ReportParams(), actor=actor)
        assert exc.value.code == "cooperative_wide"
        assert "seluruh koperasi" in exc.value.message("id")
        assert "whole cooperative" in exc.value.message("en")
        assert report not in registry_names(registry.list_for(actor))
        return
    data = registry.build(coop.db, report, ReportParams(), actor=actor)
    seen = _strings(data)
    assert report in registry_names(registry.list_for(actor))
    if want == "scoped":
        assert not seen & coop.foreign(), f"{report} shows K002 data to the ketua of K001"
        for table in data.tables():
            assert "categories" not in [c.key for c in table.columns]
    if report == "daftar-anggota":
        numbers = set(data.tables()[0].values("number"))
        if want == "scoped":
            assert numbers and numbers <= coop.members["K001"]
        else:
            assert coop.members["K002"] <= numbers  # the whole register
            assert "categories" in [c.key for c in data.tables()[0].columns]


def registry_names(specs) -> set[str]:  # type: ignore[no-untyped-def]
    return {s.name for s in specs}


def test_the_group_level_reports_are_exactly_the_matrix_ones():
    """The service's list (reports/access.py) and this test's own list agree; a report
    registered later without an entry is refused to a ketua (the matrix checks that)."""
    from koperasi.reports import access

    names = {s.name for s in registry.list_reports()}
    assert set(access.GROUP_LEVEL) == KETUA_SCOPED <= names
    assert not KETUA_SCOPED & KETUA_REFUSED_KNOWN
    assert names >= KETUA_REFUSED_KNOWN


def _other_params(coop: Coop) -> dict[str, ReportParams]:
    member = sorted(coop.members["K002"])[0]
    loan = sorted(coop.loans["K002"])[0]
    return {
        "daftar-anggota": ReportParams(group="K002"),
        "lembar-pertemuan": ReportParams(group="K002", date=AS_OF),
        "ringkasan-pertemuan": ReportParams(group="k002", date=AS_OF),
        "nominatif": ReportParams(group="K002"),
        "tunggakan": ReportParams(group="K002"),
        "mutasi-simpanan": ReportParams(member=member),
        "kartu-pinjaman": ReportParams(loan=loan),
        "slip-shu": ReportParams(member=member),
        "kuitansi": ReportParams(receipt=coop.receipts["K002"]),
    }


@pytest.mark.parametrize("report", sorted(KETUA_SCOPED))
def test_ketua_asking_for_another_groups_report_is_refused(coop, report):
    ketua = coop.actors["ketua"]
    params = _other_params(coop)[report]
    with pytest.raises(PermissionDenied) as exc:
        registry.build(coop.db, report, params, actor=ketua)
    assert exc.value.code == "outside_group"
    msg = exc.value.message("id")
    assert "kelompok lain" in msg and "ani" in msg
    # the same request for a read-all role is served (the refusal is the scope, not the data)
    registry.build(coop.db, report, params, actor=coop.actors["pengawas"])


def test_ketua_gets_the_loan_card_of_another_groups_member_refused_by_member(coop):
    member = sorted(coop.members["K002"])[0]
    with pytest.raises(PermissionDenied):
        registry.build(
            coop.db, "kartu-pinjaman", ReportParams(member=member), actor=coop.actors["ketua"]
        )


def test_ketua_gets_no_receipt_of_the_cooperative_itself(coop):
    # the demo books the office's own costs with receipts: one must exist, or this proves nothing
    assert coop.coop_receipt is not None, "the demo has no receipt without a member"
    with pytest.raises(PermissionDenied):
        registry.build(
            coop.db,
            "kuitansi",
            ReportParams(receipt=coop.coop_receipt),
            actor=coop.actors["ketua"],
        )


def test_group_loan_register_figures_are_the_groups_own(coop):
    """The nominatif of one group totals that group's loans, not the cooperative's."""
    admin = coop.actors["admin"]
    whole = registry.build(coop.db, "nominatif", ReportParams(date=AS_OF), actor=admin)
    k1 = registry.build(coop.db, "nominatif", ReportParams(date=AS_OF, group="K001"), actor=admin)
    fig = {f.key: f.value for f in k1.sections[0].figures}
    rows = k1.tables()[1]
    assert fig["loans"] == len(rows.rows)
    assert fig["outstanding"] == sum(rows.values("outstanding"))
    assert "receivable" not in fig  # the ledger's 1.20 is the cooperative's
    classes = k1.tables()[0]
    assert sum(classes.values("loans")) == len(rows.rows)
    assert len(rows.rows) < len(whole.tables()[1].rows)


# ------------------------------------------------------------------ service reads


def _expect(role: str, call, allowed: set[str]):  # type: ignore[no-untyped-def]
    if role in allowed:
        return call()
    with pytest.raises(PermissionDenied):
        call()
    return None


READ_ALL = {"admin", "bendahara", "pengawas"}


@pytest.mark.parametrize("role", ROLES)
def test_screen_reads_are_scoped(coop, role):
    """What the pages read (lists, search, member detail, activity, dashboard) per role."""
    db, a = coop.db, coop.actors[role]
    own = sorted(coop.members["K001"])[0]
    other = sorted(coop.members["K002"])[0]
    other_loan = sorted(coop.loans["K002"])[0]
    scoped = role == "ketua"

    listed = {r.number for r in members.list_members(db, limit=1000, actor=a)}
    found = {r.number for r in members.list_members(db, search="A", limit=1000, actor=a)}
    n = members.count_members(db, actor=a)
    group_codes = {g.code for g in groups.list_groups(db, actor=a)}
    activity = {r.member_number for r in ui_queries.savings_activity(db, limit=5000, actor=a)}
    due = {
        r.member_number
        for r in ui_queries.loans_due_between(db, dt.date(2025, 1, 1), AS_OF, actor=a)
    }
    loan_rows = {r.number for r in loan_views.list_loans(db, limit=1000, actor=a)}
    if scoped:
        assert listed == found == coop.members["K001"] and n == len(listed)
        assert group_codes == {"K001"}
        assert activity and activity <= coop.members["K001"]
        assert due <= coop.members["K001"]
        assert loan_rows and loan_rows <= coop.loans["K001"]
    else:
        assert coop.members["K002"] <= listed and coop.members["K002"] <= found
        assert {"K001", "K002"} <= group_codes
        assert activity & coop.members["K002"]
        assert coop.loans["K002"] <= loan_rows

    # one record of the own group: everyone; of the other group: not the ketua
    members.get_member(db, own, a)
    ui_queries.member_ledger(db, own, actor=a)
    allowed = READ_ALL
    _expect(role, lambda: members.get_member(db, other, a), allowed)
    _expect(role, lambda: savings_statements.member_balances(db, other, actor=a), allowed)
    _expect(
        role,
        lambda: savings_statements.statement(
            db, other, "SUKARELA", dt.date(2025, 1, 1), AS_OF, actor=a
        ),
        allowed,
    )
    _expect(role, lambda: ui_queries.member_ledger(db, other, actor=a), allowed)
    _expect(role, lambda: loan_views.get_loan(db, other_loan, actor=a), allowed)
    _expect(role, lambda: groups.group_members(db, "K002", actor=a), allowed)
    _expect(role, lambda: group_meeting.group_meeting_dues(db, "K002", AS_OF, a), allowed)
    group_meeting.group_meeting_dues(db, "K001", AS_OF, a)
    # cooperative-wide figures
    _expect(role, lambda: ui_queries.dashboard(db, AS_OF, a), allowed)
    _expect(role, lambda: ui_queries.cash_book(db, "1.01", AS_OF, AS_OF, a), allowed)
    _expect(role, lambda: shu.plan(db, 2025, a), allowed)
    _expect(role, lambda: run_checks(db, a), allowed)


def test_refusal_names_the_record_in_both_languages(coop):
    other = sorted(coop.members["K002"])[0]
    with pytest.raises(PermissionDenied) as exc:
        members.get_member(coop.db, other, coop.actors["ketua"])
    assert exc.value.message("id") == (
        f"Anggota '{other}' termasuk kelompok lain; ketua kelompok ani hanya dapat melihat "
        "data kelompoknya sendiri."
    )
    assert exc.value.message("en") == (
        f"Anggota '{other}' belongs to another group; group leader ani may see only their "
        "own group's data."
    )


def test_ketua_does_not_get_vulnerability_categories(coop):
    full = members.get_member(coop.db, coop.categorised, coop.actors["admin"])
    assert full.categories
    assert members.get_member(coop.db, coop.categorised, coop.actors["pengawas"]).categories
    assert members.get_member(coop.db, coop.categorised, coop.actors["ketua"]).categories == ()


@pytest.mark.parametrize("role", ROLES)
def test_audit_workbook_export_is_not_for_a_ketua(coop, role, tmp_path):
    out = tmp_path / "audit.xlsx"
    call = lambda: export_auditor(coop.db, out, AS_OF, AS_OF, actor=coop.actors[role])  # noqa: E731
    _expect(role, call, READ_ALL)
    assert out.exists() == (role in READ_ALL)


# ------------------------------------------------------------------ CLI read commands


def _cli(coop: Coop, role: str, capsys, monkeypatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("KOPERASI_PASSWORD", PW)
    code = main(["--db", coop.url, "--user", USERS[role], *args])
    out, err = capsys.readouterr()
    return code, out, err


def _cli_commands(coop: Coop, tmp: Path) -> dict[str, tuple[list[str], str]]:
    """name -> (arguments, what a ketua gets: scoped | refused). Read-all roles: all."""
    own = sorted(coop.members["K001"])[0]
    other = sorted(coop.members["K002"])[0]
    own_loan = sorted(coop.loans["K001"])[0]
    other_loan = sorted(coop.loans["K002"])[0]
    active = sorted(coop.active_loans.get("K002", set()) or coop.loans["K002"])[0]
    return {
        "member list": (["member", "list", "--json"], "scoped"),
        "member list search": (["member", "list", "--search", "a", "--json"], "scoped"),
        "member show own": (["member", "show", own, "--json"], "scoped"),
        "member show other": (["member", "show", other, "--json"], "refused"),
        "group list": (["group", "list", "--json"], "scoped"),
        "group show own": (["group", "show", "K001", "--json"], "scoped"),
        "group show other": (["group", "show", "K002", "--json"], "refused"),
        "savings balance other": (["savings", "balance", other, "--json"], "refused"),
        "savings statement own": (["savings", "statement", own, "SUKARELA", "--json"], "scoped"),
        "savings statement other": (
            ["savings", "statement", other, "SUKARELA", "--json"],
            "refused",
        ),
        "loan list": (["loan", "list", "--json"], "scoped"),
        "loan list other group": (["loan", "list", "--group", "K002", "--json"], "scoped"),
        "loan show own": (["loan", "show", own_loan, "--json"], "scoped"),
        "loan show other": (["loan", "show", other_loan, "--json"], "refused"),
        "loan payoff-quote other": (
            ["loan", "payoff-quote", active, "--date", "2026-10-31", "--json"],
            "refused",
        ),
        "loan arrears": (["loan", "arrears", "--json"], "refused"),
        "journal list": (["journal", "list", "--json"], "refused"),
        "trial-balance": (["trial-balance", "--json"], "refused"),
        "check": (["check", "--json"], "refused"),
        "shu plan": (["shu", "plan", "2025", "--json"], "refused"),
        "audit list": (["audit", "list", "--json"], "refused"),
        "export auditor": (["export", "auditor", "-o", str(tmp / "a.xlsx"), "--quiet"], "refused"),
        "report daftar-anggota": (
            ["report", "daftar-anggota", "-o", str(tmp / "da.xlsx"), "--quiet"],
            "scoped",
        ),
        "report daftar-anggota K002": (
            ["report", "daftar-anggota", "--group", "K002", "-o", str(tmp / "d2.xlsx")],
            "refused",
        ),
        "report buku-kas": (["report", "buku-kas", "-o", str(tmp / "bk.pdf")], "refused"),
        "report posisi-keuangan": (
            ["report", "posisi-keuangan", "-o", str(tmp / "pk.pdf")],
            "refused",
        ),
        "report rat": (["report", "rat", "-o", str(tmp / "rat.pdf")], "refused"),
        "report lembar-pertemuan K002": (
            ["report", "lembar-pertemuan", "--group", "K002", "-o", str(tmp / "lp.pdf")],
            "refused",
        ),
        "report --list": (["report", "--list"], "scoped"),
    }


def _names() -> list[str]:
    ids = {"K001": {"A"}, "K002": {"B"}}
    fake = Coop("", None, {}, ids, ids, {}, None, "", ids)
    return list(_cli_commands(fake, Path("/tmp")))


CLI_NAMES = _names()


@pytest.mark.parametrize("command", CLI_NAMES)
@pytest.mark.parametrize("role", ROLES)
def test_cli_matrix(coop, role, command, capsys, monkeypatch, tmp_path):
    args, ketua_gets = _cli_commands(coop, tmp_path)[command]
    want = "all" if role != "ketua" else ketua_gets
    code, out, err = _cli(coop, role, capsys, monkeypatch, *args)
    if want == "refused":
        assert code == 2, (command, out, err)
        assert "ketua kelompok ani" in err and out == ""
        assert not list(tmp_path.iterdir())  # no file written
        return
    assert code in (0, 1) if command == "check" else code == 0, (command, err)
    if want == "scoped":
        for ident in coop.foreign():
            assert ident not in out, f"{command}: {ident} of K002 shown to the ketua"
        if command == "report --list":
            listed = {line.split("\t")[0] for line in out.splitlines()}
            assert listed == KETUA_SCOPED
        if command in ("member list", "member list search"):
            assert any(n in out for n in coop.members["K001"])
    elif command == "member list":
        assert all(n in out for n in coop.members["K002"])
