"""Issue 22: restoring the books from an audit workbook verifies its signature first, as
``consolidate`` does: an unsigned workbook is refused unless explicitly allowed (then with a
warning), an edited one (sheet hashes recomputed) or one signed with another key is always
refused, with a clear message, and nothing is written."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from helpers import member_input
from openpyxl import load_workbook

from koperasi import signing
from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.exchange import export_auditor, run_import
from koperasi.exchange.canonical import SheetHasher
from koperasi.services import members, savings, settings

D = dt.date(2025, 3, 10)
LEGAL = "518/BH/XVI.3/2019"


@pytest.fixture(autouse=True)
def own_signing_keys(tmp_path, monkeypatch):
    monkeypatch.setenv("KOPERASI_KEYS_DIR", str(tmp_path / "keys"))


@pytest.fixture
def workbook(sqlite_db, actor, tmp_path) -> Path:
    db = sqlite_db
    settings.save_profile(
        db, actor, dataclasses.replace(settings.get_profile(db), legal_number=LEGAL)
    )
    for n in range(2):
        m = members.register_member(db, actor, member_input(f"Anggota {n}", n + 1))
        savings.deposit(db, actor, m.number, "SUKARELA", 100_000 * (n + 1), D)
    return export_auditor(db, tmp_path / "audit.xlsx", actor=actor).path


@pytest.fixture
def target(tmp_path):
    db = open_database(tmp_path / "pulih.db")
    yield db
    db.dispose()


def _edited(src: Path, dst: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    wb = load_workbook(src)
    edit(wb)
    wb.save(dst)
    return dst


def _rehash(path: Path) -> Path:
    """Every sheet's SHA-256 in Info recomputed (the forger's step); the signature kept."""
    ro = load_workbook(path, read_only=True)
    hashes = {}
    for title in ro.sheetnames:
        h = SheetHasher()
        for row in ro[title].iter_rows(values_only=True, min_row=1):
            h.add(row)
        hashes[title] = h.hexdigest()
    ro.close()
    wb = load_workbook(path)
    for r in wb["Info"].iter_rows(min_row=2):
        if isinstance(r[0].value, str) and r[0].value.startswith("sha256:"):
            r[1].value = hashes.get(r[0].value[7:], r[1].value)
    wb.save(path)
    return path


def _drop_signature(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Info"]
    for r in range(ws.max_row, 1, -1):
        if ws.cell(row=r, column=1).value == "signature":
            ws.delete_rows(r)


def _rename_member(wb) -> None:  # type: ignore[no-untyped-def]
    ws = wb["Anggota"]
    col = [c.value for c in ws[1]].index("name") + 1
    ws.cell(row=2, column=col).value = "Nama Palsu"


def _codes(rep) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.code for e in rep.file_errors]


def test_genuine_workbook_restores(workbook, target, actor):
    rep = run_import(target, actor, "audit-workbook", workbook)
    assert rep.committed and not rep.warnings, rep.error_lines()
    assert members.count_members(target) == 2


def test_unsigned_workbook_refused_unless_allowed(workbook, target, actor, tmp_path):
    path = _edited(workbook, tmp_path / "tanpa-ttd.xlsx", _drop_signature)
    rep = run_import(target, actor, "audit-workbook", path)
    assert _codes(rep) == ["workbook_unsigned"] and not rep.committed
    assert "--allow-unsigned" in rep.error_lines("id")[0]
    assert members.count_members(target) == 0
    rep = run_import(target, actor, "audit-workbook", path, allow_unsigned=True)
    assert rep.committed, rep.error_lines()
    assert [w.code for w in rep.warnings] == ["workbook_unsigned_allowed"]
    assert "keasliannya tidak terjamin" in rep.summary("id")


def test_edited_workbook_with_hashes_recomputed_is_refused(workbook, target, actor, tmp_path):
    path = _rehash(_edited(workbook, tmp_path / "ubah.xlsx", _rename_member))
    for allow in (False, True):  # allowing unsigned workbooks does not let a bad one through
        rep = run_import(target, actor, "audit-workbook", path, allow_unsigned=allow)
        assert _codes(rep) == ["workbook_signature_invalid"] and not rep.committed
    assert "diubah setelah diekspor" in rep.error_lines("id")[0]
    assert members.count_members(target) == 0


def test_resigned_with_another_key_is_refused(workbook, target, actor, tmp_path):
    from koperasi.exchange.consolidation_read import read_info_sheet
    from koperasi.exchange.xlsxin import Workbook

    forger = signing.load_or_create("forger")  # not the cooperative's key
    path = _rehash(_edited(workbook, tmp_path / "palsu.xlsx", _rename_member))
    wb = load_workbook(path)
    for r in wb["Info"].iter_rows(min_row=2):
        if r[0].value == "signature_public_key":
            r[1].value = forger.public
        if r[0].value == "signature_key_fingerprint":
            r[1].value = forger.fingerprint
    wb.save(path)
    with Workbook(path) as ro:
        _info, digest, _sig = read_info_sheet(ro)
    wb = load_workbook(path)
    for r in wb["Info"].iter_rows(min_row=2):
        if r[0].value == "signature":
            r[1].value = forger.sign(signing.signed_message(digest))
    wb.save(path)
    rep = run_import(target, actor, "audit-workbook", path)
    assert _codes(rep) == ["workbook_other_key"], rep.error_lines()
    msg = rep.error_lines("en")[0]
    assert forger.fingerprint in msg and LEGAL in msg
    assert members.count_members(target) == 0


def test_on_a_pc_without_the_key(workbook, target, actor, tmp_path, monkeypatch):
    genuine = signing.load_or_create(LEGAL)
    monkeypatch.setenv("KOPERASI_KEYS_DIR", str(tmp_path / "new-pc"))
    # a register that does not name the cooperative: refused
    rep = run_import(target, actor, "audit-workbook", workbook, keys={"999/BH": genuine.public})
    assert _codes(rep) == ["workbook_key_unknown"]
    # no key known at all: the signature is checked with the key the workbook carries and
    # the restore says whose it is
    rep = run_import(target, actor, "audit-workbook", workbook, dry_run=True)
    assert not rep.file_errors and [w.code for w in rep.warnings] == ["workbook_key_unverified"]
    assert genuine.fingerprint in rep.summary("en")
    # the programme's register naming it: restored without a warning
    rep = run_import(target, actor, "audit-workbook", workbook, keys={LEGAL: genuine.public})
    assert rep.committed and not rep.warnings, rep.error_lines()


def test_cli_import_audit_workbook_signature(workbook, target, tmp_path, capsys):
    path = _edited(workbook, tmp_path / "tanpa-ttd.xlsx", _drop_signature)
    db = str(target.sqlite_path)
    assert main(["--db", db, "import", "audit-workbook", str(path)]) == 2
    assert "tidak ditandatangani" in capsys.readouterr().err
    assert main(["--db", db, "import", "audit-workbook", str(path), "--allow-unsigned"]) == 0
    out = capsys.readouterr().out
    assert "--allow-unsigned" in out and "disimpan: " in out
