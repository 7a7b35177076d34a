"""Issue 22, authority: what the hostile test found and must stay fixed.

A ketua kelompok or a pengawas could run ``backup -o FILE`` and walk away with every NIK,
balance and password hash; "12345678" was accepted as an administrator's password; ``admin_w``
and ``ADMIN_W`` could both exist."""

from __future__ import annotations

import pytest

from koperasi.cli import main
from koperasi.errors import PermissionDenied, ValidationError
from koperasi.services import backup, users
from koperasi.services.auth import Actor, Role

ADMIN_PW = "kopi-tubruk-77"


@pytest.fixture
def books(sqlite_db):
    users.create_first_admin(sqlite_db, "admin_w", ADMIN_PW)
    admin = Actor("admin_w", Role.ADMIN)
    users.create_user(sqlite_db, admin, "budi", "awas-buku-41", "pengawas")
    users.create_user(sqlite_db, admin, "sri", "kas-harian-42", "bendahara")
    return sqlite_db


@pytest.mark.parametrize("role", [Role.KETUA, Role.PENGAWAS])
def test_ketua_and_pengawas_cannot_back_up(books, tmp_path, role):
    actor = Actor("x", role, frozenset({1}))
    with pytest.raises(PermissionDenied):
        backup.backup_now(books, actor, tmp_path / "usb")
    with pytest.raises(PermissionDenied):
        backup.backup_file(books, actor, tmp_path / "bawa-pulang.db")
    assert not (tmp_path / "usb").exists() and not (tmp_path / "bawa-pulang.db").exists()


@pytest.mark.parametrize("role", [Role.ADMIN, Role.BENDAHARA])
def test_administrator_and_treasurer_can_back_up(books, tmp_path, role):
    path = backup.backup_file(books, Actor("x", role), tmp_path / "cadangan.db")
    assert path.is_file()


def test_cli_backup_by_a_pengawas_is_refused(books, tmp_path, capsys, monkeypatch):
    db = str(books.sqlite_path)
    books.dispose()
    target = tmp_path / "semua-nik.db"
    monkeypatch.setenv("KOPERASI_PASSWORD", "awas-buku-41")
    code = main(["--db", db, "--user", "budi", "backup", "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 2 and not target.exists()
    assert err.count("\n") == 1 and "Traceback" not in err
    monkeypatch.setenv("KOPERASI_PASSWORD", "kas-harian-42")
    assert main(["--db", db, "--user", "sri", "backup", "-o", str(target)]) == 0
    assert target.is_file()


@pytest.mark.parametrize(
    "password",
    [
        "12345678",
        "87654321",
        "password",
        "Password1",
        "qwertyuiop",
        "aaaaaaaaaa",
        "abcdefgh",
        "admin123",
        "koperasi2026",
        "Rahasia-123",
        "１２３４５６７８",
        "123123123",
    ],
)
def test_common_and_sequence_passwords_are_refused(sqlite_db, password):
    with pytest.raises(ValidationError) as e:
        users.create_first_admin(sqlite_db, "ketua_pengurus", password)
    assert e.value.code == "password_common"
    assert users.needs_first_admin(sqlite_db)


@pytest.mark.parametrize(
    "password", ["ketua_pengurus", "KETUA_PENGURUS", "ketua_pengurus2026", "surugnep_auteK"]
)
def test_password_that_is_the_user_name_is_refused(sqlite_db, password):
    with pytest.raises(ValidationError) as e:
        users.create_first_admin(sqlite_db, "ketua_pengurus", password)
    assert e.value.code == "password_is_username"


def test_password_rules_apply_to_change_and_reset(books):
    admin = Actor("admin_w", Role.ADMIN)
    with pytest.raises(ValidationError) as e:
        users.reset_password(books, admin, "sri", "12345678")
    assert e.value.code == "password_common"
    with pytest.raises(ValidationError) as e:
        users.change_password(books, Actor("sri", Role.BENDAHARA), "kas-harian-42", "sri12345")
    assert e.value.code == "password_is_username"
    users.change_password(books, Actor("sri", Role.BENDAHARA), "kas-harian-42", "Pisang goreng 3")


@pytest.mark.parametrize("other", ["ADMIN_W", "Admin_W", "ａｄｍｉｎ_ｗ"])
def test_user_names_are_unique_without_regard_to_case(books, other):
    admin = Actor("admin_w", Role.ADMIN)
    with pytest.raises(ValidationError) as e:
        users.create_user(books, admin, other, "lain-sekali-88", "bendahara")
    assert e.value.code == "duplicate" and e.value.field == "username"
    names = [u.username for u in users.list_users(books)]
    assert names == ["admin_w", "budi", "sri"]


def test_login_with_other_casing_finds_the_one_account(books):
    actor = users.authenticate(books, "SRI", "kas-harian-42")
    assert actor.username == "sri" and actor.role == Role.BENDAHARA
