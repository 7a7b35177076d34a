"""Fixed assets."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # fixed assets (services/fixed_assets.py)
    "fa_residual_above_cost": (
        "{field} tidak boleh melebihi harga perolehan.",
        "{field} must not exceed the cost.",
    ),
    "fa_life_range": (
        "{field} harus bulan bulat antara 0 dan {max}.",
        "{field} must be a whole number of months between 0 and {max}.",
    ),
    "fa_accumulated_too_large": (
        "{field} tidak boleh melebihi harga perolehan dikurangi nilai sisa.",
        "{field} must not exceed the cost less the residual value.",
    ),
    "fa_file_unreadable": (
        "Berkas '{path}' tidak dapat dibaca sebagai buku kerja Excel: {detail}",
        "The file '{path}' cannot be read as an Excel workbook: {detail}",
    ),
    "fa_columns_missing": (
        "{field}: kolom wajib tidak ada di baris judul: {columns}.",
        "{field}: required columns missing from the header row: {columns}.",
    ),
    "fa_already_disposed": (
        "Aset ini sudah dilepas pada {date}.",
        "This asset was already disposed of on {date}.",
    ),
    "fa_cancelled": (
        "Pencatatan aset ini sudah dibatalkan pada {date}.",
        "This asset's entry was already reversed on {date}.",
    ),
    "fa_not_disposed": (
        "Aset ini belum dilepas; tidak ada pelepasan yang dapat dibatalkan.",
        "This asset has not been disposed of; there is no disposal to reverse.",
    ),
    "fa_reverse_disposal_first": (
        "Aset ini sudah dilepas: batalkan pelepasannya dahulu, lalu pencatatan asetnya.",
        "This asset was disposed of: reverse its disposal first, then its acquisition.",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    "asset": ("Aset tetap", "Fixed asset"),
    "asset_code": ("Kode aset", "Asset code"),
    "asset_group": ("Kelompok aset", "Asset group"),
    "cost": ("Harga perolehan", "Cost"),
    "residual": ("Nilai sisa", "Residual value"),
    "life_months": ("Umur manfaat (bulan)", "Useful life (months)"),
    "paid_from": ("Dibayar dari", "Paid from"),
    "accumulated": ("Akumulasi penyusutan", "Accumulated depreciation"),
    "opening_date": ("Tanggal saldo awal", "Opening date"),
    "proceeds": ("Hasil penjualan", "Sale proceeds"),
    "received_into": ("Diterima di", "Received into"),
    "location": ("Lokasi", "Location"),
    "acquired_on": ("Tanggal perolehan", "Acquisition date"),
}
