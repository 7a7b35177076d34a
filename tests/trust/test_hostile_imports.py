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
