"""Messages to members on SQLite and PostgreSQL: a constructed set of due dates, arrears,
deposits and an RAT gives the right members with the right amounts and valid WhatsApp links;
members without consent or opted out are left out; marking sent logs who and when; the
gateway export; templates and roles."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from urllib.parse import parse_qs, unquote, urlparse

import pandas as pd
import pytest
from helpers import member_input
from openpyxl import load_workbook

from koperasi.errors import PermissionDenied, ValidationError
from koperasi.services import groups, members, message_list, message_log, message_templates, savings
from koperasi.services import member_messages as mm
from koperasi.services.auth import Actor, Role
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import core as loan_core
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import views as loan_views
from koperasi.services.rat import records

D = dt.date
JAN6 = D(2025, 1, 6)
PENGAWAS = Actor("pak-awas", Role.PENGAWAS)


def _product(db, actor):  # type: ignore[no-untyped-def]
    return add_product(
        db,
        actor,
        ProductInput(
            code="BLN",
            name="Bulanan",
            method="flat",
            rate=Decimal(1),
            rate_per="month",
            min_amount=500_000,
            max_amount=20_000_000,
            min_term=3,
            max_term=24,
        ),
    )


def _loan(db, actor, member_no, amount, day):  # type: ignore[no-untyped-def]
    d = loan_applications.apply(
        db, actor, loan_applications.ApplyInput(member_no, "BLN", amount, 10, day, "Modal")
    )
    loan_applications.approve(db, actor, d.number, day)
    loan_applications.disburse(db, actor, d.number, day)
    return loan_views.get_loan(db, d.number)


@pytest.fixture
def town(db, actor):  # type: ignore[no-untyped-def]
    """Five members of K001 with phones in every common spelling (one a landline), loans:
    A due in 2 days, B in arrears, E (no consent) in arrears; C opted out with a loan due."""
    _product(db, actor)
    g = groups.create_group(db, actor, groups.GroupInput("K001", "Kelompok Mawar", meeting_day=2))
    phones = ["0812-3456-7890", "+62 813 1111 2222", "6285712345678", "021-5551234", "08199999"]
    out = []
    for i, phone in enumerate(phones):
        m = members.register_member(
            db,
            actor,
            member_input(
                name=f"Ibu {'ABCDE'[i]}", n=200 + i, join=JAN6, group_code=g.code, phone=phone
            ),
        )
        savings.deposit(db, actor, m.number, "POKOK", 300_000, JAN6)
        out.append(m)
    a, b, c, d, e = out
    # loans disbursed 1 March 2025: monthly installments on the 1st from April
    la = _loan(db, actor, a.number, 1_000_000, D(2025, 3, 1))
    lb = _loan(db, actor, b.number, 2_000_000, D(2025, 3, 1))
    lc = _loan(db, actor, c.number, 1_000_000, D(2025, 3, 1))
    _loan(db, actor, e.number, 1_000_000, D(2025, 3, 1))
    # A pays April and May; B pays nothing
    for inst in la.schedule[:2]:
        loan_repayments.repay(db, actor, la.number, inst.total, inst.due_date)
    for m in (a, b, c, d):
        mm.set_consent(db, actor, m.number, consent=True, on=JAN6)
    mm.set_consent(db, actor, c.number, opted_out=True, on=D(2025, 2, 1))
    return {"members": out, "loans": (la, lb, lc)}


def _check_link(item: message_list.MessageItem) -> None:
    url = urlparse(item.link)
    assert url.scheme == "https" and url.netloc == "wa.me"
    assert url.path == "/" + item.phone and item.phone.startswith("628")
    assert unquote(parse_qs(url.query)["text"][0]) == item.text


def test_daily_list_due_and_arrears(db, actor, town):  # type: ignore[no-untyped-def]
    a, b, c, d, e = town["members"]
    la, lb, lc = town["loans"]
    day = D(2025, 5, 30)  # A's June installment falls due in 2 days; B is two months late
    lst = message_list.daily_list(db, day, actor)
    by = {(i.member_number, i.kind): i for i in lst.items}
    assert set(by) == {
        (a.number, "jatuh_tempo"),
        (b.number, "jatuh_tempo"),
        (b.number, "tunggakan"),
    }
    due_a = by[a.number, "jatuh_tempo"]
    assert due_a.amount == la.schedule[2].total and due_a.ref == f"{la.number}/3"
    assert "Rp" in due_a.text and "1 Juni 2025" in due_a.text and "Ibu A" in due_a.text
    late_b = by[b.number, "tunggakan"]
    dues_b = loan_core.loan_dues  # the arrears the loan screens compute, penalty included
    from sqlalchemy import select

    from koperasi.db.models import Loan
    from koperasi.services.uow import read_only

    with read_only(db) as s:
        loan_b = s.scalars(select(Loan).where(Loan.number == lb.number)).one()
        expected = sum(
            x.principal + x.interest + x.fee + x.penalty
            for x in dues_b(s, loan_b, day)
            if x.due_date < day
        )
    assert late_b.amount == expected == sum(i.total for i in lb.schedule[:2])
    assert late_b.ref == f"{lb.number}/1" and "59 hari" in late_b.text
    for item in (due_a, late_b):
        _check_link(item)
    # the opted-out (C) and the member without consent (E) are left out, and counted
    assert lst.skipped_opted_out == 1 and lst.skipped_no_consent == 1
    assert c.number not in {i.member_number for i in lst.items}
    assert e.number not in {i.member_number for i in lst.items}
    # three days before: nothing due yet for A within the window of 3 days? 1 June - 29 May = 3
    assert {
        (i.member_number, i.kind) for i in message_list.daily_list(db, D(2025, 5, 28), actor).items
    } == {(b.number, "tunggakan")}
    assert {i.kind for i in message_list.daily_list(db, D(2025, 5, 29), actor).items} == {
        "jatuh_tempo",
        "tunggakan",
    }


def test_deposit_rat_invalid_phone_and_consent_changes(db, actor, town):  # type: ignore[no-untyped-def]
    a, b, c, d, e = town["members"]
    day = D(2025, 6, 10)
    savings.deposit(db, actor, a.number, "SUKARELA", 75_000, day)
    savings.deposit(db, actor, d.number, "SUKARELA", 40_000, day)  # D: a landline
    savings.deposit(db, actor, c.number, "SUKARELA", 10_000, day)  # opted out
    lst = message_list.daily_list(db, day, actor, kinds=["setoran"])
    assert [(i.member_number, i.amount) for i in lst.items] == [
        (a.number, 75_000),
        (d.number, 40_000),
    ]
    item_a, item_d = lst.items
    assert "Rp75.000" in item_a.text and "Saldo" in item_a.text
    _check_link(item_a)
    assert item_d.phone_problem == "bukan_hp" and item_d.link == "" and lst.invalid == (item_d,)
    # RAT invitation: refused until the RAT's date is recorded, then every consenting member
    with pytest.raises(ValidationError):
        message_list.daily_list(db, day, actor, kinds=["rat"], rat_year=2025)
    records.save_meeting(
        db, actor, 2025, records.MeetingInput(held_on=D(2026, 3, 14), place="Balai Desa Mawar")
    )
    rat = message_list.daily_list(db, day, actor, kinds=["rat"], rat_year=2025)
    assert [i.member_number for i in rat.items] == [a.number, b.number, d.number]
    assert "14 Maret 2026" in rat.items[0].text and "Balai Desa Mawar" in rat.items[0].text
    # A opts out; E gives consent
    mm.set_consent(db, actor, a.number, opted_out=True, on=day)
    mm.set_consent(db, actor, e.number, consent=True, on=day)
    rat = message_list.daily_list(db, day, actor, kinds=["rat"], rat_year=2025)
    assert [i.member_number for i in rat.items] == [b.number, d.number, e.number]
    assert rat.items[-1].phone_problem == "panjang"  # 08199999 is too short


def test_mark_sent_log_and_export(db, actor, town, tmp_path):  # type: ignore[no-untyped-def]
    a, b, *_ = town["members"]
    day = D(2025, 5, 30)
    lst = message_list.daily_list(db, day, actor)
    keys = [i.key for i in lst.items if i.member_number == b.number]
    sent = message_log.mark_sent(db, actor, day, keys, "whatsapp")
    assert len(sent) == 2 and all(i.sent_by == actor.username for i in sent)
    again = message_list.daily_list(db, day, actor)
    assert {i.member_number for i in again.pending} == {a.number}
    with pytest.raises(ValidationError):  # never twice
        message_log.mark_sent(db, actor, day, keys[:1])
    log = message_log.sent_log(db, actor)
    assert {(r.member_number, r.kind) for r in log} == {
        (b.number, "jatuh_tempo"),
        (b.number, "tunggakan"),
    }
    assert all(r.text and r.phone == "6281311112222" for r in log)
    # the gateway files hold only what is still to be sent, numbers as text
    n = message_log.export_list(again.items, tmp_path / "pesan.csv")
    rows = list(csv.DictReader((tmp_path / "pesan.csv").open(encoding="utf-8")))
    assert n == 1 and rows[0]["phone"] == "6281234567890" and rows[0]["member_number"] == a.number
    message_log.export_list(again.items, tmp_path / "pesan.xlsx")
    ws = load_workbook(tmp_path / "pesan.xlsx").active
    assert ws["A2"].value == "6281234567890" and ws["B2"].value == rows[0]["message"]
    df = pd.read_excel(tmp_path / "pesan.xlsx", dtype={"phone": str})
    assert list(df["phone"]) == ["6281234567890"] and df.loc[0, "amount"] == again.pending[0].amount
    with pytest.raises(ValidationError):
        message_log.export_list(again.items, tmp_path / "pesan.txt")


def test_templates_and_roles(db, actor, town):  # type: ignore[no-untyped-def]
    a, b, *_ = town["members"]
    with pytest.raises(ValidationError) as e:
        message_templates.save_template(db, actor, "tunggakan", "Halo {nama}, bayar {saldo}")
    assert "{saldo}" in e.value.message("id")
    with pytest.raises(ValidationError):
        message_templates.save_template(db, actor, "tunggakan", "Halo {nama")
    message_templates.save_template(
        db, actor, "jatuh_tempo", "Ibu {nama}: {jumlah} pada {tanggal}.", days_before=5
    )
    lst = message_list.daily_list(db, D(2025, 5, 27), actor, kinds=["jatuh_tempo"])
    assert [i.member_number for i in lst.items] == [a.number, b.number]  # 5 days ahead now
    assert lst.items[0].text.startswith("Ibu Ibu A: Rp")
    assert message_templates.reset_template(db, actor, "jatuh_tempo").customised is False
    # pengawas reads but changes nothing; a ketua messages only their own groups
    assert message_list.daily_list(db, D(2025, 5, 30), PENGAWAS).items
    for call in (
        lambda: message_templates.save_template(db, PENGAWAS, "rat", "x {nama}"),
        lambda: mm.set_consent(db, PENGAWAS, a.number, consent=False),
        lambda: message_log.mark_sent(
            db, PENGAWAS, D(2025, 5, 30), [(a.number, "jatuh_tempo", "x")]
        ),
    ):
        with pytest.raises(PermissionDenied):
            call()
    stranger = Actor("ketua-lain", Role.KETUA, frozenset({999}))
    assert message_list.daily_list(db, D(2025, 5, 30), stranger).items == ()
    own = Actor("ketua-mawar", Role.KETUA, frozenset({groups.get_group(db, "K001").id}))
    lst = message_list.daily_list(db, D(2025, 5, 30), own)
    assert (
        message_log.mark_sent(db, own, D(2025, 5, 30), [lst.items[0].key])[0].sent_by
        == "ketua-mawar"
    )


def test_demo_has_consent_opt_outs_and_a_sent_log(demo_db):  # type: ignore[no-untyped-def]
    people = mm.consents(demo_db)
    assert sum(c.may_message for c in people) > len(people) // 2
    assert any(c.opted_out for c in people) and any(not c.consent for c in people)
    log = message_log.sent_log(demo_db)
    assert 5 <= len(log) <= 24 and {r.sent_by for r in log} == {"bendahara"}
    assert all(r.phone.startswith("628") and r.text for r in log)
