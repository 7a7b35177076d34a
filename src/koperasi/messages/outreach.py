"""Messages to members and the office: templates, consent, reminders."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- messages to members and
    # the offline meeting sheet (issue 21, parts 3 and 4)
    "msg_template_too_long": (
        "{field} terlalu panjang (maks. {max} karakter).",
        "{field} is too long (at most {max} characters).",
    ),
    "msg_template_braces": (
        "{field}: tanda kurung kurawal tidak berpasangan; tulis isian seperti {{nama}}.",
        "{field}: unmatched curly braces; write placeholders like {{nama}}.",
    ),
    "msg_template_unknown": (
        "{field}: isian {names} tidak dikenal. Yang boleh: {allowed}.",
        "{field}: unknown placeholders {names}. Allowed: {allowed}.",
    ),
    "msg_rat_not_planned": (
        "Tanggal RAT tahun buku {year} belum dicatat (menu RAT, Rapat).",
        "The date of the RAT for financial year {year} has not been recorded (RAT page, Meeting).",
    ),
    "msg_nothing_selected": (
        "Belum ada pesan yang dipilih.",
        "No message is selected.",
    ),
    "msg_not_on_list": (
        "Pesan untuk {member} ({ref}) tidak ada di daftar hari ini.",
        "There is no message for {member} ({ref}) on today's list.",
    ),
    "msg_already_sent": (
        "Pesan untuk {member} ({ref}) sudah ditandai terkirim.",
        "The message for {member} ({ref}) is already marked sent.",
    ),
    "msg_phone_invalid": (
        "Nomor HP anggota {member} tidak sah ('{value}'); perbaiki di data anggota.",
        "Member {member}'s phone number is not valid ('{value}'); correct it in the "
        "member's record.",
    ),
    "msg_export_suffix": (
        "Berkas '{value}' harus berakhiran .csv atau .xlsx.",
        "The file '{value}' must end in .csv or .xlsx.",
    ),
    "sheet_no_members": (
        "Kelompok {group} tidak memiliki anggota aktif.",
        "Group {group} has no active members.",
    ),
    "sheet_refused": (
        "Lembar pertemuan tidak dibukukan ({n} masalah; tidak ada yang disimpan). {first}",
        "The meeting sheet was not posted ({n} problems; nothing was saved). {first}",
    ),
    "sheet_unreadable": (
        "Berkas '{path}' tidak dapat dibaca sebagai buku kerja Excel ({detail}).",
        "The file '{path}' cannot be read as an Excel workbook ({detail}).",
    ),
    "sheet_not_ours": (
        "Berkas '{path}' bukan lembar pertemuan yang diekspor aplikasi ini.",
        "The file '{path}' is not a meeting sheet exported by this app.",
    ),
    "sheet_tampered": (
        "Lembar ini telah diubah di luar kolom isian (checksum tidak cocok) atau bukan dari "
        "basis data ini. Ekspor lembar baru.",
        "This sheet was changed outside its amount columns (checksum mismatch) or is not "
        "from this database. Export a new sheet.",
    ),
    "sheet_row_changed": (
        "nomor, nama, tagihan atau saldo diubah (hanya kolom kuning boleh diisi).",
        "the number, name, dues or balances were changed (only the yellow columns may be "
        "filled in).",
    ),
    "sheet_row_added": (
        "baris tambahan di luar daftar anggota yang diekspor.",
        "an extra row outside the members exported.",
    ),
    "sheet_not_amount": (
        "'{value}' bukan jumlah rupiah bulat 0 atau lebih.",
        "'{value}' is not a whole rupiah amount of 0 or more.",
    ),
    "sheet_other_group": (
        "Lembar ini untuk kelompok {group}, bukan {wanted}.",
        "This sheet is for group {group}, not {wanted}.",
    ),
    "sheet_other_date": (
        "Lembar ini untuk pertemuan tanggal {date}, bukan {wanted}.",
        "This sheet is for the meeting of {date}, not {wanted}.",
    ),
    "sheet_already_posted": (
        "Lembar ini sudah dibukukan pada {at} oleh {user}.",
        "This sheet was already posted on {at} by {user}.",
    ),
    "sheet_meeting_posted": (
        "Pertemuan kelompok {group} tanggal {date} sudah dibukukan dari lembar lain oleh {user}.",
        "The meeting of group {group} on {date} was already posted from another sheet by {user}.",
    ),
    "sheet_member_gone": (
        "anggota ini tidak lagi anggota aktif kelompok; ekspor lembar baru.",
        "this member is no longer an active member of the group; export a new sheet.",
    ),
    "sheet_member_new": (
        "Anggota {member} masuk kelompok sesudah lembar diekspor; ekspor lembar baru.",
        "Member {member} joined the group after the sheet was exported; export a new sheet.",
    ),
    "sheet_stale_row": (
        "tagihan atau saldo berubah sejak lembar diekspor ({columns}); ekspor lembar baru.",
        "dues or balances changed since the sheet was exported ({columns}); export a new sheet.",
    ),
    "sheet_empty": (
        "Lembar ini belum berisi pembayaran.",
        "This sheet holds no payments yet.",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    "message_kind": ("Jenis pesan", "Message kind"),
    "template_text": ("Teks templat", "Template text"),
    "days_before": ("Hari sebelum jatuh tempo", "Days before the due date"),
    "rat_year": ("Tahun buku RAT", "RAT financial year"),
    "messages": ("Pesan", "Messages"),
    "channel": ("Saluran", "Channel"),
    "path": ("Berkas", "File"),
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "message_kind": {
        "jatuh_tempo": ("Angsuran akan jatuh tempo", "Installment falling due"),
        "tunggakan": ("Tunggakan pinjaman", "Loan in arrears"),
        "setoran": ("Setoran diterima", "Deposit received"),
        "shu": ("SHU dibayarkan", "SHU paid"),
        "rat": ("Undangan RAT", "RAT invitation"),
    },
}

AUDIT_ACTIONS: dict[str, tuple[str, str]] = {
    "message.template": ("Templat pesan diubah", "Message template changed"),
    "message.consent": ("Persetujuan pesan anggota", "Member's message consent"),
    "message.sent": ("Pesan ditandai terkirim", "Messages marked sent"),
    "meeting_sheet.export": ("Lembar pertemuan diekspor", "Meeting sheet exported"),
    "meeting_sheet.import": ("Lembar pertemuan dibukukan", "Meeting sheet posted"),
}
