"""The RAT book: every part in the usual order, a table of contents whose page numbers are
the pages the parts start on (read back with pypdf), the workbook with the same numbers;
the monthly budget report and the Ministry's annual data sheet."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from openpyxl import load_workbook
from report_helpers import pdf_pages, post_interest_income, sheet_rows

from koperasi.reports import registry
from koperasi.reports.common import ReportParams
from koperasi.reports.rat_book_pdf import toc_entries
from koperasi.services import shu as shu_service
from koperasi.services.auth import SYSTEM
from koperasi.services.rat import budget, health, records

YEAR = 2025
PARTS = [
    "Acara Rapat",
    "Pengurus, Pengawas dan Karyawan",
    "Laporan Pertanggungjawaban Pengurus",
    "Laporan Keuangan",
    "Catatan atas Laporan Keuangan",
    "Pembagian Sisa Hasil Usaha",
    "Statistik dan Promosi Ekonomi Anggota",
    "Penilaian Kesehatan Koperasi",
    "Realisasi Anggaran dan RAPB",
    "Laporan Pengawas",
    "Daftar Hadir dan Kuorum",
    "Berita Acara Rapat",
]


def _prepare(db) -> None:
    post_interest_income(db, YEAR)  # a positive year, so the SHU part shows the split
    budget.set_budget(db, SYSTEM, YEAR, {"4.10": 40_000_000, "4.20": 2_000_000, "5.10": 9_000_000})
    budget.set_budget(db, SYSTEM, YEAR + 1, {"4.10": 45_000_000, "5.10": 10_000_000})
    records.add_officer(
        db,
        SYSTEM,
        records.OfficerInput("pengurus", "Ketua", "Hj. Rahmawati Said", dt.date(2023, 1, 1)),
    )
    records.add_officer(
        db,
        SYSTEM,
        records.OfficerInput(
            "pengawas",
            "Ketua Pengawas",
            "H. Muhammad Arsyad",
            dt.date(2022, 1, 1),
            dt.date(2025, 12, 31),
        ),
    )
    records.save_text(
        db, SYSTEM, YEAR, records.BOARD, "Paragraf pertama pengurus.\n\nParagraf kedua pengurus."
    )
    records.save_meeting(
        db, SYSTEM, YEAR, records.MeetingInput(dt.date(2026, 2, 21), "Aula Koperasi", None, 25)
    )


def test_the_book_has_every_part_and_its_contents_match_the_pages(open_demo_db, tmp_path):
    _prepare(open_demo_db)
    data = registry.build(open_demo_db, "buku-rat", ReportParams(year=YEAR))
    assert [re.sub(r"^\d+\. ", "", t.id) for t in toc_entries(data)] == PARTS
    pdf = registry.render(data, tmp_path / "buku.pdf", "pdf")
    pages = pdf_pages(pdf)
    toc_lines = [x.strip() for x in pages[1].splitlines()]
    assert "Daftar Isi" in toc_lines
    listed: list[tuple[str, int]] = []
    for n, part in enumerate(PARTS, start=1):
        title = f"{n}. {part}"
        i = toc_lines.index(title)
        listed.append((title, int(toc_lines[i + 1])))
    numbers = [p for _t, p in listed]
    assert numbers == sorted(numbers) and numbers[0] == 3 and numbers[-1] <= len(pages)
    for title, page in listed:
        body = [x.strip() for x in pages[page - 1].splitlines()]
        assert title in body, (title, page)  # the part starts on the page the contents give
        if page - 2 > 1:  # and not on the page before (the contents page lists them all)
            assert title not in [x.strip() for x in pages[page - 2].splitlines()], title
        assert f"Halaman {page} dari {len(pages)}" in pages[page - 1]
    text = "\n".join(pages)
    # what each part carries
    assert "Paragraf pertama pengurus." in text and "Paragraf kedua pengurus." in text
    assert "Hj. Rahmawati Said" in text and "Aula Koperasi" in text
    assert "Keputusan rapat" in text and "Kuorum" in text and "Tercapai" in text
    assert "Kebijakan Akuntansi" in text and "Pihak Berelasi" in text
    assert "Skor per aspek" in text and "Predikat" in text
    assert f"RAPB) tahun {YEAR + 1}" in text
    assert "Laporan Promosi Ekonomi Anggota" in text
    # the savings movements add up to the savings on the balance sheet (time deposits too)
    by_account = data.table("calk_simpanan")
    account_total = sum(
        r.cells[2] for r in by_account.rows if r.kind.name == "DATA" and isinstance(r.cells[2], int)
    )
    moved = data.table("calk_simpanan_mutasi")
    assert sum(r.cells[4] for r in moved.rows) == account_total > 0
    # the allowance (a contra asset) reads as the amount set aside, like the statistics page
    allowance = re.search(r"saldo\s+penyisihan \(1\.29\) (-?Rp[\d.]+)", text)
    assert allowance and not allowance.group(1).startswith("-"), allowance
    # the workbook has the same numbers
    xlsx = registry.render(data, tmp_path / "buku.xlsx", "xlsx")
    rep = budget.budget_report(open_demo_db, YEAR)
    rows = sheet_rows(xlsx, "Realisasi Anggaran")
    totals = {
        r[1]: r
        for r in rows
        if r[1] in ("Jumlah pendapatan", "Jumlah beban", "SISA HASIL USAHA (SHU)")
    }
    assert (totals["Jumlah pendapatan"][2], totals["Jumlah pendapatan"][3]) == rep.total("income")
    assert (totals["Jumlah beban"][2], totals["Jumlah beban"][3]) == rep.total("expense")
    assert totals["SISA HASIL USAHA (SHU)"][3] == shu_service.plan(open_demo_db, YEAR).surplus > 0
    y = health.year_rating(open_demo_db, YEAR)
    aspects = [r for r in sheet_rows(xlsx, "Kesehatan Aspek")[1:] if r[0] == "Jumlah"]
    assert aspects[0][3] == f"{y.rating.total:.2f}".replace(".", ",")
    attendance = [r for r in sheet_rows(xlsx, "Daftar Hadir")[1:] if isinstance(r[0], int)]
    members_end = data.figure("members_entitled")
    assert len(attendance) == members_end > 0
    assert data.figure("quorum_needed") == members_end // 2 + 1
    for read_only in (False, True):  # the workbook opens both ways, and in pandas
        wb = load_workbook(xlsx, read_only=read_only)
        assert "RAPB" in wb.sheetnames
        wb.close()
    assert not pd.read_excel(xlsx, sheet_name="RAPB").empty


def test_the_book_in_english_and_on_an_empty_database(sqlite_db, tmp_path):
    data = registry.build(sqlite_db, "buku-rat")
    pdf = registry.render(data, tmp_path / "kosong.pdf", "pdf", "en")
    text = "\n".join(pdf_pages(pdf))
    for label in (
        "Contents",
        "Notes to the Financial Statements",
        "Health Rating",
        "Minutes of the Meeting",
    ):
        assert label in text, label


def test_monthly_budget_report_to_the_year_end_equals_the_year(open_demo_db, tmp_path):
    _prepare(open_demo_db)
    data = registry.build(open_demo_db, "realisasi-anggaran", ReportParams(period=f"{YEAR}-12"))
    t = data.table("realisasi_bulanan")
    rep = budget.budget_report(open_demo_db, YEAR)
    subtotal = {r.cells[1].id: r.cells for r in t.rows if r.kind.value == "subtotal"}
    assert (
        subtotal["Jumlah pendapatan"][2]
        == subtotal["Jumlah pendapatan"][3]
        == rep.total("income")[0]
    )
    assert subtotal["Jumlah pendapatan"][5] == rep.total("income")[1]
    assert subtotal["Jumlah beban"][5] == rep.total("expense")[1]
    june = registry.build(
        open_demo_db, "realisasi-anggaran", ReportParams(period=f"{YEAR}-06")
    ).table("realisasi_bulanan")
    line = next(r.cells for r in june.rows if r.cells[0] == "4.10")
    assert line[3] == 40_000_000 * 6 // 12
    whole = registry.build(open_demo_db, "realisasi-anggaran", ReportParams(year=YEAR))
    assert whole.period.end == dt.date(YEAR, 12, 31)
    registry.render(data, tmp_path / "r.pdf", "pdf")
    registry.render(data, tmp_path / "r.xlsx", "xlsx")


def test_ministry_annual_data_sheet(open_demo_db, tmp_path):
    _prepare(open_demo_db)
    data = registry.build(open_demo_db, "data-tahunan", ReportParams(year=YEAR))
    xlsx = registry.render(data, tmp_path / "data.xlsx", "xlsx")
    values = {r[0]: r[3] for r in sheet_rows(xlsx, "Data Tahunan")[1:]}
    rat_data = registry.build(open_demo_db, "buku-rat", ReportParams(year=YEAR))
    assert values["anggota"] == rat_data.figure("summary_members")
    assert values["aset"] == rat_data.figure("summary_assets")
    assert values["shu_tahun_buku"] == shu_service.plan(open_demo_db, YEAR).surplus
    assert values["rat"] == 1
    assert values["anggota_perempuan"] + values["anggota_laki"] == values["anggota"]


def test_attendance_register_to_sign(open_demo_db, tmp_path):
    _prepare(open_demo_db)
    data = registry.build(open_demo_db, "daftar-hadir-rat", ReportParams(year=YEAR))
    pdf = registry.render(data, tmp_path / "hadir.pdf", "pdf")
    text = "\n".join(pdf_pages(pdf))
    rows = data.table("daftar_hadir").rows
    assert len(rows) == data.figure("members_entitled") > 0
    assert rows[0].cells[2] in text and rows[-1].cells[2] in text
    assert "Tanda tangan" in text and "lebih dari setengah" in text


def test_the_minutes_are_signed_by_the_officers_serving_on_the_meeting_day(sqlite_db):
    from dataclasses import replace

    from koperasi.services import settings

    profile = settings.get_profile(sqlite_db)
    settings.save_profile(
        sqlite_db, SYSTEM, replace(profile, chair="Profil Ketua", secretary="Profil Sekretaris")
    )
    day = dt.date(2026, 3, 28)
    records.save_meeting(sqlite_db, SYSTEM, YEAR, records.MeetingInput(day, "Aula", None, 0))
    records.add_officer(
        sqlite_db,
        SYSTEM,
        records.OfficerInput("pengurus", "Ketua", "Ketua Terpilih", dt.date(2025, 3, 29)),
    )
    records.add_officer(  # the term ended before the meeting: the profile's name stays
        sqlite_db,
        SYSTEM,
        records.OfficerInput(
            "pengurus", "Sekretaris", "Sekretaris Lama", dt.date(2022, 1, 1), dt.date(2025, 1, 1)
        ),
    )
    data = registry.build(sqlite_db, "buku-rat", ReportParams(year=YEAR))
    names = [sig.name for sig in data.signatures]
    assert names[:2] == ["Ketua Terpilih", "Profil Sekretaris"]
    assert data.sign_date == day
