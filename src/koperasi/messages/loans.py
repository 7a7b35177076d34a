"""Loans: agreement papers, collateral, approvals and lending limits."""

from __future__ import annotations

from ..domain import vocabulary as _domain_vocabulary

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- loan papers (issue 17): the agreement template, the paid-off letter ----
    "unknown_placeholder": (
        "{field}: isian {value} tidak dikenal. Isian yang dapat dipakai: {known}.",
        "{field}: unknown placeholder {value}. The placeholders you can use: {known}.",
    ),
    "stray_brace": (
        "{field}: tanda kurung kurawal tanpa pasangan di baris {line}; tulis isian "
        "sebagai {{nama_anggota}}.",
        "{field}: an unmatched brace on line {line}; write a placeholder as {{nama_anggota}}.",
    ),
    "loan_not_paid_off": (
        "Pinjaman {number} belum lunas (status: {status}); surat keterangan lunas hanya "
        "untuk pinjaman yang sudah lunas.",
        "Loan {number} is not fully repaid (status: {status}); a paid-off letter is only "
        "for a loan that has been repaid in full.",
    ),
    # ---------------------------------------------------------------- issue 17 parts 3, 5, 6:
    # collateral and guarantors, lending limits and four-eyes approval, allocation orders
    "limit_breach": (
        "{rule}: {exposure} melebihi batas {limit}",
        "{rule}: {exposure} is over the limit of {limit}",
    ),
    "needs_board_approvals": (
        "Pinjaman {loan} perlu persetujuan pengurus dan pengawas ({why}); belum ada "
        "persetujuan: {missing}.",
        "Loan {loan} needs the approval of both the board and the supervisors ({why}); "
        "still missing: {missing}.",
    ),
    "board_already_approved": (
        "{body} sudah menyetujui pinjaman {loan}.",
        "The {body} already approved loan {loan}.",
    ),
    "four_eyes_same_user": (
        "Persetujuan harus oleh pengguna lain, bukan {user} yang mengajukan.",
        "The approval must come from another user, not {user} who asked for it.",
    ),
    "four_eyes_loan": (
        "Pinjaman di atas {limit} harus disetujui oleh pengguna lain, bukan {user} yang "
        "mencatat pengajuannya.",
        "A loan above {limit} must be approved by another user, not {user} who recorded "
        "the application.",
    ),
    "needs_second_user": (
        "{what} perlu persetujuan pengguna kedua: ajukan permintaan persetujuan.",
        "{what} needs a second user's approval: file an approval request.",
    ),
    "request_waiting": (
        "Permintaan yang sama (no. {id}) masih menunggu persetujuan.",
        "The same request (no. {id}) is still waiting for approval.",
    ),
    "request_decided": (
        "Permintaan no. {id} sudah diputuskan ({status}).",
        "Request no. {id} was already decided ({status}).",
    ),
    "collateral_loan_closed": (
        "Pinjaman {loan} sudah tidak terbuka; jaminan atau penjamin tidak dapat ditambah.",
        "Loan {loan} is no longer open; no collateral or guarantor can be added.",
    ),
    "collateral_loan_open": (
        "Jaminan pinjaman {loan} baru dapat dikembalikan setelah pinjaman lunas.",
        "The collateral of loan {loan} can be returned only once the loan is paid off.",
    ),
    "collateral_none_held": (
        "Tidak ada jaminan pinjaman {loan} yang masih disimpan.",
        "No collateral of loan {loan} is still held.",
    ),
    "collateral_required": (
        "Produk {product} mensyaratkan jaminan untuk pinjaman di atas {above}; pinjaman "
        "{amount} belum berjaminan.",
        "Product {product} requires collateral for loans above {above}; this loan of "
        "{amount} has none.",
    ),
    "collateral_cover": (
        "Nilai jaminan {value} kurang dari {ratio}% pokok pinjaman ({need}) yang "
        "disyaratkan produk {product}.",
        "The collateral's value {value} is below the {ratio}% of the principal ({need}) "
        "product {product} requires.",
    ),
    "collateral_not_returned": (
        "Belum ada jaminan pinjaman {loan} yang dikembalikan; surat serah terima dibuat "
        "setelah jaminan diserahkan kembali.",
        "No collateral of loan {loan} has been handed back yet; the hand-over letter comes "
        "after the hand-over.",
    ),
    "guarantor_is_borrower": (
        "Anggota {member} adalah peminjamnya sendiri dan tidak dapat menjadi penjamin.",
        "Member {member} is the borrower and cannot be the guarantor.",
    ),
    "collateral_incomplete": (
        "{field} wajib diisi bila pinjaman berjaminan: isi jenis, uraian dan nilai jaminan "
        "(atau kosongkan semua kolom jaminan).",
        "{field} is required when the loan has collateral: fill in its kind, description "
        "and value (or leave all the collateral columns empty).",
    ),
    # loans (issue 3)
    "out_of_range": (
        "{field} {value} di luar batas produk ({min} s.d. {max}).",
        "{field} {value} is outside the product's range ({min} to {max}).",
    ),
    "less_than": (
        "{field} tidak boleh lebih kecil dari {other}.",
        "{field} must not be less than {other}.",
    ),
    "rate_needs_confirm": (
        "{field} {rate} % per bulan sangat tinggi (> 10 %); konfirmasi dulu (--confirm-high-rate).",
        "{field} of {rate} % per month is very high (> 10 %); confirm it first (--confirm-high-rate).",
    ),
    "over_limit": (
        "{field} {amount} melebihi batas pinjaman {limit} ({multiple} x simpanan {savings}).",
        "{field} {amount} exceeds the loan limit {limit} ({multiple} x savings of {savings}).",
    ),
    "has_open_loan": (
        "Anggota {member} masih memiliki pinjaman {loan} yang belum selesai.",
        "Member {member} still has loan {loan} open.",
    ),
    "loan_wrong_status": (
        "Pinjaman {loan} berstatus {status}; langkah ini tidak dapat dilakukan.",
        "Loan {loan} has status {status}; this step is not possible.",
    ),
    "payoff_mismatch": (
        "Jumlah pelunasan {amount} tidak sama dengan jumlah tagihan pelunasan {quote}.",
        "The payoff amount {amount} differs from the payoff quote {quote}.",
    ),
    "before_reschedule": (
        "Transaksi sebelum restrukturisasi ({date}) tidak dapat dibalik.",
        "A transaction before the reschedule ({date}) cannot be reversed.",
    ),
    "replay_failed": (
        "Pembayaran {receipt} tidak dapat dibukukan ulang setelah koreksi; koreksi dibatalkan.",
        "Payment {receipt} cannot be replayed after the correction; nothing was changed.",
    ),
    "nothing_to_reschedule": (
        "Pinjaman {loan} tidak memiliki sisa pokok untuk dijadwal ulang.",
        "Loan {loan} has no principal left to reschedule.",
    ),
    "nothing_to_write_off": (
        "Pinjaman {loan} tidak memiliki sisa pokok untuk dihapusbukukan.",
        "Loan {loan} has no principal left to write off.",
    ),
    "no_active_loan": (
        "Anggota {member} tidak memiliki pinjaman aktif.",
        "Member {member} has no active loan.",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    "agreement_template": ("Templat surat perjanjian", "Agreement template"),
    "approver": ("Penyetuju", "Approver"),
    "approval": ("Persetujuan", "Approval"),
    "collateral_kind": ("Jenis jaminan", "Collateral kind"),
    "collateral_description": ("Uraian jaminan", "Collateral description"),
    "collateral_value": ("Nilai jaminan", "Collateral value"),
    "collateral_document": ("Nomor dokumen jaminan", "Collateral document number"),
    "guarantor_number": ("Nomor anggota penjamin", "Guarantor's member number"),
    "related_kind": ("Hubungan pihak terkait", "Related-party relation"),
    "breach_mode": ("Tindakan atas pelanggaran batas", "On a limit breach"),
    "bmpp_percent": ("BMPP (% modal sendiri)", "Per-borrower limit (% of own capital)"),
    "related_percent": (
        "Batas pihak terkait (% modal sendiri)",
        "Related-party limit (% of own capital)",
    ),
    "four_eyes_loan_above": (
        "Pinjaman di atas jumlah ini perlu pengguna kedua",
        "Loans above this amount need a second user",
    ),
    "collateral_above": ("Jaminan wajib di atas", "Collateral required above"),
    "cover_ratio": ("Rasio jaminan minimum (%)", "Minimum collateral cover (%)"),
    "allocation_order": ("Urutan alokasi angsuran", "Repayment allocation order"),
    # loans (issue 3)
    "principal": ("Pokok pinjaman", "Principal"),
    "repayments": ("Jumlah angsuran", "Number of repayments"),
    "every": ("Setiap", "Every"),
    "unit": ("Satuan periode", "Period unit"),
    "method": ("Metode bunga", "Interest method"),
    "rate_per": ("Bunga per", "Rate per"),
    "disbursed": ("Tanggal pencairan", "Disbursement date"),
    "first_due": ("Jatuh tempo pertama", "First due date"),
    "interest_period": ("Periode bunga", "Interest period"),
    "amounts_multiple": ("Kelipatan jumlah", "Amounts in multiples of"),
    "installment_multiple": ("Kelipatan angsuran", "Installment in multiples of"),
    "grace_principal": ("Masa tenggang pokok", "Grace on principal"),
    "grace_interest": ("Masa tenggang bunga", "Grace on interest payment"),
    "interest_free": ("Periode bebas bunga", "Interest-free periods"),
    "min_days": ("Jarak minimal hari", "Minimum days"),
    "discount": ("Potongan bunga", "Interest discount"),
    "penalty_kind": ("Jenis denda", "Penalty kind"),
    "penalty_per": ("Denda per", "Penalty per"),
    "penalty_amount": ("Jumlah denda", "Penalty amount"),
    "penalty_percent": ("Persentase denda", "Penalty percentage"),
    "penalty_grace": ("Masa tenggang denda (hari)", "Penalty grace (days)"),
    "loan": ("Nomor pinjaman", "Loan number"),
    "term": ("Jangka waktu (jumlah angsuran)", "Term (number of repayments)"),
    "purpose": ("Tujuan pinjaman", "Loan purpose"),
    "guarantor": ("Penjamin", "Guarantor"),
    "collateral": ("Nilai agunan", "Collateral value"),
    "min_amount": ("Pinjaman minimum", "Minimum amount"),
    "max_amount": ("Pinjaman maksimum", "Maximum amount"),
    "min_term": ("Jangka waktu minimum", "Minimum term"),
    "max_term": ("Jangka waktu maksimum", "Maximum term"),
    "fee_kind": ("Jenis biaya administrasi", "Fee kind"),
    "fee_amount": ("Biaya administrasi", "Fee amount"),
    "fee_percent": ("Biaya administrasi (%)", "Fee (%)"),
    "fee_mode": ("Cara bayar biaya", "Fee payment"),
    "penalty_grace_days": ("Masa tenggang denda (hari)", "Penalty grace days"),
    "limit_multiple": ("Batas pinjaman (x simpanan)", "Loan limit (x savings)"),
    "payoff_policy": ("Aturan pelunasan", "Payoff policy"),
    "transaction": ("Transaksi", "Transaction"),
    "disburse_to": ("Dicairkan ke", "Disbursed to"),
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "collateral_kind": {
        "bpkb": ("BPKB kendaraan", "Vehicle title (BPKB)"),
        "sertifikat": ("Sertifikat tanah/bangunan", "Land/building certificate"),
        "emas": ("Emas", "Gold"),
        "deposito": ("Deposito/simpanan berjangka", "Time deposit"),
        "lainnya": ("Lainnya", "Other"),
    },
    "collateral_event": {
        "diterima": ("Diterima", "Received"),
        "dikembalikan": ("Dikembalikan", "Returned"),
    },
    "limit_rule": {
        "bmpp": ("Batas maksimum pinjaman per peminjam (BMPP)", "Per-borrower limit (BMPP)"),
        "related": ("Batas pinjaman pihak terkait", "Related-party limit"),
        "savings_multiple": ("Kelipatan simpanan produk", "Product's savings multiple"),
    },
    "breach_mode": {
        "block": ("Tahan sampai disetujui pengurus dan pengawas", "Hold for both boards"),
        "warn": ("Peringatan saja", "Warn only"),
    },
    "allocation_order": {
        "standard": (
            "Standar: denda, biaya, bunga, pokok",
            "Standard: penalty, fee, interest, principal",
        ),
        "principal_first": (
            "Pokok dahulu: pokok, bunga, denda, biaya",
            "Principal first: principal, interest, penalty, fee",
        ),
        "interest_first": (
            "Bunga dahulu: bunga, pokok, denda, biaya",
            "Interest first: interest, principal, penalty, fee",
        ),
        "penalties_last": (
            "Denda terakhir: biaya, bunga, pokok, denda",
            "Penalties last: fee, interest, principal, penalty",
        ),
    },
    "approval_kind": _domain_vocabulary.APPROVAL_KIND_LABELS,
    "approval_status": _domain_vocabulary.APPROVAL_STATUS_LABELS,
}

AUDIT_ACTIONS: dict[str, tuple[str, str]] = {
    "approval.approve": ("Permintaan disetujui (pengguna kedua)", "Request approved"),
    "approval.cancel": ("Permintaan persetujuan dibatalkan", "Approval request cancelled"),
    "approval.reject": ("Permintaan persetujuan ditolak", "Approval request rejected"),
    "approval.request": ("Permintaan persetujuan diajukan", "Approval requested"),
    "collateral.receive": ("Jaminan diterima", "Collateral received"),
    "collateral.return": ("Jaminan dikembalikan", "Collateral returned"),
    "loan.board_approve": (
        "Persetujuan pengurus/pengawas atas pinjaman",
        "Board/supervisors' approval of a loan",
    ),
    "loan.guarantor": ("Penjamin pinjaman dicatat", "Loan guarantor recorded"),
    "loan.guarantor_remove": ("Penjamin pinjaman dihapus", "Loan guarantor removed"),
    "member.related": ("Status pihak terkait diubah", "Related-party status changed"),
}
