"""The RAT (annual members' meeting): budgets, officers, attendance."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- the RAT module (issue 16):
    # budgets, officers, meetings, governance answers. Kept in one block so merges stay easy.
    "budget_account": (
        "{field} '{value}': anggaran hanya untuk akun pendapatan atau beban.",
        "{field} '{value}': a budget is only for an income or expense account.",
    ),
    "budget_overlap": (
        "{field} '{value}' tumpang tindih dengan anggaran akun {other} (akun induk atau "
        "subakunnya); anggarkan salah satu saja.",
        "{field} '{value}' overlaps the budget of account {other} (its parent or "
        "sub-account); budget only one of them.",
    ),
    "budget_sheet": (
        "Lembar anggaran harus berkolom 'Kode' dan 'Anggaran' (baris {row}).",
        "The budget sheet needs the columns 'Kode' and 'Anggaran' (row {row}).",
    ),
    "present_exceeds_entitled": (
        "{field} ({value}) melebihi jumlah anggota yang berhak hadir ({other}).",
        "{field} ({value}) exceeds the members entitled to attend ({other}).",
    ),
    "unknown_question": (
        "Pertanyaan tata kelola '{value}' tidak dikenal.",
        "Unknown governance question '{value}'.",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    "account_code": ("Kode akun", "Account code"),
    "budget": ("Anggaran", "Budget"),
    "officer_body": ("Badan (pengurus/pengawas/karyawan)", "Body (board/supervisors/staff)"),
    "position": ("Jabatan", "Position"),
    "term_start": ("Awal masa jabatan", "Start of term"),
    "term_end": ("Akhir masa jabatan", "End of term"),
    "members_entitled": ("Anggota yang berhak hadir", "Members entitled to attend"),
    "members_present": ("Anggota yang hadir", "Members present"),
    "quorum_rule": ("Aturan kuorum", "Quorum rule"),
    "text_kind": ("Jenis laporan", "Kind of report"),
    "place": ("Tempat", "Place"),
    "question": ("Pertanyaan tata kelola", "Governance question"),
    "officer_id": ("Nomor urut pengurus", "Officer number"),
}
