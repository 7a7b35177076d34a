"""The keys outside the database, named in it (issue 22).

The seals and the audit chain are keyed with ``seal.key`` (:mod:`..db.sealing`), the audit
workbooks signed with the cooperative's signing key (:mod:`..signing`); both files live on
each PC, not in the database. A PC that opens a shared book with another seal key would see
every seal as tampered, and one with another signing key would sign workbooks the programme
refuses. So the book records the FINGERPRINT of each key on first use (table
``key_fingerprints``; a fingerprint reveals nothing of the key), and every later open compares:

- :func:`ensure` (CLI after login, the GUI at login/open) records what is missing and returns
  the warnings for this PC (:class:`KeyWarning`), which the CLI prints and the GUI shows;
- ``koperasi check`` runs :func:`check_seal_key`: a seal key other
  than the recorded one is ONE finding naming both fingerprints, and the keyed checks it would
  make fail row by row (audit chain, journal seals, anchors) are left out (``silences``, see
  check.run_checks).

A book made before the fingerprints existed records the seal key's only if the newest audit
rows verify with it (else it warns that the key is not the book's, without recording).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import sealing
from ..db.database import Database
from ..db.models import AuditEntry, KeyFingerprint
from ..errors import KoperasiError
from .check import Problem, silences

SEAL = "seal"
SIGNING = "signing"
PROBE_ROWS = 5  # the newest audit rows tried with this PC's key on a book without fingerprint


def seal_fingerprint() -> str:
    """``HMAC:`` and 32 hex characters of an HMAC under the key: names it, reveals nothing."""
    h = sealing.mac("koperasi-seal-key-fingerprint/1")[:32]
    return "HMAC:" + "-".join(h[i : i + 4] for i in range(0, 32, 4))


def _signing_key_file(s: Session) -> tuple[str, Path]:
    """The cooperative's legal number and this PC's signing key file for it (it may not
    exist: it is not created here)."""
    from .. import signing
    from .settings import profile_in

    legal = profile_in(s).legal_number
    return legal, signing.key_path(legal)


@dataclass(frozen=True)
class KeyWarning:
    kind: str  # SEAL or SIGNING
    code: str  # seal_key_other | seal_key_unknown | signing_key_other | signing_key_missing
    recorded: str  # the fingerprint the book holds ("" when none)
    current: str  # this PC's ("" when it has none)
    path: str  # this PC's key file

    def message(self, lang: str = "id") -> str:
        return KoperasiError(
            self.code, recorded=self.recorded, current=self.current, path=self.path
        ).message(lang)


def _recorded(s: Session) -> dict[str, str]:
    return dict(s.execute(select(KeyFingerprint.kind, KeyFingerprint.fingerprint)).all())


def _newest_audit_verifies(s: Session) -> bool | None:
    """Whether any of the newest audit rows verifies with this PC's key (None: no rows)."""
    from .audit import row_hash

    rows = s.execute(
        select(
            AuditEntry.prev_hash,
            AuditEntry.at,
            AuditEntry.username,
            AuditEntry.action,
            AuditEntry.entity,
            AuditEntry.entity_id,
            AuditEntry.before,
            AuditEntry.after,
            AuditEntry.hash,
        )
        .order_by(AuditEntry.id.desc())
        .limit(PROBE_ROWS)
    ).all()
    if not rows:
        return None
    return any(
        row_hash(prev or "", at, user, action, entity, eid or "", before, after) == h
        for prev, at, user, action, entity, eid, before, after, h in rows
    )


def status_in(s: Session, probe: bool = True) -> list[KeyWarning]:
    """What is wrong with this PC's keys for this book (empty: nothing). ``probe``: on a
    book without a recorded seal fingerprint, try the newest audit rows with this PC's key
    (at open only: ``check`` names rewritten rows itself, and a chain rewritten whole must be
    named as such, not taken for another key)."""
    out: list[KeyWarning] = []
    recorded = _recorded(s)
    current = seal_fingerprint()
    seal_path = str(sealing.key_path())
    if recorded.get(SEAL):
        if recorded[SEAL] != current:
            out.append(KeyWarning(SEAL, "seal_key_other", recorded[SEAL], current, seal_path))
    elif probe and _newest_audit_verifies(s) is False:
        out.append(KeyWarning(SEAL, "seal_key_unknown", "", current, seal_path))
    if recorded.get(SIGNING):
        legal, path = _signing_key_file(s)
        if not path.exists():
            out.append(KeyWarning(SIGNING, "signing_key_missing", recorded[SIGNING], "", str(path)))
        else:
            from .. import signing

            mine = signing.load_or_create(legal).fingerprint  # it exists: only read
            if mine != recorded[SIGNING]:
                out.append(
                    KeyWarning(SIGNING, "signing_key_other", recorded[SIGNING], mine, str(path))
                )
    return out


def status(db: Database) -> list[KeyWarning]:
    from .uow import read_only

    with read_only(db) as s:
        return status_in(s)


def _record(s: Session, kind: str, fingerprint: str, by: str) -> None:
    s.add(KeyFingerprint(kind=kind, fingerprint=fingerprint, recorded_by=by))


def ensure(db: Database, username: str = "") -> list[KeyWarning]:
    """Record the seal key's fingerprint on the book's first use (when it is the book's key)
    and return this PC's warnings. Never stops the app: a failure to record is ignored."""
    from .uow import read_only, unit_of_work

    with read_only(db) as s:
        missing = SEAL not in _recorded(s) and _newest_audit_verifies(s) is not False
    if missing:
        try:
            with unit_of_work(db) as s:
                if s.get(KeyFingerprint, SEAL) is None:
                    _record(s, SEAL, seal_fingerprint(), username)
        except (IntegrityError, KoperasiError):  # another PC recorded it first: compare
            pass
    return status(db)


def record_signing_in(s: Session, fingerprint: str, username: str = "") -> None:
    """The first signed export records the cooperative's signing key (caller's transaction)."""
    if s.get(KeyFingerprint, SIGNING) is None:
        _record(s, SIGNING, fingerprint, username)


def record_signing(db: Database, fingerprint: str, username: str = "") -> None:
    from .uow import unit_of_work

    try:
        with unit_of_work(db) as s:
            record_signing_in(s, fingerprint, username)
    except (IntegrityError, KoperasiError):  # recorded by another PC meanwhile
        pass


# ------------------------------------------------------------------ koperasi check


# with another seal key every keyed row fails: the one finding says why, these stay quiet
@silences("audit_chain", "journal_seals", "anchors")
def check_seal_key(s: Session) -> list[Problem]:
    return [
        Problem("seal_key", w.message("id"), w.message("en"), w.path)
        for w in status_in(s, probe=False)
        if w.kind == SEAL
    ]


# (another signing key is not a finding about the books: it is told at every open instead)
CHECKS = [("seal_key", check_seal_key)]
