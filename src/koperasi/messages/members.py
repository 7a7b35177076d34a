"""Members: identity (NIK), status, groups and their leaders."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "nik_format": (
        "{field} harus 16 digit angka (diisi: '{value}').",
        "{field} must be 16 digits (given: '{value}').",
    ),
    "nik_invalid": (
        "{field} '{value}' tidak sah: kode tanggal lahir atau wilayah salah.",
        "{field} '{value}' is not valid: wrong birth-date or region code.",
    ),
    "member_not_active": (
        "Anggota {member} berstatus {status}; transaksi tidak dapat dilakukan.",
        "Member {member} has status {status}; no transaction is possible.",
    ),
    "member_has_debt": (
        "Anggota {member} masih memiliki pinjaman {amount}; lunasi atau potong dari simpanan.",
        "Member {member} still owes {amount} on loans; settle it or offset it from savings.",
    ),
    "group_has_leader_elsewhere": (
        "Ketua kelompok harus anggota kelompok {group}.",
        "The group leader must be a member of group {group}.",
    ),
    "not_in_group": (
        "Anggota {member} bukan anggota kelompok {group}.",
        "Member {member} is not in group {group}.",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    "nik": ("NIK", "NIK"),
    "name": ("Nama", "Name"),
    "gender": ("Jenis kelamin", "Gender"),
    "birth_date": ("Tanggal lahir", "Birth date"),
    "join_date": ("Tanggal masuk", "Join date"),
    "phone": ("Nomor telepon", "Phone number"),
    "member": ("Nomor anggota", "Member number"),
    "group": ("Kelompok", "Group"),
    "meeting_day": ("Hari pertemuan", "Meeting day"),
    "leader": ("Ketua kelompok", "Group leader"),
}
