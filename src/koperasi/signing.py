"""The cooperative's signing key (Ed25519) for its audit workbooks.

The private key lives OUTSIDE the database, in a key file in the user's data folder
(``<data folder>/keys/koperasi-<legal number>.key``, PKCS#8 PEM, folder 0700, file 0600;
``KOPERASI_KEYS_DIR`` points elsewhere). It is created on the first export (or by
``koperasi key show``). The programme registers the public key once, from ``koperasi key
show``; ``koperasi consolidate --keys REGISTER`` then accepts only workbooks signed by the
registered key of the cooperative they name. See docs/audit-workbook.md.

The register is a text file, one cooperative a line: its legal number, white space, its
public key (the last word of the line); ``#`` starts a comment.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from .errors import ValidationError

ALGORITHM = "ed25519"
#: what is signed: this prefix and the Info sheet's SHA-256 (hex), see docs/audit-workbook.md
DOMAIN = b"koperasi-audit-workbook/1\n"


def keys_dir() -> Path:
    env = os.environ.get("KOPERASI_KEYS_DIR")
    if env:
        path = Path(env)
    else:
        from .paths import data_dir

        path = data_dir() / "keys"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def key_path(legal_number: str) -> Path:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", legal_number or "").strip("._") or "tanpa-nomor"
    return keys_dir() / f"koperasi-{slug}.key"


def public_text(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def fingerprint(public_b64: str) -> str:
    """``SHA256:`` and the first 16 bytes of the raw key's SHA-256, in groups of 4 hex."""
    try:
        raw = base64.b64decode(public_b64, validate=True)
    except (binascii.Error, ValueError):
        return "?"
    h = hashlib.sha256(raw).hexdigest()[:32]
    return "SHA256:" + "-".join(h[i : i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class CoopKey:
    private: Ed25519PrivateKey
    path: Path
    created: bool = False

    @property
    def public(self) -> str:
        return public_text(self.private.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self.private.sign(message)).decode("ascii")


def load_or_create(legal_number: str) -> CoopKey:
    """The cooperative's key from its key file; created (atomically, 0600) when missing."""
    path = key_path(legal_number)
    created = False
    if not path.exists():
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".key-")
        try:
            os.chmod(tmp, 0o600)
            os.write(fd, pem)
            os.fsync(fd)
            os.close(fd)
            try:
                os.link(tmp, path)  # fails if another process made it first: use theirs
                created = True
            except FileExistsError:
                pass
        finally:
            os.unlink(tmp)
    try:
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError, OSError) as exc:
        raise ValidationError("key", "signing_key_unreadable", path=str(path)) from exc
    if not isinstance(loaded, Ed25519PrivateKey):
        raise ValidationError("key", "signing_key_unreadable", path=str(path))
    return CoopKey(loaded, path, created)


def signed_message(info_digest: str) -> bytes:
    return DOMAIN + info_digest.encode("ascii")


def verify(public_b64: str, signature_b64: str, message: bytes) -> bool:
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64, validate=True))
        public.verify(base64.b64decode(signature_b64, validate=True), message)
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True


def register_line(legal_number: str, public_b64: str, name: str = "") -> str:
    comment = f"  # {name}" if name else ""
    return f"{legal_number or '-'}  {public_b64}{comment}"


def read_register(path: str | os.PathLike[str]) -> dict[str, str]:
    """``{legal number: public key}`` from a register file (see the module's docstring)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError("keys", "key_register_unreadable", path=str(path)) from exc
    keys: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.rsplit(None, 1)
        if len(parts) != 2 or fingerprint(parts[1]) == "?" or len(base64.b64decode(parts[1])) != 32:
            raise ValidationError("keys", "key_register_line", path=str(path), line=n)
        keys[parts[0].strip()] = parts[1]
    return keys
