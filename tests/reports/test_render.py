"""The renderers: page template, page-by-page tables, typed workbook cells, progress/cancel,
every registered report renders without options; sample pages rendered to PNG."""

import datetime as dt
import importlib.util
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_helpers import add_demo_loans, pdf_pages, pdf_text
from sqlalchemy import select

from koperasi.cli import main
from koperasi.db.models import Member
from koperasi.reports import registry
from koperasi.reports.model import (
    Column,
    Figure,
    Kind,
    Organisation,
    Period,
    ReportData,
    Row,
    Section,
    Signature,
    T,
    Table,
)
from koperasi.reports.pdf import render_pdf
from koperasi.reports.xlsx import MONEY_FORMAT, render_xlsx
from koperasi.services.progress import Cancelled
from koperasi.services.uow import read_only

_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "report_samples.py"
_spec = importlib.util.spec_from_file_location("report_samples", _SCRIPT)
samples_script = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples_script)


def _sample(n_rows: int) -> ReportData:
    cols = (
        Column("date", T("Tanggal", "Date"), Kind.DATE, 1),
        Column("desc", T("Keterangan", "Description"), Kind.TEXT, 4),
        Column("amount", T("Jumlah", "Amount"), Kind.MONEY, 1.5, total=True),
        Column("rate", T("Bunga", "Rate"), Kind.PERCENT, 0.8),
    )
    rows = tuple(
        Row(
            (
                dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
                f"Setoran nomor {i}",
                1_250_000 + i,
                Decimal("1.5"),
            )
        )
        for i in range(n_rows)
    )
    return ReportData(
        "contoh",
        T("Buku Contoh", "Sample Book"),
        Organisation("KSP Uji Coba", "AHU-1", "Jl. Mulawarman 1", "Balikpapan"),
        Period(
            dt.date(2026, 1, 1), dt.date(2026, 12, 31), T("Tahun buku 2026", "Financial year 2026")
        ),
        sections=(
            Section(
                T("Ringkasan", "Summary"),
                (Figure("n", T("Baris", "Rows"), n_rows, Kind.INT),),
                (Table("t", T("Daftar", "List"), cols, rows),),
            ),
        ),
        signatures=(Signature(T("Ketua", "Chair"), "Hj. Rahmawati"),),
    )


def test_long_table_repeats_header_and_numbers_pages(tmp_path):
    data = _sample(400)
    path = render_pdf(data, tmp_path / "long.pdf")
    pages = pdf_pages(path)
    assert len(pages) >= 5
    total = len(pages)
    for n, page in enumerate(pages, start=1):
        assert f"Halaman {n} dari {total}" in page
        assert "KSP Uji Coba" in page  # header on every page
        assert "Dicetak" in page
        assert "Keterangan" in page  # the table header repeats
    assert "Rp1.250.000" in pages[0]
    total_amount = sum(1_250_000 + i for i in range(400))
    assert f"Rp{total_amount:,}".replace(",", ".") in pages[-1]
    assert "1,50%" in pages[0]
    # the fonts are embedded
    from pypdf import PdfReader

    embedded, other = set(), set()
    for page in PdfReader(str(path)).pages:
        for f in page["/Resources"]["/Font"].values():
            fd = f.get_object()
            desc = fd.get("/FontDescriptor")
            if desc is not None and "/FontFile2" in desc.get_object():
                embedded.add(str(fd["/BaseFont"]))
            else:
                other.add(str(fd["/BaseFont"]))
    assert any("DejaVu" in f for f in embedded)
    # ReportLab always lists Helvetica (a standard PDF font, never used for our text)
    assert other <= {"/Helvetica"}, other


def test_english_rendering(tmp_path):
    path = render_pdf(_sample(3), tmp_path / "en.pdf", lang="en")
    text = pdf_text(path)
    assert "Sample Book" in text and "Page 1 of 1" in text and "Printed" in text
    assert "1.50%" in text


def test_workbook_is_typed_with_totals_and_info(tmp_path):
    path = render_xlsx(_sample(10), tmp_path / "s.xlsx")
    wb = load_workbook(str(path))
    assert wb.sheetnames == ["Daftar", "Ringkasan", "Info"]
    ws = wb["Daftar"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:D11"
    assert [c.value for c in ws[1]] == ["Tanggal", "Keterangan", "Jumlah", "Bunga"]
    assert isinstance(ws["A2"].value, dt.datetime) and ws["A2"].number_format == "DD/MM/YYYY"
    assert ws["C2"].value == 1_250_000 and ws["C2"].number_format == MONEY_FORMAT
    assert ws["D2"].value == pytest.approx(0.015) and ws["D2"].number_format == "0.00%"
    # the total is a stored value (a formula would read as empty without Excel)
    assert ws["C12"].value == sum(1_250_000 + i for i in range(10))
    assert ws["C12"].data_type == "n" and ws["B12"].value == "Jumlah"
    assert ws.column_dimensions["B"].width > ws.column_dimensions["D"].width
    info = {r[0]: r[1] for r in wb["Info"].iter_rows(min_row=2, values_only=True)}
    assert info["Laporan"] == "Buku Contoh"
    assert info["Koperasi"] == "KSP Uji Coba"
    assert info["Periode"] == "Tahun buku 2026"
    assert info["Dari tanggal"] == dt.datetime(2026, 1, 1)


def test_progress_and_cancel(tmp_path, demo_db):
    seen = []

    def cb(done, total, message):
        seen.append((done, total))

    registry.run(demo_db, "jurnal", None, "pdf", tmp_path / "j.pdf", progress=cb)
    assert seen and seen[-1] == (100, 100)
    assert all(0 <= d <= t for d, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    def stop(done, total, message):
        return done < 40  # cancel during rendering

    with pytest.raises(Cancelled):
        registry.run(demo_db, "jurnal", None, "pdf", tmp_path / "c.pdf", progress=stop)
    assert not (tmp_path / "c.pdf").exists()
    with pytest.raises(Cancelled):
        render_xlsx(_sample(5000), tmp_path / "c.xlsx", progress=lambda d, t, m: d < 2000)


def test_cli_report_list_and_run(tmp_path, open_demo_db_path, capsys):
    db = tmp_path / "cli.db"
    shutil.copy(open_demo_db_path, db)
    assert main(["report", "--list"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    names = [line.split("\t")[0] for line in out]
    assert {"posisi-keuangan", "neraca-saldo", "buku-kas", "kuitansi", "lembar-pertemuan"} <= set(
        names
    )
    assert all("\t" in line and line.split("\t")[1] for line in out)
    target = tmp_path / "nb.xlsx"
    assert (
        main(["--db", str(db), "report", "neraca-saldo", "--period", "2026-09", "-o", str(target)])
        == 0
    )
    assert target.exists()
    assert (
        main(
            [
                "--db",
                str(db),
                "report",
                "posisi-keuangan",
                "--format",
                "pdf",
                "-o",
                str(tmp_path / "n.pdf"),
            ]
        )
        == 0
    )
    code = main(["--db", str(db), "report", "tidak-ada", "-o", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code == 2 and "tidak dikenal" in err and "Traceback" not in err
    code = main(
        ["--db", str(db), "report", "jurnal", "--period", "2026-13", "-o", str(tmp_path / "x.pdf")]
    )
    assert code == 2
    code = main(
        [
            "--db",
            str(db),
            "report",
            "jurnal",
            "--period",
            "2026-01",
            "--year",
            "2025",
            "-o",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert code == 2
    # closing from the CLI: months close in order, from the demo's first (October 2024)
    assert main(["--db", str(db), "close-month", "2026-08"]) == 2
    assert "2024-10" in capsys.readouterr().err
    y, m = 2024, 10
    while (y, m) <= (2026, 8):
        assert main(["--db", str(db), "close-month", f"{y}-{m:02d}"]) == 0
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    assert (
        main(
            [
                "--db",
                str(db),
                "savings",
                "deposit",
                "A00003",
                "SUKARELA",
                "50000",
                "--date",
                "2026-08-10",
            ]
        )
        == 2
    )
    assert "ditutup" in capsys.readouterr().err
    assert main(["--db", str(db), "reopen", "2026-08", "--reason", "koreksi"]) == 0
    assert main(["--db", str(db), "check"]) == 0


def test_every_report_renders_without_options(demo_db, output_dir, qapp):
    """Each registered report, both formats, no options; the first page of each PDF is
    rendered to PNG with QtPdf in test-output/samples/ and must not be blank."""
    with read_only(demo_db) as s:
        assert s.scalar(select(Member.id).limit(1)) is not None
    add_demo_loans(demo_db)
    samples = output_dir / "samples"
    samples.mkdir(exist_ok=True)
    for old in samples.glob("*.png"):
        old.unlink()
    names = []
    for spec in registry.list_reports():
        data = registry.build(demo_db, spec.name)
        assert data.title.get("id") and data.title.get("en")
        pdf = registry.render(data, output_dir / f"{spec.name}.pdf", "pdf")
        xlsx = registry.render(data, output_dir / f"{spec.name}.xlsx", "xlsx")
        assert pdf.stat().st_size > 1000
        assert "Info" in load_workbook(str(xlsx), read_only=True).sheetnames
        assert data.org.name in pdf_text(pdf)
        png = samples_script.render_page_png(pdf, samples / f"{spec.name}.png", 0, dpi=60)
        ink = samples_script.ink_fraction(png)
        assert ink > 0.01, (spec.name, ink)  # text, rules and tables, not a white page
        names.append(spec.name)
    assert {"rat", "pemantauan-program", "nominatif", "laporan-keuangan"} <= set(names)
    assert sorted(p.stem for p in samples.glob("*.png")) == sorted(names)


def test_blank_page_is_detected(tmp_path, qapp):
    """The non-blank check can fail: a PDF page with nothing on it has no ink."""
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(pdf))
    c.showPage()
    c.save()
    png = samples_script.render_page_png(pdf, tmp_path / "blank.png")
    assert samples_script.ink_fraction(png) == 0.0


def test_readme_samples_script(demo_db, tmp_path, qapp):
    """scripts/report_samples.py writes the RAT statement page and the loan register page."""
    out = tmp_path / "images"
    paths = samples_script.write_samples(demo_db, out, tmp_path)
    assert [p.name for p in paths] == ["report-rat.png", "report-nominatif.png"]
    for p in paths:
        assert samples_script.ink_fraction(p) > 0.02
