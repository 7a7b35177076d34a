"""Signed audit workbooks (issue 22, item 2): each cooperative signs its audit workbook
with its Ed25519 key (a key file outside the database); ``consolidate`` accepts only
workbooks signed by the key the programme registered for the cooperative, and refuses
duplicates, edited, unsigned and unknown-key workbooks, naming the file and the reason."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import sqlite3
import stat

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from openpyxl import load_workbook

from koperasi import signing
from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.exchange import consolidate, export_auditor
from koperasi.exchange.canonical import sheet_digest
from koperasi.exchange.consolidation_read import read_cooperative
from koperasi.services import settings
from koperasi.services.auth import SYSTEM

TO = dt.date(2026, 10, 31)


def _export_as(source, folder, legal_number, name, key=None):  # type: ignore[no-untyped-def]
    """The demo books exported as cooperative ``legal_number`` (a copy of the database)."""
    db_path = folder / f"{legal_number}.db"
    src, dst = sqlite3.connect(source), sqlite3.connect(db_path)
    src.backup(dst)
    src.close()
    dst.close()
    db = open_database(db_path)
    try:
        profile = settings.get_profile(db)
        settings.save_profile(
            db, SYSTEM, dataclasses.replace(profile, legal_number=legal_number, name=name)
        )
        out = folder / f"{legal_number}.xlsx"
        export_auditor(db, out, date_to=TO, key=key)
    finally:
        db.dispose()
    return out


@pytest.fixture(scope="module")
def coops(small_demo_db_path, tmp_path_factory):
    """Two genuine cooperatives' workbooks, signed with their key files, and the register."""
    folder = tmp_path_factory.mktemp("signed")
    a = _export_as(small_demo_db_path, folder, "AHU-0001.AH.01", "KSP Mawar")
    b = _export_as(small_demo_db_path, folder, "AHU-0002.AH.01", "KSP Melati")
    register = folder / "kunci.txt"
    lines = ["# register of the programme", ""]
    for legal in ("AHU-0001.AH.01", "AHU-0002.AH.01"):
        key = signing.load_or_create(legal)
        lines.append(signing.register_line(legal, key.public, "name with # and spaces"))
    register.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return a, b, register, signing.read_register(register)


def _reasons(result):  # type: ignore[no-untyped-def]
    return {os.path.basename(c.path): (c.status, " ".join(c.problems("en"))) for c in result.failed}


def test_key_file_outside_the_database_and_private(coops):
    key = signing.load_or_create("AHU-0001.AH.01")
    assert key.path.parent == signing.keys_dir()
    assert stat.S_IMODE(key.path.stat().st_mode) == 0o600
    assert key.path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    again = signing.load_or_create("AHU-0001.AH.01")
    assert again.public == key.public and not again.created
    assert key.fingerprint.startswith("SHA256:") and len(key.fingerprint) == 7 + 39


def test_the_workbook_carries_the_signature(coops):
    a, _b, _reg, keys = coops
    info = {
        r[0]: r[1] for r in load_workbook(a, read_only=True)["Info"].iter_rows(values_only=True)
    }
    assert info["signature_algorithm"] == "ed25519"
    assert info["signature_public_key"] == keys["AHU-0001.AH.01"]
    assert info["signature_key_fingerprint"] == signing.fingerprint(keys["AHU-0001.AH.01"])
    assert len(info["signature"]) == 88  # 64 bytes, base64


def test_genuine_workbooks_accepted_and_summed(coops, tmp_path):
    a, b, _reg, keys = coops
    result = consolidate([a, b], tmp_path / "p.xlsx", keys=keys)
    assert [c.status for c in result.cooperatives] == ["ok", "ok"]
    assert all(c.signed for c in result.cooperatives)
    one = read_cooperative(a, keys)
    book = load_workbook(tmp_path / "p.xlsx")
    per = list(book["Per koperasi"].values)
    assert len(per) == 4  # header, two cooperatives, total
    assert per[-1][2] == 2 * one.members and per[-1][6] == 2 * one.savings


def test_excel_style_resave_still_verifies(coops, tmp_path):
    """Saving the workbook again unchanged (new file bytes) keeps the signature valid."""
    a, _b, _reg, keys = coops
    resaved = tmp_path / "resaved.xlsx"
    load_workbook(a).save(resaved)
    assert resaved.read_bytes() != a.read_bytes()
    coop = read_cooperative(resaved, keys)
    assert coop.ok and coop.signed, coop.problems("en")


def test_duplicates_refused(coops, tmp_path):
    a, b, _reg, keys = coops
    copy = tmp_path / "copy-of-a.xlsx"
    shutil.copy(a, copy)
    resaved = tmp_path / "a-resaved.xlsx"
    load_workbook(a).save(resaved)  # same cooperative and period, other bytes
    result = consolidate([a, b, a, copy, resaved], tmp_path / "p.xlsx", keys=keys)
    assert [c.status for c in result.cooperatives] == ["ok", "ok", *["duplicate"] * 3]
    reasons = [" ".join(c.problems("en")) for c in result.cooperatives[2:]]
    assert "this file was given twice" in reasons[0]
    assert "same file as AHU-0001.AH.01.xlsx" in reasons[1]
    assert "same cooperative and period as AHU-0001.AH.01.xlsx" in reasons[2]
    assert len(result.passed) == 2


def test_same_cooperative_other_period_refused(coops, small_demo_db_path, tmp_path):
    a, _b, _reg, keys = coops
    # the same cooperative's workbook for an earlier period
    src = a.parent / "AHU-0001.AH.01.db"
    other = tmp_path / "earlier.xlsx"
    db = open_database(src)
    try:
        export_auditor(db, other, date_to=dt.date(2026, 6, 30))
    finally:
        db.dispose()
    result = consolidate([a, other], tmp_path / "p.xlsx", keys=keys)
    assert result.cooperatives[1].status == "duplicate"
    assert "another period" in " ".join(result.cooperatives[1].problems("en"))


def _edit(src, dst, recompute: bool):  # type: ignore[no-untyped-def]
    """One changed cell: a man in Anggota becomes a woman (more women reached, and no
    cross-check between sheets can see it); with ``recompute`` the sheet's SHA-256 in the
    Info sheet is recomputed as a forger would."""
    wb = load_workbook(src)
    ws = wb["Anggota"]
    col = [c.value for c in ws[1]].index("gender") + 1
    man = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col).value == "L")
    ws.cell(man, col).value = "P"
    if recompute:
        digest, _n = sheet_digest(ws.iter_rows(values_only=True))
        for row in wb["Info"].iter_rows():
            if row[0].value == "sha256:Anggota":
                assert row[1].value != digest
                row[1].value = digest
    wb.save(dst)


def test_edited_workbook_refused_even_with_hash_recomputed(coops, tmp_path):
    a, b, _reg, keys = coops
    forged, naive = tmp_path / "forged.xlsx", tmp_path / "naive.xlsx"
    _edit(a, forged, recompute=True)
    _edit(a, naive, recompute=False)
    # the forger's recomputed hash is right: without the signature check it would pass
    assert read_cooperative(forged).ok
    assert read_cooperative(forged).women == read_cooperative(a).women + 1
    result = consolidate([forged, naive, b, a], tmp_path / "p.xlsx", keys=keys)
    reasons = _reasons(result)
    assert reasons["forged.xlsx"][0] == "signature_invalid"
    assert "changed after it was exported" in reasons["forged.xlsx"][1]
    assert "SHA-256 does not match" in reasons["naive.xlsx"][1]
    # the genuine original after the edited copies is accepted, not called a duplicate
    assert [c.ok for c in result.cooperatives] == [False, False, True, True]


def test_resigned_with_another_key_is_an_unknown_key(coops, tmp_path):
    a, _b, _reg, keys = coops
    wb = load_workbook(a)
    ws = wb["Rekening Simpanan"]
    ws["L3"] = ws["L3"].value + 5
    digest, _n = sheet_digest(ws.iter_rows(values_only=True))
    mallory = signing.CoopKey(Ed25519PrivateKey.generate(), tmp_path / "m.key")
    info = wb["Info"]
    rows = list(info.iter_rows())
    for row in rows:
        if row[0].value == "sha256:Rekening Simpanan":
            row[1].value = digest
        elif row[0].value == "signature_public_key":
            row[1].value = mallory.public
        elif row[0].value == "signature_key_fingerprint":
            row[1].value = mallory.fingerprint
    signed_rows = [(r[0].value, r[1].value) for r in rows if r[0].value != "signature"]
    info_digest, _n = sheet_digest(signed_rows)
    for row in rows:
        if row[0].value == "signature":
            row[1].value = mallory.sign(signing.signed_message(info_digest))
    wb.save(tmp_path / "resigned.xlsx")
    coop = read_cooperative(tmp_path / "resigned.xlsx", keys)
    assert coop.status == "unknown_key", coop.problems("en")
    assert mallory.fingerprint in " ".join(coop.problems("en"))


def test_unknown_cooperative_refused(coops, tmp_path):
    a, b, _reg, keys = coops
    only_a = {"AHU-0001.AH.01": keys["AHU-0001.AH.01"]}
    result = consolidate([a, b], tmp_path / "p.xlsx", keys=only_a)
    reasons = _reasons(result)
    assert reasons["AHU-0002.AH.01.xlsx"][0] == "unknown_key"
    assert "'AHU-0002.AH.01' is not in the register" in reasons["AHU-0002.AH.01.xlsx"][1]


def _unsigned(src, dst):  # type: ignore[no-untyped-def]
    wb = load_workbook(src)
    info = wb["Info"]
    for row in list(info.iter_rows()):
        if str(row[0].value).startswith("signature"):
            info.delete_rows(row[0].row)
    wb.save(dst)


def test_unsigned_refused_unless_allowed_with_a_warning(coops, tmp_path):
    a, b, _reg, keys = coops
    unsigned = tmp_path / "unsigned.xlsx"
    _unsigned(b, unsigned)
    result = consolidate([a, unsigned], tmp_path / "p.xlsx", keys=keys)
    assert _reasons(result)["unsigned.xlsx"][0] == "unsigned"
    assert result.notes("en") == []
    allowed = consolidate([a, unsigned], tmp_path / "p2.xlsx", keys=keys, allow_unsigned=True)
    assert [c.ok for c in allowed.cooperatives] == [True, True]
    assert allowed.notes("en") == [
        "unsigned.xlsx: Unsigned: counted only because of --allow-unsigned, it may not be genuine"
    ]
    assert not allowed.cooperatives[1].signed
    book = load_workbook(tmp_path / "p2.xlsx")
    cells = [str(v) for ws in book.worksheets for row in ws.values for v in row]
    assert any("unsigned.xlsx: Tidak ditandatangani" in v for v in cells)


def test_cli_names_the_file_and_the_reason(coops, tmp_path, capsys):
    a, b, register, _keys = coops
    forged = tmp_path / "forged.xlsx"
    _edit(a, forged, recompute=True)
    out = str(tmp_path / "r.xlsx")
    assert main(["consolidate", str(a), str(b), "--keys", str(register), "-o", out]) == 0
    capsys.readouterr()
    args = ["consolidate", str(a), str(b), str(a), str(forged), "--keys", str(register)]
    assert main(["--lang", "en", *args, "-o", out]) == 1
    err = capsys.readouterr().err
    assert "forged.xlsx (KSP Mawar): Signature invalid" in err
    assert "AHU-0001.AH.01.xlsx (KSP Mawar): Duplicate: this file was given twice" in err
    assert main([*args, "-o", out]) == 1
    err = capsys.readouterr().err
    assert "Ditolak:" in err and "Tanda tangan tidak sah" in err and "Duplikat" in err
    # the register is required, and a bad line is named
    assert main(["consolidate", str(a), "-o", out]) == 2
    assert "--keys" in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_text("AHU-1 not-a-key\n")
    assert main(["consolidate", str(a), "--keys", str(bad), "-o", out]) == 2
    assert "baris 1" in capsys.readouterr().err


def test_cli_key_show(small_demo_db_path, tmp_path, capsys):
    db_copy = tmp_path / "k.db"
    shutil.copy(small_demo_db_path, db_copy)
    assert main(["--db", str(db_copy), "--lang", "en", "key", "show"]) == 0
    out = capsys.readouterr().out
    profile_db = open_database(db_copy)
    legal = settings.get_profile(profile_db).legal_number
    profile_db.dispose()
    key = signing.load_or_create(legal)
    assert f"Public key: {key.public}" in out and f"Fingerprint: {key.fingerprint}" in out
    line = out.strip().splitlines()[-1]
    reg = tmp_path / "reg.txt"
    reg.write_text(line + "\n")
    assert signing.read_register(reg) == {legal or "-": key.public}
