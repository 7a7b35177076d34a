"""Each role tries every service action; only the allowed ones succeed (table-driven).

A small cooperative is built once (two groups, a member in each, a disbursed loan, a pending
loan); every (role, action) pair runs on a private copy of it. A ketua kelompok is the
leader of group K01: reading K01 works, reading K02 does not, and no write works.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from decimal import Decimal

import pytest
from helpers import member_input

from koperasi.db.database import open_database
from koperasi.errors import PermissionDenied
from koperasi.services import (
    audit,
    backup,
    chart_of_accounts,
    groups,
    ledger,
    loan_products,
    member_exit,
    members,
    savings,
    savings_arrears,
    savings_interest,
    savings_products,
    savings_statements,
    settings,
    trial_balances,
    users,
)
from koperasi.services import month_end as month_end_run
from koperasi.services.auth import SYSTEM, Actor, Role
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import group_meeting
from koperasi.services.loans import quality as loan_quality
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import views as loan_views
from koperasi.services.loans import workout as loan_workout
from koperasi.services.rat import budget as rat_budget
from koperasi.services.rat import health as rat_health
from koperasi.services.rat import records as rat_records

D = dt.date(2025, 3, 3)
ADMIN, BENDAHARA, KETUA, PENGAWAS = Role.ADMIN, Role.BENDAHARA, Role.KETUA, Role.PENGAWAS
ALL = {ADMIN, BENDAHARA, KETUA, PENGAWAS}
MONEY = {ADMIN, BENDAHARA}
READ_ALL = {ADMIN, BENDAHARA, PENGAWAS}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("roles") / "template.db"
    db = open_database(path)
    a = SYSTEM
    g1 = groups.create_group(db, a, groups.GroupInput(code="K01", name="Mawar"))
    g2 = groups.create_group(db, a, groups.GroupInput(code="K02", name="Melati"))
    own = members.register_member(db, a, member_input("Siti", 1, group_code="K01"))
    other = members.register_member(db, a, member_input("Rina", 2, group_code="K02"))
    free = members.register_member(db, a, member_input("Dewi", 3, group_code="K01"))
    for m in (own, other, free):
        savings.deposit(db, a, m.number, "POKOK", 300_000, D)
        savings.deposit(db, a, m.number, "SUKARELA", 2_000_000, D)
    tx = savings.deposit(db, a, own.number, "SUKARELA", 10_000, D)
    entry = ledger.add_manual_entry(
        db, a, D, "Listrik", [ledger.Line("5.11", debit=50_000), ledger.Line("1.01", credit=50_000)]
    )
    loan_products.add_product(
        db,
        a,
        loan_products.ProductInput(
            code="UMUM",
            name="Pinjaman Umum",
            method="flat",
            rate=Decimal("1.5"),
            min_amount=500_000,
            max_amount=10_000_000,
            min_term=3,
            max_term=24,
            fee_kind="percent",
            fee_percent=Decimal(1),
            penalty_kind="percent",
            penalty_percent=Decimal("0.1"),
            penalty_per="day",
            limit_multiple=Decimal(5),
        ),
    )
    la = loan_applications.apply(
        db, a, loan_applications.ApplyInput(own.number, "UMUM", 1_000_000, 6, D, "Modal")
    )
    loan_applications.approve(db, a, la.number, D)
    loan_applications.disburse(db, a, la.number, D)
    loan_repayments.repay(db, a, la.number, 100_000, D + dt.timedelta(days=10))
    lb = loan_applications.apply(
        db, a, loan_applications.ApplyInput(other.number, "UMUM", 1_000_000, 6, D, "Modal")
    )
    users.create_first_admin(db, "admin", "kopi-tubruk-77")
    db.dispose()
    ctx = {
        "own": own.number,
        "free": free.number,
        "other": other.number,
        "g1": g1.id,
        "g2": g2.id,
        "tx": tx.id,
        "entry": entry.id,
        "loan": la.number,
        "pending": lb.number,
        "other_loan": lb.number,
    }
    return path, ctx


@pytest.fixture
def copy(template, tmp_path):
    path, ctx = template
    target = tmp_path / "k.db"
    src, dst = sqlite3.connect(path), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    db = open_database(target)
    yield db, ctx
    db.dispose()


L = D + dt.timedelta(days=20)

# name -> (call(db, actor, ctx), roles allowed)
ACTIONS = {
    # members and groups
    "member.register": (
        lambda db, a, c: members.register_member(db, a, member_input("Baru", 9)),
        MONEY,
    ),
    "member.update": (
        lambda db, a, c: members.update_member(
            db, a, c["own"], replace(members_input(db, c["own"]), phone="081234567890")
        ),
        MONEY,
    ),
    "member.exit": (
        lambda db, a, c: member_exit.exit_member(db, a, c["other"], L, "pindah"),
        MONEY,
    ),
    "member.category": (lambda db, a, c: members.add_category(db, a, "X1", "Contoh"), {ADMIN}),
    "group.create": (
        lambda db, a, c: groups.create_group(db, a, groups.GroupInput(code="K09", name="Anggrek")),
        MONEY,
    ),
    "group.update": (
        lambda db, a, c: groups.update_group(db, a, "K01", groups.GroupInput("K01", "Mawar Baru")),
        MONEY,
    ),
    "group.assign": (lambda db, a, c: groups.assign_member(db, a, c["other"], "K01", L), MONEY),
    "group.remove": (lambda db, a, c: groups.remove_member(db, a, c["own"], L), MONEY),
    "group.leader": (lambda db, a, c: groups.set_leader(db, a, "K01", c["own"]), MONEY),
    # savings
    "savings.deposit": (
        lambda db, a, c: savings.deposit(db, a, c["own"], "SUKARELA", 5_000, L),
        MONEY,
    ),
    "savings.withdraw": (
        lambda db, a, c: savings.withdraw(db, a, c["own"], "SUKARELA", 5_000, L),
        MONEY,
    ),
    "savings.reverse": (
        lambda db, a, c: savings.reverse_transaction(db, a, c["tx"], L, "salah input"),
        MONEY,
    ),
    "savings.interest": (
        lambda db, a, c: savings_interest.post_monthly_interest(db, a, 2025, 3),
        MONEY,
    ),
    "savings.product": (
        lambda db, a, c: savings_products.update_product(db, a, "SUKARELA", name="Sukarela"),
        {ADMIN},
    ),
    # ledger and settings
    "journal.add": (
        lambda db, a, c: ledger.add_manual_entry(
            db, a, L, "ATK", [ledger.Line("5.11", debit=9_000), ledger.Line("1.01", credit=9_000)]
        ),
        MONEY,
    ),
    "journal.reverse": (
        lambda db, a, c: ledger.reverse_entry(db, a, c["entry"], L, "salah"),
        MONEY,
    ),
    "account.add": (
        lambda db, a, c: chart_of_accounts.add_account(db, a, "5.19", "Beban lain", "expense"),
        MONEY,
    ),
    "settings.put": (lambda db, a, c: settings.put(db, a, "contoh", 1), {ADMIN}),
    "settings.profile": (
        lambda db, a, c: settings.save_profile(
            db, a, replace(settings.get_profile(db), name="KSP Maju")
        ),
        {ADMIN},
    ),
    # loans
    "loan.apply": (
        lambda db, a, c: loan_applications.apply(
            db, a, loan_applications.ApplyInput(c["free"], "UMUM", 600_000, 3, L, "Modal")
        ),
        MONEY,
    ),
    "loan.approve": (lambda db, a, c: loan_applications.approve(db, a, c["pending"], L), MONEY),
    "loan.reject": (
        lambda db, a, c: loan_applications.reject(db, a, c["pending"], L, "tidak layak"),
        MONEY,
    ),
    "loan.repay": (lambda db, a, c: loan_repayments.repay(db, a, c["loan"], 50_000, L), MONEY),
    "loan.payoff": (lambda db, a, c: loan_repayments.payoff(db, a, c["loan"], L), MONEY),
    "loan.write_off": (
        lambda db, a, c: loan_workout.write_off(db, a, c["loan"], L, "macet"),
        MONEY,
    ),
    "loan.month_end": (
        lambda db, a, c: month_end_run.month_end(db, a, dt.date(2025, 3, 31)),
        MONEY,
    ),
    "loan.group_meeting": (
        lambda db, a, c: group_meeting.post_group_meeting(
            db, a, "K01", L, [(c["own"], 0, 10_000, 0)]
        ),
        MONEY,
    ),
    # users and backups
    "user.add": (
        lambda db, a, c: users.create_user(db, a, "ani", "teh-manis-456", "bendahara"),
        {ADMIN},
    ),
    "user.list": (lambda db, a, c: users.list_users(db, a), {ADMIN}),
    "user.reset": (lambda db, a, c: users.reset_password(db, a, "admin", "baru-sekali-9"), {ADMIN}),
    # a backup holds every NIK, balance and password hash: not for a ketua or a pengawas
    "backup.now": (lambda db, a, c: backup.backup_now(db, a), MONEY),
    "backup.file": (
        lambda db, a, c: backup.backup_file(db, a, db.sqlite_path.parent / "keluar.db"),
        MONEY,
    ),
    "backup.restore": (
        lambda db, a, c: backup.restore(
            db, a, backup.backup_to(db, db.sqlite_path.parent / "b.db")
        ),
        {ADMIN},
    ),
    # reads: everyone for the own group, not a ketua for another group
    "read.members.own": (lambda db, a, c: members.get_member(db, c["own"], actor=a), ALL),
    "read.members.other": (lambda db, a, c: members.get_member(db, c["other"], actor=a), READ_ALL),
    "read.group.own": (lambda db, a, c: groups.group_members(db, "K01", actor=a), ALL),
    "read.group.other": (lambda db, a, c: groups.get_group(db, "K02", actor=a), READ_ALL),
    "read.balances.own": (
        lambda db, a, c: savings_statements.member_balances(db, c["own"], actor=a),
        ALL,
    ),
    "read.balances.other": (
        lambda db, a, c: savings_statements.member_balances(db, c["other"], actor=a),
        READ_ALL,
    ),
    "read.statement.other": (
        lambda db, a, c: savings_statements.statement(db, c["other"], "SUKARELA", D, L, actor=a),
        READ_ALL,
    ),
    "read.wajib.other": (
        lambda db, a, c: savings_arrears.wajib_arrears(db, c["other"], L, actor=a),
        READ_ALL,
    ),
    "read.loan.own": (lambda db, a, c: loan_views.get_loan(db, c["loan"], actor=a), ALL),
    "read.loan.other": (
        lambda db, a, c: loan_views.get_loan(db, c["other_loan"], actor=a),
        READ_ALL,
    ),
    "read.payoff.own": (
        lambda db, a, c: loan_repayments.payoff_quote(db, c["loan"], L, actor=a),
        ALL,
    ),
    "read.meeting.own": (
        lambda db, a, c: group_meeting.group_meeting_dues(db, "K01", L, actor=a),
        ALL,
    ),
    "read.meeting.other": (
        lambda db, a, c: group_meeting.group_meeting_dues(db, "K02", L, actor=a),
        READ_ALL,
    ),
    "read.arrears": (lambda db, a, c: loan_quality.loan_arrears(db, L, actor=a), READ_ALL),
    "read.trial_balance": (lambda db, a, c: trial_balances.trial_balance(db, L, actor=a), READ_ALL),
    "read.journal": (lambda db, a, c: ledger.list_entries(db, actor=a), READ_ALL),
    "read.entry": (lambda db, a, c: ledger.get_entry(db, c["entry"], actor=a), READ_ALL),
    "read.audit": (lambda db, a, c: audit.list_audit(db, actor=a), READ_ALL),
    # the RAT module: the board and the treasurer write, a pengawas reads everything
    "rat.budget": (lambda db, a, c: rat_budget.set_budget(db, a, 2025, {"4.10": 1_000}), MONEY),
    "rat.text": (lambda db, a, c: rat_records.save_text(db, a, 2025, "board", "Laporan."), MONEY),
    "rat.meeting": (
        lambda db, a, c: rat_records.save_meeting(db, a, 2025, rat_records.MeetingInput()),
        MONEY,
    ),
    "rat.officer": (
        lambda db, a, c: rat_records.add_officer(
            db, a, rat_records.OfficerInput("pengurus", "Ketua", "Siti", D)
        ),
        MONEY,
    ),
    "rat.governance": (lambda db, a, c: rat_records.save_answers(db, a, 2025, {}), MONEY),
    "read.rat.budget": (lambda db, a, c: rat_budget.budget_report(db, 2025, actor=a), READ_ALL),
    "read.rat.meeting": (lambda db, a, c: rat_records.get_meeting(db, 2025, actor=a), READ_ALL),
    "read.rat.health": (lambda db, a, c: rat_health.year_rating(db, 2025, actor=a), READ_ALL),
}


def members_input(db, number):
    d = members.get_member(db, number)
    return members.MemberInput(
        name=d.name, nik=d.nik, gender=d.gender, join_date=d.join_date, group_code=d.group_code
    )


def actor_for(role: Role, ctx) -> Actor:
    return Actor(f"u-{role.value}", role, frozenset({ctx["g1"]}) if role == KETUA else frozenset())


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_role_may_do_only_what_it_is_allowed(copy, role, action):
    db, ctx = copy
    call, allowed = ACTIONS[action]
    actor = actor_for(role, ctx)
    if role in allowed:
        call(db, actor, ctx)
    else:
        with pytest.raises(PermissionDenied):
            call(db, actor, ctx)


def test_ketua_lists_only_own_groups(copy):
    db, ctx = copy
    ketua = actor_for(KETUA, ctx)
    assert [m.number for m in members.list_members(db, actor=ketua)] == [ctx["own"], ctx["free"]]
    assert members.count_members(db, actor=ketua) == 2
    assert members.count_members(db, actor=actor_for(PENGAWAS, ctx)) == 3
    assert [g.code for g in groups.list_groups(db, actor=ketua)] == ["K01"]
    assert [ln.number for ln in loan_views.list_loans(db, actor=ketua)] == [ctx["loan"]]
    assert [ln.number for ln in loan_views.member_loans(db, ctx["other"], actor=ketua)] == []
    assert {ln.number for ln in loan_views.list_loans(db)} == {ctx["loan"], ctx["pending"]}
