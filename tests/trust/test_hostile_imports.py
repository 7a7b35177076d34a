"""Issue 22, imports: what the hostile test found and must stay fixed.

A 1 MB workbook expanding to one 1 GB cell took 2.1 GB of memory; a small one with millions
of cells in a row raised MemoryError; the loans import's error report missed errors that
appeared only with --valid-only; one deleted member row in an audit workbook gave hundreds
of unrelated errors, "Baris 0", and "'500000' bukan jumlah rupiah" for a number stored as
text."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook as NewWorkbook

from koperasi.exchange import bounds, run_import
from koperasi.exchange.xlsxin import FileError, Workbook

HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
HEADER_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>NIK</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>Jenis Kelamin</t></is></c>'
    b'<c r="D1" t="inlineStr"><is><t>Tanggal Masuk</t></is></c></row>'
)


def hostile(path: Path, write_sheet, shared: bytes | None = None) -> Path:  # type: ignore[no-untyped-def]
    """A real workbook whose first sheet's XML is replaced by ``write_sheet(fh)``, streamed
    through deflate (the file stays small however large the content)."""
    base = path.with_suffix(".base.xlsx")
    wb = NewWorkbook()
    wb.active.title = "Anggota"
    wb.active.append(["Nama", "NIK", "Jenis Kelamin", "Tanggal Masuk"])
    wb.save(base)
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename == "xl/worksheets/sheet1.xml":
                info = zipfile.ZipInfo(item.filename)
                info.compress_type = zipfile.ZIP_DEFLATED
                with zout.open(info, "w", force_zip64=True) as fh:
                    write_sheet(fh)
            else:
                zout.writestr(item, zin.read(item.filename))
        if shared is not None:
            zout.writestr("xl/sharedStrings.xml", shared)
    base.unlink()
    return path


def giant_cell(mb: int):  # type: ignore[no-untyped-def]
    def write(fh) -> None:  # type: ignore[no-untyped-def]
        fh.write(HEAD + b"<sheetData>" + HEADER_ROW + b'<row r="2"><c r="A2" t="inlineStr"><is><t>')
        block = b"A" * (1 << 20)
        for _ in range(mb):
            fh.write(block)
        fh.write(b"</t></is></c></row></sheetData></worksheet>")

    return write


def wide_row(cells: int):  # type: ignore[no-untyped-def]
    def write(fh) -> None:  # type: ignore[no-untyped-def]
        fh.write(HEAD + b"<sheetData>" + HEADER_ROW + b'<row r="2">')
        for _ in range(cells // 1000):
            fh.write(b"<c><v>1</v></c>" * 1000)
        fh.write(b"</row></sheetData></worksheet>")

    return write


def declared(ref: bytes):  # type: ignore[no-untyped-def]
    def write(fh) -> None:  # type: ignore[no-untyped-def]
        fh.write(HEAD + b'<dimension ref="' + ref + b'"/><sheetData>' + HEADER_ROW)
        fh.write(b"</sheetData></worksheet>")

    return write


def code_of(path: Path) -> str:
    with pytest.raises(FileError) as e:
        Workbook(path)
    return e.value.code


def test_one_giant_cell_is_refused_before_parsing(tmp_path):
    path = hostile(tmp_path / "raksasa.xlsx", giant_cell(40))
    assert path.stat().st_size < 200_000
    assert code_of(path) == "xlsx_cell_too_long"


def test_a_row_wider_than_excel_is_refused(tmp_path):
    assert code_of(hostile(tmp_path / "lebar.xlsx", wide_row(400_000))) == "xlsx_row_too_wide"


def test_a_declared_giant_dimension_is_refused(tmp_path):
    path = hostile(tmp_path / "dimensi.xlsx", declared(b"A1:XFD1048576"))
    assert code_of(path) == "xlsx_too_many_cells"


def test_declared_shared_strings_beyond_the_cap_are_refused(tmp_path):
    sst = (
        b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main" count="99999999" uniqueCount="99999999"><si><t>a</t></si></sst>'
    )
    path = hostile(tmp_path / "teks.xlsx", declared(b"A1:D1"), shared=sst)
    assert code_of(path) == "xlsx_too_many_strings"


def test_many_small_parts_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_ENTRIES", 12)
    path = tmp_path / "bagian.xlsx"
    NewWorkbook().save(path)
    with zipfile.ZipFile(path, "a") as z:
        for i in range(12):
            z.writestr(f"xl/media/x{i}.bin", b"x")
    assert code_of(path) == "xlsx_too_many_parts"


def test_ordinary_workbook_with_formatted_columns_is_accepted(tmp_path):
    # Excel's used range of a sheet whose six columns were formatted to the last row
    path = hostile(tmp_path / "biasa.xlsx", declared(b"A1:F1048576"))
    with Workbook(path) as wb:
        assert wb.sheet_names == ["Anggota"]


def test_import_refusal_is_a_file_error_in_the_report(sqlite_db, actor, tmp_path):
    rep = run_import(sqlite_db, actor, "members", hostile(tmp_path / "r.xlsx", giant_cell(8)))
    assert [e.code for e in rep.file_errors] == ["xlsx_cell_too_long"]
    assert not rep.committed
    assert "32.767" in rep.file_errors[0].message("id")


@pytest.mark.parametrize(
    "writer", [giant_cell(300), wide_row(3_000_000)], ids=["giant-cell", "wide-row"]
)
def test_compressed_giant_ends_in_a_clear_refusal_under_500_mb(tmp_path, writer):
    """The whole CLI import in its own process, its peak memory measured by the OS."""
    path = hostile(tmp_path / "bom.xlsx", writer)
    db = tmp_path / "k.db"
    env = {"PYTHONPATH": ":".join(sys.path), "PATH": "/usr/bin:/bin"}
    # a fresh parent process runs the import, so the children's peak is this import's only
    runner = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stderr.write(r.stderr)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(r.returncode)\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            runner,
            sys.executable,
            "-m",
            "koperasi",
            "--db",
            str(db),
            "import",
            "members",
            str(path),
            "--dry-run",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    peak_kb = int(done.stdout.split()[-1])
    assert done.returncode == 2, done.stderr
    assert "ditolak sebelum dibaca" in done.stderr and "Traceback" not in done.stderr
    assert peak_kb < 500 * 1024, f"peak {peak_kb // 1024} MB"


# ---------------------------------------------------------------- complete error reports


def test_loans_import_reports_every_error_on_the_first_run(sqlite_db, actor, tmp_path):
    """A row with a bad amount and a member's second open loan (found only by the service):
    both in the first report, not the second only after a --valid-only run."""
    sys.path.insert(0, str(Path(__file__).parents[1] / "exchange"))
    import test_import_loans as loans_tests

    coop = loans_tests.coop.__wrapped__(sqlite_db, actor)
    before = loans_tests.state(coop)
    second = loans_tests.row(
        **{
            "Produk Pinjaman": "USAHA",
            "Plafon": 1_000_000,
            "Pokok Sudah Dibayar": 0,
            "Bunga Sudah Dibayar": 0,
        }
    )
    rows = [loans_tests.row(member="A00002", Plafon="satu juta"), loans_tests.row(), second]
    path = loans_tests.loans_file(tmp_path, rows)
    first = run_import(coop, actor, "loans", path)
    found = sorted((e.row, e.error.code) for e in first.errors)
    assert found == [(2, "not_an_amount"), (4, "has_open_loan")], first.error_lines()
    assert not first.committed and loans_tests.state(coop) == before
    valid_only = run_import(coop, actor, "loans", path, valid_only=True)
    assert sorted((e.row, e.error.code) for e in valid_only.errors) == found


# ---------------------------------------------------------------- a damaged audit workbook


def rehashed(src: Path, dst: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """``edit(workbook)``, then every sheet's SHA-256 in Info recomputed and the Info sheet
    signed again with this PC's key of the cooperative: the hostile tester's forged
    workbook, as if the export itself had been damaged. What is left to catch it is the
    restore's own checks, past the hashes and the signature, and they must name the real
    problem (an unsigned forgery is refused at the signature, see test_hardening_restore.py).

    One load and one save: the hashes are those of the edited sheets' values in memory
    (empty rows and trailing empty cells do not count in a sheet's hash, so they equal the
    saved file's), the signature that of the Info rows as saved."""
    from openpyxl import load_workbook

    from koperasi import signing
    from koperasi.exchange.canonical import sheet_digest

    wb = load_workbook(src)
    edit(wb)
    hashes = {ws.title: sheet_digest(ws.iter_rows(values_only=True))[0] for ws in wb}
    info = wb["Info"]
    rows = list(info.iter_rows(max_col=2))
    values = {r[0].value: r[1].value for r in rows[1:]}
    for r in rows[1:]:
        key = r[0].value
        if isinstance(key, str) and key.startswith("sha256:") and key[7:] in hashes:
            r[1].value = hashes[key[7:]]
    # what the signature signs: the Info rows, header included, but the signature's own
    signed, _n = sheet_digest(
        (r[0].value, r[1].value) for n, r in enumerate(rows) if n == 0 or r[0].value != "signature"
    )
    key = signing.load_or_create(str(values.get("cooperative_legal_number") or ""))
    for r in rows[1:]:
        if r[0].value == "signature":
            r[1].value = key.sign(signing.signed_message(signed))
    wb.save(dst)
    return dst


def _column(ws, name: str) -> int:  # type: ignore[no-untyped-def]
    return [c.value for c in ws[1]].index(name) + 1


def test_deleted_member_row_gives_one_precise_error_not_a_cascade(
    small_demo_audit_path, sqlite_db, actor, tmp_path
):
    chosen = {}

    def delete_a_borrower(wb) -> None:  # type: ignore[no-untyped-def]
        loans = wb["Pinjaman"]
        member_id = loans.cell(row=2, column=_column(loans, "member_id")).value
        chosen["id"] = member_id
        ws = wb["Anggota"]
        for r in range(2, ws.max_row + 1):
            if ws.cell(row=r, column=1).value == member_id:
                ws.delete_rows(r)
                return

    path = rehashed(small_demo_audit_path, tmp_path / "hapus.xlsx", delete_a_borrower)
    rep = run_import(sqlite_db, actor, "audit-workbook", path)
    lines = rep.error_lines("id")
    assert not rep.committed and len(rep.errors) == 1, lines
    text = rep.errors[0].message("id")
    assert f"Nilai {chosen['id']} merujuk ke data yang tidak ada di lembar 'Anggota'" in text
    assert "baris lain" in text
    assert not any("Baris 0" in line or "wajib diisi" in line for line in lines)


def test_number_stored_as_text_in_an_audit_workbook_is_accepted(
    small_demo_audit_path, sqlite_db, actor, tmp_path
):
    def as_text(wb) -> None:  # type: ignore[no-untyped-def]
        ws = wb["Jurnal"]
        col = _column(ws, "debit")
        for r in range(2, ws.max_row + 1):
            cell = ws.cell(row=r, column=col)
            if isinstance(cell.value, int) and cell.value > 0:
                cell.value = str(cell.value)  # Excel's green triangle
                return

    path = rehashed(small_demo_audit_path, tmp_path / "teks.xlsx", as_text)
    rep = run_import(sqlite_db, actor, "audit-workbook", path)
    assert rep.ok and rep.committed, rep.error_lines("id")


def test_number_text_that_is_not_whole_rupiah_is_named_precisely(
    small_demo_audit_path, sqlite_db, actor, tmp_path
):
    def bad_text(wb) -> None:  # type: ignore[no-untyped-def]
        ws = wb["Jurnal"]
        ws.cell(row=2, column=_column(ws, "debit")).value = "Rp 5.000,50"

    path = rehashed(small_demo_audit_path, tmp_path / "salah.xlsx", bad_text)
    rep = run_import(sqlite_db, actor, "audit-workbook", path)
    first = rep.errors[0]
    assert (first.row, first.column, first.error.code) == (2, "Jurnal!debit", "not_an_amount_text")
    assert "Rp 5.000,50" in first.message("id")


def test_books_check_failure_is_about_the_file_not_row_0(
    small_demo_audit_path, sqlite_db, actor, tmp_path
):
    def change_a_balance(wb) -> None:  # type: ignore[no-untyped-def]
        ws = wb["Rekening Simpanan"]
        col = _column(ws, "closing_balance")
        ws.cell(row=2, column=col).value = (ws.cell(row=2, column=col).value or 0) + 1000

    path = rehashed(small_demo_audit_path, tmp_path / "saldo.xlsx", change_a_balance)
    rep = run_import(sqlite_db, actor, "audit-workbook", path)
    assert not rep.committed
    lines = rep.error_lines("id")
    assert lines and not any(line.startswith("Baris 0") for line in lines), lines
