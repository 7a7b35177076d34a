"""Koperasi: aplikasi koperasi simpan pinjam."""

__version__ = "0.1.0"
