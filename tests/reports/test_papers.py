"""Every paper right (issue 15): each kind of receipt says who paid whom, how much, in
figures and words, and its lines add up; the loan card's balance runs row by row; the
meeting sheet asks each member for what they owe, once; no paper shows a raw code."""

import datetime as dt
import re
import shutil
from decimal import Decimal

import pytest
from report_helpers import add_demo_loans, pdf_text
from sqlalchemy import select

from koperasi import messages
from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.db.models import (
    Group,
    JournalEntry,
    Loan,
    Member,
    SavingsTransaction,
    VulnerabilityCategory,
)
from koperasi.domain.fmt import terbilang
from koperasi.domain.money import format_rupiah
from koperasi.reports import receipts, registry
from koperasi.reports.cells import format_cell
from koperasi.reports.common import ReportParams
from koperasi.reports.model import Kind, T, text
from koperasi.services import ledger, savings
from koperasi.services.auth import SYSTEM
from koperasi.services.ledger import Line
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import core as loan_core
from koperasi.services.loans import group_meeting
from koperasi.services.loans import views as loan_views
from koperasi.services.loans.repayments import repay
from koperasi.services.uow import read_only

DAY = dt.date(2026, 11, 10)  # after the demo's last posting (31 October), before today


def flat(text: str) -> str:
    return " ".join(text.split())


def after(text: str, label: str) -> str:
    """The line after the line that reads ``label`` (a figure's value)."""
    lines = [x.strip() for x in text.splitlines()]
    return lines[lines.index(label) + 1]


def paper(db, receipt: str, tmp_path):  # type: ignore[no-untyped-def]
    data = registry.build(db, "kuitansi", ReportParams(receipt=receipt))
    pdf = registry.render(data, tmp_path / f"{receipt}.pdf", "pdf")
    check_no_overprint(pdf)
    return data, pdf_text(pdf)


def check_no_overprint(pdf) -> None:  # type: ignore[no-untyped-def]
    """Between the first figure ("Nomor bukti") and the amount in words, every piece of
    text starts either in the label column or in the value column (the value column starts
    at half the figures' 120 mm): a value never runs back over its label."""
    from pypdf import PdfReader

    frags: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, _font, _size):  # type: ignore[no-untyped-def]
        if text.strip():
            frags.append((text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    PdfReader(str(pdf)).pages[0].extract_text(visitor_text=visit)
    top = next(y for t, _x, y in frags if t == "Nomor bukti")
    bottom = next(y for t, _x, y in frags if t.startswith("Terbilang:"))
    value_col = 42.5 + 60 * 72 / 25.4  # left margin 15 mm + 60 mm
    body = [(t, x) for t, x, y in frags if bottom < y <= top + 0.5]
    assert len(body) >= 10
    for t, x in body:
        assert x < 60 or x >= value_col, (t, x)


def check_amount(data, text: str, amount: int, total_label: str) -> None:  # type: ignore[no-untyped-def]
    """The amount in figures (as the total's figure), in words, and the lines' sum."""
    assert after(text, total_label) == format_rupiah(amount)
    assert f"Terbilang: {terbilang(amount, 'id')}" in flat(text)
    assert data.table("rincian").totals()["amount"] == amount
    assert data.figure("amount") == amount


def members_without_loans(db, n: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        busy = select(Loan.member_id).where(Loan.status.in_(loan_core.OPEN_STATUSES))
        rows = s.execute(
            select(Member.number, Member.name)
            .where(Member.status == "aktif", Member.id.not_in(busy))
            .order_by(Member.number)
            .limit(n)
        ).all()
    return [tuple(r) for r in rows]


@pytest.fixture
def cooperative(demo_db):  # type: ignore[no-untyped-def]
    add_product(
        demo_db,
        SYSTEM,
        ProductInput(
            code="UJI",
            name="Pinjaman Uji",
            min_amount=500_000,
            max_amount=20_000_000,
            fee_kind="percent",
            fee_percent=Decimal(1),
        ),
    )
    return demo_db


def test_deposit_and_withdrawal_receipts(cooperative, tmp_path):
    db = cooperative
    ((number, name),) = members_without_loans(db, 1)
    dep = savings.deposit(db, SYSTEM, number, "SUKARELA", 300_000, DAY, "Setoran tunai")
    data, text = paper(db, dep.receipt_no, tmp_path)
    assert data.title.get("id") == "Bukti Setoran Simpanan"
    assert after(text, "Telah terima dari") == f"{number} – {name}"
    check_amount(data, text, 300_000, "Jumlah diterima")
    assert "Penyetor" in text and "Dibayarkan kepada" not in text

    wd = savings.withdraw(db, SYSTEM, number, "SUKARELA", 120_000, DAY, "Tarik tunai")
    data, text = paper(db, wd.receipt_no, tmp_path)
    assert data.title.get("id") == "Bukti Penarikan Simpanan"
    assert after(text, "Dibayarkan kepada") == f"{number} – {name}"
    assert "Telah terima dari" not in text
    check_amount(data, text, 120_000, "Jumlah dibayarkan")
    # the member signs as the one who received the money
    sig = [x.strip() for x in text.splitlines()]
    assert "Penerima" in sig and name in sig


def test_loan_disbursement_in_cash_and_into_savings(cooperative, tmp_path):
    db = cooperative
    (m1, name1), (m2, name2) = members_without_loans(db, 2)
    # into the member's voluntary savings: a note, no cash, the net credited to sukarela
    app = loan_applications.apply(
        db, SYSTEM, loan_applications.ApplyInput(m1, "UJI", 2_000_000, 10, DAY, "Modal")
    )
    loan_applications.approve(db, SYSTEM, app.number, DAY)
    tx = loan_applications.disburse(db, SYSTEM, app.number, DAY, to="sukarela")
    data, text = paper(db, tx.receipt_no, tmp_path)
    assert data.title.get("id") == "Nota Pencairan Pinjaman ke Simpanan"
    assert "Telah terima dari" not in text and "Penyetor" not in text
    assert after(text, "Anggota (peminjam)") == f"{m1} – {name1}"
    check_amount(data, text, 1_980_000, "Dikreditkan ke simpanan sukarela")
    lines = data.table("rincian")
    assert lines.values("amount") == [2_000_000, -20_000]  # principal, fee withheld
    assert "tidak ada uang tunai" in flat(text)
    with read_only(db) as s:
        credited = s.scalar(
            select(SavingsTransaction.amount).where(
                SavingsTransaction.receipt_no == tx.receipt_no,
                SavingsTransaction.kind == "pencairan",
            )
        )
    assert credited == 1_980_000

    # in cash: paid to the member, who signs as receiver
    app = loan_applications.apply(
        db, SYSTEM, loan_applications.ApplyInput(m2, "UJI", 3_000_000, 10, DAY, "Warung")
    )
    loan_applications.approve(db, SYSTEM, app.number, DAY)
    tx = loan_applications.disburse(db, SYSTEM, app.number, DAY)
    data, text = paper(db, tx.receipt_no, tmp_path)
    assert data.title.get("id") == "Bukti Pencairan Pinjaman"
    assert after(text, "Dibayarkan kepada") == f"{m2} – {name2}"
    check_amount(data, text, 2_970_000, "Dibayarkan tunai")
    assert "Telah terima dari" not in text

    # a repayment: received from the member, with the principal left after it
    detail = loan_views.get_loan(db, app.number)
    first = detail.schedule[0]
    rtx = repay(db, SYSTEM, app.number, first.total, DAY)
    data, text = paper(db, rtx.receipt_no, tmp_path)
    assert data.title.get("id") == "Kuitansi Angsuran Pinjaman"
    assert after(text, "Telah terima dari") == f"{m2} – {name2}"
    check_amount(data, text, first.total, "Jumlah diterima")
    assert data.figure("extra0") == 3_000_000 - first.principal  # principal left after it
    assert format_rupiah(3_000_000 - first.principal) in text
    # the amount is not printed over the "Untuk pembayaran" label: each on its own line
    assert "Untuk pembayaran" in [x.strip() for x in text.splitlines()]


def test_cash_vouchers_name_payer_and_payee(cooperative, tmp_path):
    db = cooperative
    income = ledger.add_manual_entry(
        db,
        SYSTEM,
        DAY,
        "Jasa giro November",
        [Line("1.01", debit=125_000), Line("4.90", credit=125_000)],
        payee="Bank Kaltimtara",
    )
    data, text = paper(db, income.receipt_no, tmp_path)
    assert data.title.get("id") == "Bukti Kas Masuk"
    assert after(text, "Telah terima dari") == "Bank Kaltimtara"
    check_amount(data, text, 125_000, "Jumlah diterima")

    expense = ledger.add_manual_entry(
        db,
        SYSTEM,
        DAY,
        "Kertas dan tinta printer",
        [Line("5.12", debit=85_000), Line("1.01", credit=85_000)],
        payee="  Toko   Sinar Jaya ",
    )
    # the payee is the memo of the cash line (sealed with the entry), nothing else changes
    assert [ln.memo for ln in expense.lines] == ["", "Toko Sinar Jaya"]
    data, text = paper(db, expense.receipt_no, tmp_path)
    assert data.title.get("id") == "Bukti Kas Keluar"
    assert "Kuitansi" not in text
    assert after(text, "Dibayarkan kepada") == "Toko Sinar Jaya"
    check_amount(data, text, 85_000, "Jumlah dibayarkan")
    assert "Toko Sinar Jaya" in [x.strip() for x in text.splitlines()][-8:]  # signs


def test_cli_journal_add_payee(demo_db_path, tmp_path, capsys):
    db_file = tmp_path / "k.db"
    shutil.copy(demo_db_path, db_file)
    code = main(
        [
            "--db",
            str(db_file),
            "journal",
            "add",
            "--date",
            DAY.isoformat(),
            "--description",
            "Listrik November",
            "--debit",
            "5.11=310000",
            "--credit",
            "1.01=310000",
            "--payee",
            "PLN ULP Balikpapan",
        ]
    )
    assert code == 0, capsys.readouterr().err
    db = open_database(db_file)
    try:
        with read_only(db) as s:
            receipt = s.scalar(
                select(JournalEntry.receipt_no).where(
                    JournalEntry.description == "Listrik November"
                )
            )
        data, text = paper(db, receipt, tmp_path)
        assert after(text, "Dibayarkan kepada") == "PLN ULP Balikpapan"
        check_amount(data, text, 310_000, "Jumlah dibayarkan")
    finally:
        db.dispose()


def test_loan_card_balance_runs_row_by_row(demo_db, tmp_path):
    add_demo_loans(demo_db)
    with read_only(demo_db) as s:
        number = s.scalar(
            select(Loan.number).where(Loan.status == "lunas").order_by(Loan.number).limit(1)
        )
    assert number, "the demo has a repaid loan"
    detail = loan_views.get_loan(demo_db, number)
    data = registry.build(demo_db, "kartu-pinjaman", ReportParams(loan=number))
    pdf = registry.render(data, tmp_path / "card.pdf", "pdf")
    text = pdf_text(pdf)
    lines = [x.strip() for x in text.splitlines()]
    expected = []
    running = 0
    for t in detail.transactions:
        running += t.principal_change
        if t.kind != "pencairan":
            expected.append((t.receipt_no, running))
    assert expected[-1][1] == 0 and len({b for _r, b in expected}) == len(expected)
    for receipt, balance in expected:
        # the payment row: receipt, kind, amount, principal, interest, penalty, balance
        i = lines.index(receipt)
        assert lines[i + 1] == "Angsuran" or lines[i + 1] == "Pelunasan"
        assert lines[i + 6] == format_rupiah(balance), (receipt, lines[i : i + 7])
    assert data.table("pembayaran").values("outstanding") == [b for _r, b in expected]
    assert "Lunas" in lines and "lunas" not in lines
    assert "%" in after(text, "Suku bunga") and "." not in after(text, "Suku bunga")


def test_meeting_sheet_asks_each_member_once(demo_db, tmp_path):
    add_demo_loans(demo_db)
    with read_only(demo_db) as s:
        groups = list(s.scalars(select(Group.code).order_by(Group.code)))
    day = dt.date(2026, 11, 2)
    for code in groups:
        data = registry.build(demo_db, "lembar-pertemuan", ReportParams(group=code, date=day))
        table = data.table("lembar_pertemuan")
        dues = {d.member_number: d for d in group_meeting.group_meeting_dues(demo_db, code, day)}
        owed = dict(zip(table.values("number"), table.values("owed"), strict=True))
        assert owed == {n: d.total_due for n, d in dues.items()}
        tot = table.totals()
        assert tot["owed"] == sum(d.total_due for d in dues.values())
        # each rupiah in one column: the parts add up to the total owed, row by row
        for row in table.rows:
            c = dict(zip((col.key for col in table.columns), row.cells, strict=True))
            wajib = c["wajib_arrears"] + c["wajib_due"]
            assert wajib == dues[c["number"]].wajib_due
            assert wajib + c["loan_arrears"] + c["installment_due"] == c["owed"]
        text = pdf_text(registry.render(data, tmp_path / f"{code}.pdf", "pdf"))
        assert after(text, "Jumlah kewajiban") == format_rupiah(tot["owed"])


# ---------------------------------------------------------------- no raw codes on paper

_DOTTED = re.compile(r"\b[a-z]+\.[a-z]+_[a-z_]+\b")  # an audited action: loan.month_end


def raw_codes(db) -> set[str]:  # type: ignore[no-untyped-def]
    """Every status/category/kind/rule code whose label differs from the code."""
    codes = set()
    for name in messages.VOCABULARIES:
        for code, (label_id, _en) in messages.vocabulary(name).items():
            if code != label_id and len(code) > 2:
                codes.add(code)
    with read_only(db) as s:
        for code, name in s.execute(
            select(VulnerabilityCategory.code, VulnerabilityCategory.name_id)
        ):
            if code != name:
                codes.add(code)
    return codes


def _texts(data):  # type: ignore[no-untyped-def]
    """Every text a person reads in the report's cells, figures and chart labels."""
    for section in data.sections:
        for f in section.figures:
            yield format_cell(f.value, f.kind, "id")
        for chart in section.charts:
            yield from (text(c, "id") for c in chart.categories)
        for table in section.tables:
            for row in table.rows:
                for value, col in zip(row.cells, table.columns, strict=True):
                    if data.name == "data-tahunan" and col.key == "key":
                        continue  # the ministry's data codes ('anggota', 'rat'), shown on purpose
                    if col.kind is Kind.TEXT:
                        yield format_cell(value, col.kind, "id")


def test_no_report_shows_a_raw_code(demo_db, tmp_path):
    """Every report in the registry, built for the demo: no cell, figure, chart label or
    list item in a cell is a bare code (``lunas``, ``angsuran``, ``pinggiran``), and the PDF
    names no rule or audited action by its code (``aturan 'permen'``, ``loan.month_end``)."""
    add_demo_loans(demo_db)
    codes = raw_codes(demo_db)
    assert {"lunas", "angsuran", "pinggiran", "pkk", "permen", "pencairan"} <= codes
    found = {}
    for spec in registry.list_reports():
        data = registry.build(demo_db, spec.name)
        for value in _texts(data):
            items = [x.strip(" ()'") for x in re.split(r"[,;·]", value)]
            bad = {x for x in items if x in codes}
            if bad:
                found.setdefault(spec.name, set()).update(bad)
        pdf = pdf_text(registry.render(data, tmp_path / f"{spec.name}.pdf", "pdf"))
        for line in pdf.splitlines():
            bad = set(_DOTTED.findall(line)) | {c for c in codes if f"'{c}'" in line}
            if bad:
                found.setdefault(spec.name, set()).update(bad)
    assert not found, found


def test_the_raw_code_check_can_fail():
    """The check above sees a bare code in a cell and a code in a comma list."""
    from koperasi.reports.model import Column, ReportData, Row, Section, Table
    from koperasi.reports.model import Organisation as Org

    cols = (Column("status", T("Status"), Kind.TEXT),)
    table = Table("t", T("t"), cols, (Row(("lunas",)), Row(("Lansia, pinggiran",))))
    data = ReportData("x", T("x"), Org("K"), sections=(Section(None, (), (table,)),))
    values = list(_texts(data))
    assert values == ["lunas", "Lansia, pinggiran"]
    items = {x.strip() for v in values for x in re.split(r"[,;·]", v)}
    assert {"lunas", "pinggiran"} <= items


def test_payee_on_the_cash_line_both_databases(db, actor):
    """On SQLite and PostgreSQL: the payee is kept on the cash/bank line only, the books
    still check (the seal covers the memo), and the voucher names the payee."""
    from koperasi.services import check

    bank = ledger.add_manual_entry(
        db,
        actor,
        dt.date(2025, 4, 2),
        "Biaya administrasi bank",
        [Line("5.11", debit=7_500), Line("1.02", credit=7_500)],
        payee="Bank Kaltimtara",
    )
    assert {ln.account_code: ln.memo for ln in bank.lines} == {
        "5.11": "",
        "1.02": "Bank Kaltimtara",
    }
    p = receipts.receipt_paper(db, bank.receipt_no)
    assert (p.kind, p.party, p.amount) == ("expense", "Bank Kaltimtara", 7_500)
    # without a payee the voucher leaves a line to write the name on
    plain = ledger.add_manual_entry(
        db,
        actor,
        dt.date(2025, 4, 3),
        "Sumbangan",
        [Line("1.01", debit=50_000), Line("4.90", credit=50_000)],
    )
    p = receipts.receipt_paper(db, plain.receipt_no)
    assert p.kind == "income" and p.party.strip(".") == "" and p.party != "-"
    assert check.run_checks(db).ok


def test_every_audited_action_of_the_demo_has_a_label(demo_db):
    from koperasi.db.models import AuditEntry

    with read_only(demo_db) as s:
        actions = set(s.scalars(select(AuditEntry.action).distinct()))
    assert "member.register" in actions
    missing = {a for a in actions if messages.label("audit_action", a) == a}
    assert not missing, missing


def test_signature_block_never_alone_on_its_page(tmp_path):
    """Whatever the table's length, the page with the signatures also holds rows of the
    table they sign (and a table's title is never the last thing on a page)."""
    from report_helpers import pdf_pages

    from koperasi.reports.model import (
        Column,
        Organisation,
        Period,
        ReportData,
        Row,
        Section,
        Signature,
        Table,
    )
    from koperasi.reports.pdf import render_pdf

    cols = (
        Column("desc", T("Keterangan", "Description"), Kind.TEXT, 4),
        Column("amount", T("Jumlah", "Amount"), Kind.MONEY, 1.5, total=True),
    )
    seen_split = False
    for n in range(38, 62):
        rows = tuple(Row((f"Baris nomor {i}", 1_000 + i)) for i in range(n))
        data = ReportData(
            "contoh",
            T("Neraca Contoh"),
            Organisation("KSP Uji"),
            Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31), T("Januari 2026")),
            sections=(Section(None, (), (Table("t", T("Daftar baris"), cols, rows),)),),
            signatures=(Signature(T("Ketua"), "Hj. Rahmawati"), Signature(T("Bendahara"), "Sri")),
        )
        pages = pdf_pages(render_pdf(data, tmp_path / f"s{n}.pdf"))
        last = pages[-1]
        assert "Hj. Rahmawati" in last and "Ketua" in last
        assert "Baris nomor" in last, (n, len(pages))  # rows of the table above the names
        assert f"Baris nomor {n - 1}" in last
        seen_split |= len(pages) > 1
        for page in pages[:-1]:
            assert page.rstrip().splitlines()[-3].strip() != "Daftar baris"
    assert seen_split  # the range crosses the page boundary


def test_journal_cells_empty_and_cash_book_names_counter_account(demo_db, tmp_path):
    params = ReportParams(period="2026-10")
    journal = registry.build(demo_db, "jurnal", params)
    lines = pdf_text(registry.render(journal, tmp_path / "j.pdf", "pdf")).splitlines()
    assert "Rp0" not in [x.strip() for x in lines]  # the other side of a line is empty
    table = journal.table("jurnal")
    for d, c in zip(table.values("debit"), table.values("credit"), strict=True):
        assert (d is None) != (c is None)
    book = registry.build(demo_db, "buku-kas", params)
    cash = book.table("buku_kas")
    counters = [text(v, "id") for v in cash.values("counter")]
    accounts = [text(v, "id") for v in cash.values("account")]
    assert all(counters)
    # a row never names its own account; Kas is the counter only of the bank's side of a
    # transfer between Kas and the bank (the demo banks its spare cash)
    assert not any(c.split()[0] == a.split()[0] for a, c in zip(accounts, counters, strict=True))
    assert all(
        a.startswith("1.02")
        for a, c in zip(accounts, counters, strict=True)
        if c.startswith("1.01")
    )
    assert any(c.startswith("1.01") for c in counters)
    assert "3.11 Simpanan Wajib" in counters
    for receipt, member in zip(cash.values("receipt"), cash.values("member"), strict=True):
        if receipt.startswith(("SMP-", "PJM-")):
            assert re.match(r"A\d{5} – \S", member), (receipt, member)
    tot = cash.totals()
    assert book.figure("opening") + tot["in"] - tot["out"] == book.figure("closing")
