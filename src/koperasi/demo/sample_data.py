"""The demo's sample data: members' names, kelurahan, occupations, group names, the office's
expenses and payees."""

from __future__ import annotations

WOMEN = [
    "Siti",
    "Nur",
    "Sri",
    "Dewi",
    "Rina",
    "Wati",
    "Yuliani",
    "Hasnah",
    "Rahmawati",
    "Nurhayati",
    "Fatimah",
    "Aisyah",
    "Kartini",
    "Suriani",
    "Hartini",
    "Mariani",
    "Ernawati",
    "Rusmini",
    "Sumarni",
    "Jumiati",
    "Salmah",
    "Halimah",
    "Norma",
    "Masitah",
    "Rosdiana",
    "Fitriani",
    "Lestari",
    "Wahyuni",
    "Indah",
    "Murni",
    "Sulastri",
    "Syamsiah",
    "Hajrah",
    "Nurul",
    "Megawati",
    "Purwanti",
    "Suryani",
    "Juleha",
    "Rabiah",
    "Ani",
]


MEN = [
    "Ahmad",
    "Muhammad",
    "Budi",
    "Slamet",
    "Agus",
    "Rahmat",
    "Syamsul",
    "Hendra",
    "Rudi",
    "Andi",
    "Bambang",
    "Darmawan",
    "Hasan",
    "Ismail",
    "Joko",
    "Yusuf",
    "Sudirman",
    "Arif",
    "Basri",
    "Firman",
    "Gusti",
    "Herman",
    "Irwan",
    "Kahar",
    "Muslimin",
    "Nasrul",
    "Usman",
    "Wahyu",
    "Zainal",
    "Rusdi",
]


FAMILY = [
    "Saputra",
    "Hidayat",
    "Rahman",
    "Lestari",
    "Wijaya",
    "Hasanuddin",
    "Daeng Baso",
    "Pratama",
    "Santoso",
    "Setiawan",
    "Kurniawan",
    "Syahrani",
    "Nurdin",
    "Ramadhan",
    "Abdullah",
    "Mappiare",
    "Pangeran",
    "Gunawan",
    "Siregar",
    "Aminah",
    "Sari",
    "Yanti",
    "Anwar",
    "Mahmud",
    "Said",
    "Latif",
    "Tamrin",
    "Effendi",
    "Hamzah",
    "Junaidi",
]


# kelurahan -> (kecamatan, kecamatan code, urban fringe?)
KELURAHAN = {
    "Manggar": ("Balikpapan Timur", "04", True),
    "Manggar Baru": ("Balikpapan Timur", "04", True),
    "Lamaru": ("Balikpapan Timur", "04", True),
    "Teritip": ("Balikpapan Timur", "04", True),
    "Karang Joang": ("Balikpapan Utara", "05", True),
    "Batu Ampar": ("Balikpapan Utara", "05", False),
    "Graha Indah": ("Balikpapan Utara", "05", False),
    "Muara Rapak": ("Balikpapan Utara", "05", False),
    "Kariangau": ("Balikpapan Barat", "02", True),
    "Baru Ilir": ("Balikpapan Barat", "02", False),
    "Margo Mulyo": ("Balikpapan Barat", "02", False),
    "Klandasan Ilir": ("Balikpapan Kota", "06", False),
    "Prapatan": ("Balikpapan Kota", "06", False),
    "Sepinggan": ("Balikpapan Selatan", "01", False),
    "Gunung Bahagia": ("Balikpapan Selatan", "01", False),
    "Karang Rejo": ("Balikpapan Tengah", "03", False),
    "Gunung Sari Ilir": ("Balikpapan Tengah", "03", False),
}


OCCUPATIONS_W = [
    "Pedagang sayur",
    "Penjahit",
    "Pembuat kue basah",
    "Warung kelontong",
    "Pengolah kerupuk ikan",
    "Pengasap ikan",
    "Penjual gorengan",
    "Laundry kiloan",
    "Pengrajin manik-manik",
    "Katering rumahan",
    "Ibu rumah tangga",
    "Salon",
]


OCCUPATIONS_M = [
    "Nelayan",
    "Tukang ojek",
    "Buruh harian",
    "Tukang las",
    "Petani sayur",
    "Bengkel motor",
    "Pedagang ikan",
    "Sopir angkot",
    "Tukang kayu",
]


GROUP_NAMES = [
    "Mawar",
    "Melati",
    "Anggrek",
    "Kenanga",
    "Cempaka",
    "Dahlia",
    "Teratai",
    "Flamboyan",
    "Bina Sejahtera",
    "Maju Bersama",
    "Harapan Ibu",
    "Nelayan Mandiri",
    "Pesisir Makmur",
    "Tunas Harapan",
    "Sumber Rezeki",
    "Karya Bersama",
    "Berkah Usaha",
    "Sinar Pagi",
    "Mekar Sari",
    "Kartini",
]


EXPENSES = [
    ("5.11", "Listrik, air dan pulsa kantor", 250_000, 450_000),
    ("5.12", "Alat tulis kantor dan fotokopi", 75_000, 250_000),
    ("5.13", "Honor pengurus", 1_500_000, 1_500_000),
    ("5.14", "Gaji karyawan (kasir dan petugas lapangan)", 3_000_000, 3_000_000),
    ("5.16", "Transportasi pendampingan kelompok", 100_000, 300_000),
]


# who is paid (the memo of the cash line: printed on the cash voucher as the payee)
PAYEES = {
    "5.11": "PLN dan Telkomsel",
    "5.12": "Toko Sinar Jaya",
    "5.13": "Pengurus koperasi",
    "5.14": "Karyawan koperasi",
    "5.16": "Petugas lapangan",
}
