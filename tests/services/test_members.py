import datetime as dt

import pytest
from helpers import member_input, nik

from koperasi.errors import NotFound, ValidationError
from koperasi.services import groups, member_exit, members, savings, savings_statements
from koperasi.services.groups import GroupInput


def test_register_assigns_number_opens_accounts_and_joins_group(db, actor):
    groups.create_group(
        db, actor, GroupInput("K01", "Kelompok Mawar", 2, "Rumah Bu Siti", "Manggar")
    )
    m = members.register_member(
        db, actor, member_input(group_code="K01", categories=("pkk", "pinggiran"))
    )
    assert m.number == "A00001"
    assert m.group_code == "K01"
    assert m.categories == ("pinggiran", "pkk")
    products = {b.product_code for b in savings_statements.member_balances(db, m.number)}
    assert products == {"POKOK", "WAJIB", "SUKARELA"}
    m2 = members.register_member(db, actor, member_input("Budi Santoso", female=False))
    assert m2.number == "A00002"
    assert groups.get_group(db, "K01").member_count == 1


@pytest.mark.parametrize(
    "bad,code",
    [
        ("123", "nik_format"),
        ("64710455058500012", "nik_format"),
        ("6471043505850001", "nik_invalid"),
        ("6471041513850001", "nik_invalid"),
        ("abcdefghijklmnop", "nik_format"),
    ],
)
def test_bad_nik_is_refused_and_names_the_field(db, actor, bad, code):
    with pytest.raises(ValidationError) as err:
        members.register_member(
            db,
            actor,
            member_input(nik=None)
            if False
            else members.MemberInput(name="X", nik=bad, gender="P", join_date=dt.date(2025, 1, 1)),
        )
    assert err.value.field == "nik" and err.value.code == code
    assert "NIK" in err.value.message("id")
    assert members.count_members(db) == 0


def test_duplicate_nik_is_refused_and_nothing_written(db, actor):
    members.register_member(db, actor, member_input(n=7))
    with pytest.raises(ValidationError) as err:
        members.register_member(db, actor, member_input("Orang Lain", n=7))
    assert err.value.field == "nik" and err.value.code == "duplicate"
    assert "sudah dipakai" in err.value.message("id")
    assert members.count_members(db) == 1


def test_join_date_in_future_and_unknown_category_refused(db, actor):
    with pytest.raises(ValidationError) as err:
        members.register_member(
            db, actor, member_input(join=dt.date.today() + dt.timedelta(days=3))
        )
    assert err.value.field == "join_date"
    with pytest.raises(ValidationError) as err:
        members.register_member(db, actor, member_input(categories=("tidak-ada",)))
    assert err.value.field == "category"
    assert members.count_members(db) == 0


def test_search_and_keyset_paging(db, actor):
    names = ["Siti Aminah", "Sri Wahyuni", "Budi Santoso", "Rahmat Hidayat", "Siti Fatimah"]
    for i, name in enumerate(names, start=1):
        members.register_member(db, actor, member_input(name, n=100 + i, phone=f"08123456{i:04d}"))
    assert {r.name for r in members.list_members(db, search="siti")} == {
        "Siti Aminah",
        "Siti Fatimah",
    }
    assert [r.number for r in members.list_members(db, search="A00003")] == ["A00003"]
    assert [r.number for r in members.list_members(db, search="a00003")] == ["A00003"]
    # prefixes: a NIK or phone beginning, a number beginning (every A0000x)
    assert [r.name for r in members.list_members(db, search=nik(104)[:12])] == names
    assert [r.name for r in members.list_members(db, search="08123456000")] == names
    assert len(members.list_members(db, search="A0000")) == 5
    assert [r.name for r in members.list_members(db, search=nik(104))] == ["Rahmat Hidayat"]
    assert [r.name for r in members.list_members(db, search="081234560002")] == ["Sri Wahyuni"]
    assert members.count_members(db, search="siti") == 2
    page1 = members.list_members(db, limit=2, sort="name")
    page2 = members.list_members(
        db, limit=2, sort="name", after=members.sort_key(page1[-1], "name")
    )
    page3 = members.list_members(
        db, limit=2, sort="name", after=members.sort_key(page2[-1], "name")
    )
    got = [r.name for r in page1 + page2 + page3]
    assert got == sorted(names, key=str.lower)


def test_update_member_keeps_history_in_audit(db, actor):
    m = members.register_member(db, actor, member_input())
    changed = members.update_member(
        db,
        actor,
        m.number,
        m.as_input().__class__(
            **{**m.as_input().__dict__, "phone": "081299998888", "name": "Siti  Aminah Said"}
        ),
    )
    assert changed.phone == "081299998888" and changed.name == "Siti Aminah Said"
    with pytest.raises(NotFound):
        members.get_member(db, "A99999")


def test_group_history_and_leader_rule(db, actor):
    groups.create_group(db, actor, GroupInput("K01", "Kelompok Mawar", 0))
    groups.create_group(db, actor, GroupInput("K02", "Kelompok Melati", 3))
    m = members.register_member(db, actor, member_input(group_code="K01"))
    other = members.register_member(db, actor, member_input("Budi", female=False))
    with pytest.raises(ValidationError) as err:
        groups.set_leader(db, actor, "K01", other.number)
    assert err.value.field == "leader"
    groups.set_leader(db, actor, "K01", m.number)
    groups.assign_member(db, actor, m.number, "K02", dt.date(2025, 6, 1))
    assert groups.get_group(db, "K01").leader_number is None  # leader left the group
    past = groups.group_members(db, "K01", include_past=True)
    assert past[0].left_on == dt.date(2025, 6, 1)
    assert [r.number for r in groups.group_members(db, "K02")] == [m.number]


def test_exit_pays_out_all_savings(db, actor):
    m = members.register_member(db, actor, member_input())
    d = dt.date(2025, 2, 1)
    savings.deposit(db, actor, m.number, "POKOK", 300_000, d)
    savings.deposit(db, actor, m.number, "WAJIB", 100_000, d)
    savings.deposit(db, actor, m.number, "SUKARELA", 75_000, d)
    r = member_exit.exit_member(db, actor, m.number, dt.date(2025, 3, 1), "Pindah ke Samarinda")
    assert r.returned == 475_000
    assert r.member.status == "keluar"
    assert all(b.balance == 0 for b in savings_statements.member_balances(db, m.number))
    with pytest.raises(ValidationError) as err:
        savings.deposit(db, actor, m.number, "WAJIB", 50_000, dt.date(2025, 3, 2))
    assert err.value.code == "member_not_active"
