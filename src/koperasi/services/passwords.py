"""The password policy: long enough, not a common password, not the user name.

A small, dependency-free check (zxcvbn is on PyPI but its dictionaries are English and it
would add a megabyte of word lists to the installer for what these few rules already
refuse). The common list covers the passwords seen most in leaked lists worldwide and in
Indonesia, and the words a cooperative's staff reach for first; sequences (``12345678``,
``abcdefgh``, ``qwertyui``) and one repeated character are refused whatever their length.
"""

from __future__ import annotations

import unicodedata

from ..errors import ValidationError

MIN_PASSWORD = 8
MAX_PASSWORD = 1024

_COMMON_WORDS = """
password passw0rd p@ssw0rd p@ssword pass1234 password1 password12 password123 passwords
katasandi kata-sandi katasandi1 katasandi123 sandi123 rahasia rahasia1 rahasia12 rahasia123
rahasiaku rahasiasaya admin admin1 admin12 admin123 admin1234 admin12345 administrator
administrator1 adminadmin root1234 toor1234 superuser superadmin user1234 guest123
koperasi koperasi1 koperasi12 koperasi123 koperasi2024 koperasi2025 koperasi2026
bendahara bendahara1 bendahara123 ketua123 pengawas pengawas1 pengawas123 anggota
anggota123 simpanan pinjaman kopsimpanpinjam ksp12345 indonesia indonesia1 indonesia123
merdeka merdeka45 merdeka17 bismillah bismillah1 bismillah123 alhamdulillah
assalamualaikum allahuakbar sayang sayangku sayang123 cintaku cinta123 aku12345
akucintakamu iloveyou iloveyou1 sunshine princess football baseball dragon monkey
letmein welcome welcome1 welcome123 selamat selamatdatang qwerty qwerty12 qwerty123
qwertyuiop asdfghjkl zxcvbnm 1qaz2wsx qazwsxedc 1q2w3e4r 1q2w3e4r5t q1w2e3r4 abc12345
abcd1234 a1b2c3d4 trustno1 master master123 access shadow michael jakarta jakarta1
bandung surabaya yogyakarta garuda garuda123 pancasila persija persib manchester
liverpool chelsea arsenal barcelona juventus doraemon pokemon naruto starwars
computer internet samsung nokia12345 changeme default secret secret123 test1234 testing
testing123 tes12345 contoh123 baru1234 login123 masuk123 pass pass123 passwort
""".split()  # noqa: SIM905 (a word list reads better as text)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


COMMON = frozenset(_fold(w) for w in _COMMON_WORDS)
_ROWS = (
    "0123456789012345678901234567890",
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "qwertyuiopqwertyuiop",
    "asdfghjklasdfghjkl",
    "zxcvbnmzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
)


def _is_sequence(text: str) -> bool:
    """One repeated character or a run along the digits, the alphabet or a keyboard row
    (either direction), repeated: ``11111111``, ``12345678``, ``87654321``, ``qwertyui``,
    ``abcabcabc``."""
    if len(set(text)) <= 2:
        return True
    for row in _ROWS:
        for seq in (row, row[::-1]):
            if text in seq * 3:
                return True
    # a short pattern repeated: 123123123, abab1212...
    for n in range(1, len(text) // 2 + 1):
        if len(text) % n == 0 and text[:n] * (len(text) // n) == text:
            return True
    return False


def _core(text: str) -> str:
    """The password without separators, spaces and trailing digits/punctuation."""
    return "".join(c for c in text if c.isalnum())


def check_password(password: str, username: str = "", field: str = "password") -> None:
    """Raise :class:`ValidationError` when ``password`` breaks the policy."""
    if not password:
        raise ValidationError(field, "required")
    if len(password) < MIN_PASSWORD:
        raise ValidationError(field, "password_too_short", min=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise ValidationError(field, "too_large", max=MAX_PASSWORD)
    folded = _fold(password)
    core = _core(folded)
    if folded in COMMON or core in COMMON or _is_sequence(folded) or _is_sequence(core):
        raise ValidationError(field, "password_common")
    name = _fold(username or "").strip()
    if name:
        name_core = _core(name)
        stripped = core.rstrip("0123456789")
        if (
            folded in (name, name[::-1])
            or core in (name_core, name_core[::-1])
            or (len(name_core) >= 3 and stripped in (name_core, name_core[::-1]))
        ):
            raise ValidationError(field, "password_is_username")
