"""Display names of the loan module's codes (status, method, kolektibilitas...), id/en.

The services keep the codes; these are what a treasurer reads. Labels that the services
already define (status, transaction kind, kolektibilitas) are taken from there.
"""

from __future__ import annotations

from ...domain.arrears import CLASS_LABELS
from ...messages import LABELS
from ...messages.text import pick

# services.loans (STATUS_LABELS, KIND_LABELS) is imported by the two functions that use it:
# the dashboard, shown first, needs only the kolektibilitas labels

METHOD_LABELS = LABELS["loan_method"]
UNIT_LABELS = {
    "week": ("minggu", "week"),
    "month": ("bulan", "month"),
    "day": ("hari", "day"),
    "year": ("tahun", "year"),
}
RATE_PER_LABELS = {"month": ("per bulan", "per month"), "year": ("per tahun", "per year")}
PAYOFF_LABELS = {
    "due_only": ("Bayar yang jatuh tempo saja, sisa bunga dibebaskan", "Only what is due"),
    "current_period": (
        "Bunga periode berjalan, sisa bunga dibebaskan",
        "Current period's interest",
    ),
    "all_scheduled": ("Seluruh bunga terjadwal", "All scheduled interest"),
}
FEE_KIND_LABELS = {
    "none": ("Tanpa biaya", "No fee"),
    "flat": ("Nominal tetap", "Fixed amount"),
    "percent": ("Persen dari pinjaman", "Percent of the loan"),
}
FEE_MODE_LABELS = {
    "deduct": ("Dipotong dari pencairan", "Deducted at disbursement"),
    "cash": ("Dibayar tunai", "Paid in cash"),
}
PENALTY_KIND_LABELS = {
    "none": ("Tanpa denda", "No penalty"),
    "flat": ("Nominal tetap", "Fixed amount"),
    "percent": ("Persen dari tunggakan", "Percent of arrears"),
}
SOURCE_LABELS = LABELS["loan_source"]
COMPONENT_LABELS = {
    "penalty": ("Denda", "Penalty"),
    "fee": ("Biaya", "Fee"),
    "interest": ("Bunga", "Interest"),
    "principal": ("Pokok", "Principal"),
}


def label(table: dict[str, tuple[str, str]], code: str | None, lang: str) -> str:
    if code is None:
        return ""
    pair = table.get(code)
    return pick(pair, lang) if pair else code


def status_label(code: str, lang: str) -> str:
    from ...services.loans.core import STATUS_LABELS

    return label(STATUS_LABELS, code, lang)


def kind_label(code: str, lang: str) -> str:
    from ...services.loans.core import KIND_LABELS

    return label(KIND_LABELS, code, lang)


def class_label(code: str, lang: str) -> str:
    return label(CLASS_LABELS, code, lang)
