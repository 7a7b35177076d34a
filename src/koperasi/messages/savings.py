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
    # savings: balances, minimums, fixed amounts
    "insufficient_balance": (
        "Saldo tidak cukup: penarikan {amount} melebihi saldo yang dapat ditarik {available}.",
        "Insufficient balance: withdrawal of {amount} exceeds the withdrawable balance {available}.",
    ),
    "below_minimum": (
        "Saldo {product} harus paling sedikit {minimum} (setoran awal minimal).",
        "The {product} balance must be at least {minimum} (minimum opening deposit).",
    ),
    "withdraw_only_at_exit": (
        "{product} hanya dapat ditarik saat keanggotaan berakhir.",
        "{product} savings can only be withdrawn when membership ends.",
    ),
    "fixed_amount": (
        "{field} untuk {product} harus {expected}.",
        "{field} for {product} must be {expected}.",
    ),
    "pokok_already_paid": (
        "Simpanan pokok anggota {member} sudah lunas.",
        "Member {member} has already paid the simpanan pokok.",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    # savings: balances, minimums, fixed amounts
    "wajib": ("Simpanan wajib", "Mandatory savings"),
    "sukarela": ("Simpanan sukarela", "Voluntary savings"),
}
