"""Accounts, passwords, lockout, first-run admin, and the CLI login."""

import datetime as dt

import pytest

from koperasi.cli import main
from koperasi.errors import PermissionDenied, ValidationError
from koperasi.services import audit, users
from koperasi.services.auth import Actor, LoginFailed, Role

PW = "kopi-tubruk-77"


@pytest.fixture
def admin(sqlite_db):
    users.create_first_admin(sqlite_db, "admin", PW)
    return users.authenticate(sqlite_db, "admin", PW)


def test_first_user_must_be_admin_and_needs_no_login(sqlite_db):
    assert users.needs_first_admin(sqlite_db)
    with pytest.raises(ValidationError) as err:
        users.create_user(sqlite_db, None, "ani", PW, "bendahara")
    assert err.value.code == "first_user_admin"
    view = users.create_user(sqlite_db, None, "admin", PW, "admin", "Ibu Admin")
    assert view.role == "admin" and not users.needs_first_admin(sqlite_db)
    # afterwards a login is needed to add users, and only an admin may
    with pytest.raises(LoginFailed):
        users.create_user(sqlite_db, None, "ani", PW, "bendahara")
    with pytest.raises(PermissionDenied):
        users.create_user(sqlite_db, Actor("x", Role.BENDAHARA), "ani", PW, "bendahara")


def test_password_is_hashed_with_argon2_and_checked(sqlite_db, admin):
    from sqlalchemy import select

    from koperasi.db.models import User
    from koperasi.services.uow import read_only

    with read_only(sqlite_db) as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "admin"))
    assert stored.startswith("$argon2id$") and PW not in stored
    assert admin == Actor("admin", Role.ADMIN)
    with pytest.raises(LoginFailed) as err:
        users.authenticate(sqlite_db, "admin", "salah-sekali")
    assert err.value.code == "login_failed"
    with pytest.raises(LoginFailed) as err:
        users.authenticate(sqlite_db, "tidak-ada", PW)
    assert err.value.code == "login_failed"  # same answer for an unknown user


def test_lockout_after_five_failures_for_fifteen_minutes(sqlite_db, admin):
    t0 = dt.datetime(2026, 3, 1, 8, 0)
    for _ in range(4):
        with pytest.raises(LoginFailed) as err:
            users.authenticate(sqlite_db, "admin", "salah", now=t0)
        assert err.value.code == "login_failed"
    with pytest.raises(LoginFailed) as err:
        users.authenticate(sqlite_db, "admin", "salah", now=t0)
    assert err.value.code == "account_locked"
    # even the right password is refused while locked
    with pytest.raises(LoginFailed) as err:
        users.authenticate(sqlite_db, "admin", PW, now=t0 + dt.timedelta(minutes=14))
    assert err.value.code == "account_locked" and err.value.params["minutes"] == 1
    assert users.authenticate(sqlite_db, "admin", PW, now=t0 + dt.timedelta(minutes=15, seconds=1))
    actions = [r.action for r in audit.list_audit(sqlite_db, audit.AuditFilter(action="user."))]
    assert actions.count("user.login_failed") == 4 and actions.count("user.locked") == 1


def test_change_password_and_admin_reset(sqlite_db, admin):
    users.create_user(sqlite_db, admin, "ani", PW, "bendahara")
    ani = users.authenticate(sqlite_db, "ani", PW)
    with pytest.raises(ValidationError) as err:
        users.change_password(sqlite_db, ani, "bukan-lama", "baru-sekali-1")
    assert err.value.code == "password_wrong"
    with pytest.raises(ValidationError) as err:
        users.change_password(sqlite_db, ani, PW, "pendek")
    assert err.value.code == "password_too_short"
    users.change_password(sqlite_db, ani, PW, "baru-sekali-1")
    with pytest.raises(LoginFailed):
        users.authenticate(sqlite_db, "ani", PW)
    assert users.authenticate(sqlite_db, "ani", "baru-sekali-1").role == Role.BENDAHARA
    with pytest.raises(PermissionDenied):
        users.reset_password(sqlite_db, ani, "admin", "apa-saja-123")
    users.reset_password(sqlite_db, admin, "ani", "direset-oleh-admin")
    assert users.authenticate(sqlite_db, "ani", "direset-oleh-admin")


def test_disable_user_and_last_admin_protected(sqlite_db, admin):
    users.create_user(sqlite_db, admin, "ani", PW, "bendahara")
    users.disable_user(sqlite_db, admin, "ani")
    with pytest.raises(LoginFailed) as err:
        users.authenticate(sqlite_db, "ani", PW)
    assert err.value.code == "user_disabled"
    with pytest.raises(ValidationError) as err:
        users.disable_user(sqlite_db, admin, "admin")
    assert err.value.code == "last_admin"
    users.set_active(sqlite_db, admin, "ani", True)
    assert users.authenticate(sqlite_db, "ani", PW).username == "ani"


def test_ketua_gets_group_scope(sqlite_db, admin):
    from koperasi.services import groups

    g = groups.create_group(sqlite_db, admin, groups.GroupInput(code="K01", name="Mawar"))
    with pytest.raises(ValidationError):
        users.create_user(sqlite_db, admin, "siti", PW, "ketua")  # a ketua needs groups
    users.create_user(sqlite_db, admin, "siti", PW, "ketua", group_codes=["K01"])
    siti = users.authenticate(sqlite_db, "siti", PW)
    assert siti.role == Role.KETUA and siti.group_ids == frozenset({g.id})
    assert [v.groups for v in users.list_users(sqlite_db, admin) if v.username == "siti"] == [
        ("K01",)
    ]


@pytest.mark.parametrize("username", ["", "  ", "a b", "x" * 65, "'; DROP TABLE users;--", "ani/x"])
def test_bad_usernames_refused(sqlite_db, username):
    with pytest.raises(ValidationError):
        users.create_user(sqlite_db, None, username, PW, "admin")


# ---------------------------------------------------------------- CLI


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_first_run_admin_then_login_required(capsys, tmp_path, monkeypatch):
    db = str(tmp_path / "k.db")
    monkeypatch.setenv("KOPERASI_NEW_PASSWORD", PW)
    code, out, _ = cli(capsys, "--db", db, "user", "add", "admin", "--role", "admin")
    assert code == 0 and "admin" in out
    # accounts exist now: no --user is a clean error
    code, out, err = cli(capsys, "--db", db, "member", "list")
    assert code == 2 and "--user" in err and "Traceback" not in err and err.count("\n") == 1
    monkeypatch.setenv("KOPERASI_PASSWORD", "salah-salah")
    code, _, err = cli(capsys, "--db", db, "--user", "admin", "member", "list")
    assert code == 2 and "salah" in err
    monkeypatch.setenv("KOPERASI_PASSWORD", PW)
    code, _, _ = cli(capsys, "--db", db, "--user", "admin", "member", "list")
    assert code == 0
    code, _, _ = cli(
        capsys, "--db", db, "--user", "admin", "user", "add", "ani", "--role", "bendahara"
    )
    assert code == 0
    code, out, _ = cli(capsys, "--db", db, "--user", "admin", "user", "list", "--json")
    assert code == 0 and '"ani"' in out
    monkeypatch.setenv("KOPERASI_NEW_PASSWORD", "kata-sandi-baru")
    code, _, _ = cli(capsys, "--db", db, "--user", "ani", "user", "passwd")
    assert code == 0
    monkeypatch.setenv("KOPERASI_PASSWORD", "kata-sandi-baru")
    code, _, err = cli(capsys, "--db", db, "--user", "ani", "user", "disable", "admin")
    assert code == 2 and "ani" in err  # a treasurer may not manage users
    monkeypatch.delenv("KOPERASI_PASSWORD")
    # no password and no terminal: a clean error, not a hanging prompt
    code, _, err = cli(capsys, "--db", db, "--user", "ani", "member", "list")
    assert code == 2 and "KOPERASI_PASSWORD" in err
