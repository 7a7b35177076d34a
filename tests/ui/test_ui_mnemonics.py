"""Alt+letter is unique in every window and dialog: the main window with every page (and
every tab of every page), and every dialog and wizard the app defines. A collision makes
Alt+letter only cycle the focus (the menu bar's Alt+B stole Pinjaman's "&Bayar")."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QTabWidget, QWizard
from uihelpers import TODAY

from koperasi.services import chart_of_accounts
from koperasi.services import groups as groups_service
from koperasi.services import ledger as ledger_service
from koperasi.services import members as members_service
from koperasi.services import savings as savings_service
from koperasi.services import shu as shu_service
from koperasi.services.auth import SYSTEM
from koperasi.services.loans import views as loan_views
from koperasi.services.loans.group_meeting import GroupMeetingResult
from koperasi.services.meeting_sheet import SheetImport, SheetProblem
from koperasi.ui import mnemonics
from koperasi.ui.main_window import PAGE_KEYS


def test_mnemonic_helpers():
    assert mnemonics.mnemonic("&Bayar") == "b"
    assert mnemonics.mnemonic("Simpan && &tutup") == "t"
    assert mnemonics.mnemonic("Tanpa") is None
    assert mnemonics.with_mnemonic("&Bayar angsuran", {"b"}) == "Bayar &angsuran"
    assert mnemonics.with_mnemonic("&Bayar", {"b", "a"}) == "Ba&yar"
    assert mnemonics.with_mnemonic("&Ab", {"a", "b"}) == "Ab"


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    qtbot.wait(5)
    QApplication.processEvents()


def _assert_unique(window, where: str) -> None:  # type: ignore[no-untyped-def]
    clash = mnemonics.collisions(window)
    assert not clash, f"{where}: the same Alt+letter on {clash}"


def test_main_window_every_page_and_tab(window, qtbot):
    win = window
    menus = {mnemonics.mnemonic(a.text()) for a in win.menuBar().actions()}
    assert {"b", "t", "a", "n"} <= menus  # the menu bar keeps its letters
    for key in PAGE_KEYS:
        page = win.go(key)
        _settle(qtbot)
        _assert_unique(win, key)
        for tabs in page.findChildren(QTabWidget):
            if not tabs.isVisibleTo(win):
                continue
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                _settle(qtbot)
                _assert_unique(win, f"{key} tab {tabs.tabText(i)!r}")
    # the loans page's own buttons still have an Alt+letter each (moved, not dropped)
    win.go("loans")
    _settle(qtbot)
    buttons = [
        b for b in win.loans.findChildren(QPushButton) if b.isVisibleTo(win) and "&" in b.text()
    ]
    assert buttons


def _dialog_classes() -> set[type]:
    import koperasi.ui
    import koperasi.ui.pages

    found = set()
    for pkg in (koperasi.ui, koperasi.ui.pages):
        for info in pkgutil.iter_modules(pkg.__path__):
            if info.name in ("build_forms", "build_translations", "forms"):
                continue
            module = importlib.import_module(f"{pkg.__name__}.{info.name}")
            for obj in vars(module).values():
                if (
                    inspect.isclass(obj)
                    and issubclass(obj, QDialog)
                    and obj.__module__ == module.__name__
                ):
                    found.add(obj)
    return found


# bases only ever shown through a subclass
ABSTRACT = {"FormDialog", "LoanStepDialog", "ReceiptWindow"}


_KEPT: list = []


def _kept(widget):  # type: ignore[no-untyped-def]
    """A parent the dialog under test needs alive (Python would free it with the lambda,
    and Qt would then delete the dialog a second time at teardown)."""
    _KEPT.append(widget)
    return widget


def _factories(ctx):  # type: ignore[no-untyped-def]
    """Class name -> a function building that dialog over the demo cooperative."""
    from koperasi.services.fixed_assets import AssetRow
    from koperasi.ui import crash, login, period_choice, welcome
    from koperasi.ui.pages import (
        agreement_template,
        bank_dialogs,
        closing,
        exchange_common,
        fixed_assets,
        groups,
        import_wizard,
        ledger_dialogs,
        lending_rules,
        loan_dialogs,
        loan_payment_dialogs,
        loan_products,
        loan_receipt,
        loan_rules,
        loan_wizard,
        loan_workout_dialogs,
        meeting,
        meeting_sheet,
        member_detail,
        member_dialog,
        payroll,
        rat_officers,
        savings,
        shu_panel,
        standing,
        time_deposit_dialogs,
    )

    db = ctx.db
    member = members_service.list_members(db, limit=5)[0]
    detail = members_service.get_member(db, member.number)
    group = groups_service.list_groups(db)[0]
    by_status: dict[str, str] = {}
    for row in loan_views.list_loans(db, limit=500):
        by_status.setdefault(row.status, row.number)
    active = loan_views.get_loan(db, by_status["aktif"])
    loan_tx = active.transactions[0]
    account = next(a for a in chart_of_accounts.list_accounts(db) if a.type == "expense")
    entry = ledger_service.list_entries(db, limit=1)[0]
    entry_view = ledger_service.get_entry(db, entry.id)
    savings_view = savings_service.deposit(
        db, SYSTEM, member.number, "SUKARELA", 10_000, TODAY, "uji"
    )
    from koperasi.services.bank import StatementLineView

    bank_line = StatementLineView(1, TODAY, "BIAYA ADM", -15_000, 1_000_000, (), None)
    from koperasi.services.bank import list_bank_accounts

    bank_code = list_bank_accounts(db)[0].code  # the demo's bank account
    plan = shu_service.plan(db, TODAY.year - 1)
    asset = AssetRow(1, "AT-001", "Laptop", "peralatan", TODAY, "Kantor", 48, 0, 9_000_000, 0, None)
    result = GroupMeetingResult(group.code, TODAY, ())
    from decimal import Decimal

    from koperasi.services.time_deposits import DepositView

    deposit = DepositView(
        "SB-2025-00001", member.number, member.name, None, "B6", "Berjangka 6 bulan",
        10_000_000, Decimal(6), 6, "jatuh_tempo", "aro", "kas", TODAY, TODAY, TODAY, 0,
        "aktif", None, 0, 50_000,
    )  # fmt: skip
    return {
        "ErrorDialog": lambda: crash.ErrorDialog(RuntimeError("uji"), "detail"),
        "LoginDialog": lambda: login.LoginDialog(db, ctx.runner),
        "UserDialog": lambda: login.UserDialog("new", lambda v: None, []),
        "PasswordDialog": lambda: login.PasswordDialog("change", lambda a, b: None),
        "WelcomeDialog": lambda: welcome.WelcomeDialog(["/tmp/a.db"]),
        "NewCooperativeWizard": lambda: welcome.NewCooperativeWizard(),
        "ReasonDialog": lambda: closing.ReasonDialog(ctx, "Buka", "bulan", lambda r: None),
        "ImportWizard": lambda: import_wizard.ImportWizard(ctx, exchange_common.FileDialogs()),
        "GroupDialog": lambda: groups.GroupDialog(ctx, group),
        "AccountSideDialog": lambda: ledger_dialogs.AccountSideDialog(ctx, account),
        "VoucherWindow": lambda: ledger_dialogs.VoucherWindow(ctx, entry_view),
        "ManualEntryDialog": lambda: ledger_dialogs.ManualEntryDialog(ctx),
        "DecisionDialog": lambda: loan_dialogs.DecisionDialog(
            ctx, loan_views.get_loan(db, by_status.get("diajukan", active.number)), True
        ),
        "DisburseDialog": lambda: loan_dialogs.DisburseDialog(
            ctx, loan_views.get_loan(db, by_status.get("disetujui", active.number))
        ),
        "RepaymentDialog": lambda: loan_payment_dialogs.RepaymentDialog(ctx, active.number),
        "PayoffDialog": lambda: loan_payment_dialogs.PayoffDialog(ctx, active),
        "LoanReceiptDialog": lambda: loan_receipt.LoanReceiptDialog(ctx, loan_tx),
        "RescheduleDialog": lambda: loan_workout_dialogs.RescheduleDialog(ctx, active),
        "WriteOffDialog": lambda: loan_workout_dialogs.WriteOffDialog(ctx, active),
        "RecoveryDialog": lambda: loan_workout_dialogs.RecoveryDialog(ctx, active),
        "LoanProductDialog": lambda: loan_products.LoanProductDialog(ctx, None),
        "LoanProductsDialog": lambda: loan_products.LoanProductsDialog(ctx),
        "LoanApplicationWizard": lambda: loan_wizard.LoanApplicationWizard(ctx, member.number),
        "CollateralDialog": lambda: loan_rules.CollateralDialog(ctx, active),
        "GuarantorDialog": lambda: loan_rules.GuarantorDialog(ctx, active),
        "ReturnCollateralDialog": lambda: loan_rules.ReturnCollateralDialog(ctx, active),
        "BoardApprovalDialog": lambda: loan_rules.BoardApprovalDialog(ctx, active),
        "PendingApprovalsDialog": lambda: loan_rules.PendingApprovalsDialog(ctx),
        "RelatedPartyDialog": lambda: lending_rules.RelatedPartyDialog(ctx, member.number),
        "GroupMeetingDialog": lambda: meeting.GroupMeetingDialog(ctx, group.code, group.name),
        "MeetingReceiptsDialog": lambda: meeting.MeetingReceiptsDialog(ctx, result),
        "MemberDialog": lambda: member_dialog.MemberDialog(ctx, detail),
        "MemberDetailDialog": lambda: member_detail.MemberDetailDialog(ctx, member.number),
        "ExitMemberDialog": lambda: member_detail.ExitMemberDialog(ctx, detail),
        "SavingsTxDialog": lambda: savings.SavingsTxDialog(ctx, "withdraw", member.number),
        "ReverseAssetDialog": lambda: fixed_assets.ReverseAssetDialog(ctx, asset),
        "BankAccountDialog": lambda: bank_dialogs.BankAccountDialog(ctx),
        "StatementImportDialog": lambda: bank_dialogs.StatementImportDialog(ctx, "BANK-1"),
        "PostLineDialog": lambda: bank_dialogs.PostLineDialog(ctx, bank_line),
        "MappingDialog": lambda: bank_dialogs.MappingDialog(ctx, bank_code),
        "ReceiptDialog": lambda: savings.ReceiptDialog(ctx, savings_view),
        "ReverseDialog": lambda: savings.ReverseDialog(ctx, "setoran", lambda r: None),
        "ShuDistributeDialog": lambda: shu_panel.ShuDistributeDialog(ctx, plan),
        "PeriodDialog": lambda: period_choice.PeriodDialog(
            TODAY, ctx.lang, "Akhir bulan", "Pilih bulan", "&Proses", lambda y, m: None
        ),
        "OfficerDialog": lambda: rat_officers.OfficerDialog(),
        "AgreementTemplateDialog": lambda: agreement_template.AgreementTemplateDialog(ctx),
        "AssetDialog": lambda: fixed_assets.AssetDialog(ctx),
        "DisposeDialog": lambda: fixed_assets.DisposeDialog(ctx, asset),
        "DepreciationDialog": lambda: fixed_assets.DepreciationDialog(ctx),
        "ImportDialog": lambda: fixed_assets.ImportDialog(ctx),
        "SheetPreviewDialog": lambda: meeting_sheet.SheetPreviewDialog(
            ctx,
            _kept(meeting.GroupMeetingDialog(ctx, group.code, group.name)),
            "lembar.xlsx",
            group.code,
            TODAY,
            SheetImport("x", group.code, TODAY, (), (SheetProblem("sheet_empty"),)),
        ),
        "PlaceDepositDialog": lambda: time_deposit_dialogs.PlaceDepositDialog(ctx, member.number),
        "WithdrawDepositDialog": lambda: time_deposit_dialogs.WithdrawDepositDialog(ctx, deposit),
        "InstructionDialog": lambda: time_deposit_dialogs.InstructionDialog(ctx, deposit),
        "ProductsDialog": lambda: time_deposit_dialogs.ProductsDialog(ctx),
        "StandingInstructionDialog": lambda: standing.StandingInstructionDialog(ctx),
        "EmployerDialog": lambda: payroll.EmployerDialog(ctx),
        "LinkDialog": lambda: payroll.LinkDialog(ctx, "PEMKOT"),
        "PayrollImportDialog": lambda: payroll.PayrollImportDialog(ctx),
    }


def test_every_dialog_is_covered_here(demo_db, make_ctx):
    names = {c.__name__ for c in _dialog_classes()} - ABSTRACT
    missing = names - set(_factories(make_ctx(demo_db)))
    assert not missing, f"add these dialogs to the mnemonic walk: {sorted(missing)}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_dialog_has_unique_mnemonics(demo_db, make_ctx, qtbot, lang):
    from koperasi.ui import i18n

    # as the app does (ui/app.py): dialogs are resolved when shown, whether or not a main
    # window was built earlier in this process
    mnemonics.install(QApplication.instance())
    i18n.install(lang)
    try:
        for name, build in _factories(make_ctx(demo_db, lang=lang)).items():
            dlg = build()
            qtbot.addWidget(dlg)
            dlg.show()
            _settle(qtbot)
            _assert_unique(dlg, name)
            if isinstance(dlg, QWizard):  # every step of a wizard
                for _ in range(len(dlg.pageIds())):
                    dlg.next()
                    _settle(qtbot)
                    _assert_unique(dlg, f"{name} step {dlg.currentId()}")
            dlg.hide()
    finally:
        i18n.install("id")
