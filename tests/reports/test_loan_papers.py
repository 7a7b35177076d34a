"""Loan papers (issue 17 item 4): the agreement from the cooperative's template, the schedule
for the member, the paid-off letter (refused for a loan not repaid) and the member card with
its QR code, on SQLite and PostgreSQL; the CLI prints them through the registry."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import member_input
from pypdf import PdfReader
from report_helpers import pdf_text

from koperasi.cli import main
from koperasi.domain.fmt import terbilang
from koperasi.domain.money import format_rupiah
from koperasi.errors import PermissionDenied, ValidationError
from koperasi.reports import member_card_pdf, registry
from koperasi.reports.common import ReportParams
from koperasi.services import loan_papers, members, savings, settings
from koperasi.services.auth import Actor, Role
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import views as loan_views

D = dt.date
JOIN = D(2025, 1, 6)
AMOUNT = 1_250_000


def _flat(text: str) -> str:
    """The PDF text with its line breaks folded into spaces (paragraphs wrap anywhere)."""
    return " ".join(text.split())


def _setup(db, actor):  # type: ignore[no-untyped-def]
    settings.save_profile(
        db,
        actor,
        settings.Profile(
            name="KSP Maju Bersama",
            legal_number="AHU-0000001",
            address="Jl. Merdeka 1",
            chair="Siti Ketua",
            secretary="Budi Sekretaris",
            treasurer="Dewi Bendahara",
        ),
    )
    add_product(
        db,
        actor,
        ProductInput(
            code="UMUM",
            name="Pinjaman Umum",
            method="flat",
            rate=Decimal("1.5"),
            rate_per="month",
            min_amount=500_000,
            max_amount=20_000_000,
            min_term=3,
            max_term=24,
        ),
    )
    m = members.register_member(
        db, actor, member_input(name="Rina Marlina", n=501, join=JOIN, address="Jl. Mawar 5")
    )
    savings.deposit(db, actor, m.number, "POKOK", 300_000, JOIN)
    d = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(m.number, "UMUM", AMOUNT, 5, D(2025, 2, 3), "modal warung"),
    )
    loan_applications.approve(db, actor, d.number, D(2025, 2, 3))
    loan_applications.disburse(db, actor, d.number, D(2025, 2, 3))
    return m, loan_views.get_loan(db, d.number)


def test_agreement_schedule_and_paid_off_letter(db, actor, tmp_path):
    m, loan = _setup(db, actor)
    number = loan.number

    agreement = registry.build(db, "perjanjian-pinjaman", ReportParams(loan=number))
    assert agreement.draft is False  # a paper, never "SEMENTARA / DRAF"
    assert agreement.table("jadwal").totals()["principal"] == AMOUNT
    pdf = registry.render(agreement, tmp_path / "agreement.pdf", "pdf")
    text = _flat(pdf_text(pdf))
    assert "SURAT PERJANJIAN PINJAMAN" in text
    for expected in (
        "Rina Marlina",
        m.nik,
        m.number,
        "Jl. Mawar 5",
        "KSP Maju Bersama",
        "Siti Ketua",
        "Dewi Bendahara",
        format_rupiah(AMOUNT),
        f"({terbilang(AMOUNT, 'id')})",
        "satu juta dua ratus lima puluh ribu rupiah",
        "1,5% per bulan (flat)",
        "modal warung",
        "Meterai",
    ):
        assert expected in text, expected
    first = loan.schedule[0]
    assert f"angsuran sebesar {format_rupiah(first.total)}" in text
    english = _flat(pdf_text(registry.render(agreement, tmp_path / "a-en.pdf", "pdf", lang="en")))
    assert (
        "LOAN AGREEMENT" in english
        and "one million, two hundred and fifty thousand rupiah" in english
    )

    schedule = registry.build(db, "jadwal-angsuran", ReportParams(loan=number))
    table = schedule.table("jadwal")
    assert sum(table.values("principal")) == AMOUNT == table.totals()["principal"]
    assert table.values("balance")[-1] == 0
    pdf = registry.render(schedule, tmp_path / "schedule.pdf", "pdf")
    text = pdf_text(pdf)
    assert "JADWAL ANGSURAN PINJAMAN" in text and "Rina Marlina" in text
    for row in loan.schedule:
        assert row.due_date.strftime("%d/%m/%Y") in text
        assert format_rupiah(row.total) in text
    assert format_rupiah(AMOUNT) in text

    # the paid-off letter is refused while anything is owed
    with pytest.raises(ValidationError) as e:
        registry.build(db, "surat-lunas", ReportParams(loan=number))
    assert e.value.code == "loan_not_paid_off"
    assert number in e.value.message("id") and "belum lunas" in e.value.message("id")
    assert "not fully repaid" in e.value.message("en")

    quote = loan_repayments.payoff_quote(db, number, D(2025, 4, 10))
    loan_repayments.payoff(db, actor, number, D(2025, 4, 10), expected=quote.total)
    letter = registry.build(db, "surat-lunas", ReportParams(loan=number))
    assert letter.table("pembayaran").values("amount")[0] == AMOUNT
    text = _flat(pdf_text(registry.render(letter, tmp_path / "lunas.pdf", "pdf")))
    assert "SURAT KETERANGAN LUNAS" in text and "MELUNASI" in text
    assert "Rina Marlina" in text and m.nik in text and number in text
    assert "10 April 2025" in text and format_rupiah(AMOUNT) in text
    assert "Siti Ketua" in text and "Dewi Bendahara" in text


def test_member_card_qr_holds_the_member_number(db, actor, tmp_path):
    m, _loan = _setup(db, actor)
    card = registry.build(db, "kartu-anggota", ReportParams(member=m.number))
    assert card.figure("qr") == m.number
    qr = member_card_pdf.member_qr(card.figure("qr"))
    assert qr.contents[0].value == m.number
    pdf = registry.render(card, tmp_path / "card.pdf", "pdf")
    text = pdf_text(pdf)
    assert "KARTU ANGGOTA" in text and "Rina Marlina" in text and m.number in text
    assert "6 Januari 2025" in text  # join date
    assert len(PdfReader(str(pdf)).pages) == 1
    try:  # decode the printed QR when a decoder is installed
        from pyzbar.pyzbar import decode  # type: ignore[import-not-found]
    except ImportError:
        return
    import sys  # pragma: no cover - only with pyzbar

    from PIL import Image  # pragma: no cover

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from report_samples import render_page_png  # pragma: no cover

    png = render_page_png(pdf, tmp_path / "card.png", dpi=300)  # pragma: no cover
    assert [r.data.decode() for r in decode(Image.open(png))] == [m.number]  # pragma: no cover


def test_template_validation_and_editing(db, actor, tmp_path):
    _m, loan = _setup(db, actor)
    with pytest.raises(ValidationError) as e:
        loan_papers.validate_template("Peminjam {nama_anggota}, jumlah {jumlah_pinjaman}.")
    assert e.value.field == "agreement_template" and e.value.code == "unknown_placeholder"
    assert "{jumlah_pinjaman}" in e.value.message("id")
    assert "{jumlah}" in e.value.message("id")  # lists what may be used
    assert "unknown placeholder {jumlah_pinjaman}" in e.value.message("en")
    with pytest.raises(ValidationError) as e:
        loan_papers.validate_template("Baris satu\nJumlah {jumlah tanpa tutup")
    assert e.value.code == "stray_brace" and "baris 2" in e.value.message("id")
    with pytest.raises(ValidationError):
        loan_papers.validate_template("   ")
    for text in loan_papers.DEFAULT_TEMPLATE.values():
        loan_papers.validate_template(text)  # the built-in texts use known placeholders only

    before = loan_papers.get_template(db)
    with pytest.raises(ValidationError):
        loan_papers.save_template(db, actor, {"id": "Halo {nama}", "en": "Hello {nama_anggota}"})
    assert loan_papers.get_template(db) == before  # nothing half-written
    with pytest.raises(PermissionDenied):
        loan_papers.save_template(
            db, Actor("bendahara", Role.BENDAHARA), {"id": "Halo {nama_anggota}"}
        )

    loan_papers.save_template(
        db,
        actor,
        {"id": "# Pasal Khusus\nPinjaman {nomor_pinjaman} untuk {nama_anggota} sebesar "
         "{jumlah} ({jumlah_terbilang}).", "en": ""},
    )  # fmt: skip
    saved = loan_papers.get_template(db)
    assert saved["en"] == loan_papers.DEFAULT_TEMPLATE["en"]  # empty: the built-in text
    data = registry.build(db, "perjanjian-pinjaman", ReportParams(loan=loan.number))
    text = _flat(pdf_text(registry.render(data, tmp_path / "custom.pdf", "pdf")))
    assert "Pasal Khusus" in text
    assert (
        f"Pinjaman {loan.number} untuk Rina Marlina sebesar {format_rupiah(AMOUNT)} "
        f"({terbilang(AMOUNT, 'id')})."
    ) in text
    assert "Pasal 1" not in text


def test_paper_values_fill_every_placeholder(db, actor):
    _m, loan = _setup(db, actor)
    from koperasi.db.models import Loan
    from koperasi.services.uow import read_only

    with read_only(db) as s:
        row = s.get(Loan, loan.row.id)
        for lang in ("id", "en"):
            values = loan_papers.agreement_values(s, row, lang)
            assert set(values) == set(loan_papers.PLACEHOLDERS)
            filled = loan_papers.fill(loan_papers.DEFAULT_TEMPLATE[lang], values)
            assert "{" not in filled and "}" not in filled
    assert set(loan_papers.sample_values("id")) == set(loan_papers.PLACEHOLDERS)


def test_cli_prints_the_papers(capsys, tmp_path, sqlite_db, actor):
    m, loan = _setup(sqlite_db, actor)
    target = str(tmp_path / "koperasi.db")  # the sqlite_db fixture's file
    for name, option in (
        ("perjanjian-pinjaman", ["--loan", loan.number]),
        ("jadwal-angsuran", ["--loan", loan.number]),
        ("kartu-anggota", ["--member", m.number]),
    ):
        out = tmp_path / f"{name}.pdf"
        code = main(["--db", target, "report", name, "--format", "pdf", "-o", str(out), *option])
        _o, err = capsys.readouterr()
        assert code == 0, err
        assert "Rina Marlina" in pdf_text(out)
    code = main(
        ["--db", target, "report", "surat-lunas", "--format", "pdf", "-o", str(tmp_path / "x.pdf"),
         "--loan", loan.number]
    )  # fmt: skip
    _o, err = capsys.readouterr()
    assert code != 0 and "belum lunas" in err
    assert not (tmp_path / "x.pdf").exists()


def test_agreement_before_disbursement_shows_the_provisional_schedule(db, actor, tmp_path):
    m, _loan = _setup(db, actor)
    loan_repayments.payoff(
        db, actor, _loan.number, D(2025, 2, 10),
        expected=loan_repayments.payoff_quote(db, _loan.number, D(2025, 2, 10)).total,
    )  # fmt: skip
    d = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(m.number, "UMUM", 2_000_000, 4, D(2025, 3, 3), "renovasi"),
    )
    with pytest.raises(ValidationError) as e:
        registry.build(db, "perjanjian-pinjaman", ReportParams(loan=d.number))
    assert e.value.code == "loan_wrong_status"  # an application is not signed yet
    loan_applications.approve(db, actor, d.number, D(2025, 3, 4))
    data = registry.build(db, "perjanjian-pinjaman", ReportParams(loan=d.number))
    sched = data.table("jadwal")
    assert sum(sched.values("principal")) == 2_000_000 and len(sched.rows) == 4
    text = _flat(pdf_text(registry.render(data, tmp_path / "approved.pdf", "pdf")))
    assert "Jadwal ini perkiraan bila pinjaman dicairkan pada 4 Maret 2025" in text
    assert "Rp2.000.000 (dua juta rupiah)" in text
    paper = registry.build(db, "jadwal-angsuran", ReportParams(loan=d.number))
    text = _flat(pdf_text(registry.render(paper, tmp_path / "schedule.pdf", "pdf")))
    assert "Tanggal disetujui : 4 Maret 2025" in text
    assert "Tanggal cair" not in text and "perkiraan" in text
