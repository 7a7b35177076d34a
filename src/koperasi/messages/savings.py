"""Savings: withdrawals."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- withdrawals (issue 18)
    "insufficient_keep_minimum": (
        "Saldo tidak cukup: penarikan {amount} melebihi saldo yang dapat ditarik "
        "{available}, karena saldo minimum {minimum} harus tetap tersisa.",
        "Insufficient balance: withdrawal of {amount} exceeds the withdrawable balance "
        "{available}, as the minimum balance of {minimum} must remain.",
    ),
}
