"""Consolidation at programme scale (issue 20 item 6): ``koperasi consolidate`` over the audit
workbooks of N cooperatives of ~300 members each, against the raw reading of the same cells
with python-calamine (the fastest well-kept xlsx reader for Python).

The workbooks are made cheaply and cached in the bench cache folder
(``<cache>/generator-vX/consolidation-vY/``): one book is generated (``bench.generate`` at
300 members, 900 loans, five years), its audit workbook for the last full financial year is
exported once, and every other cooperative's workbook is derived from it by changing its
identity (name, legal number, its own Ed25519 key) in the Info sheet and signing that again,
as the app signs: every derived workbook verifies against the programme's register
(``register.txt``) and passes every check of ``consolidate``. Only the Info part of the zip
is rewritten; the other parts are copied byte for byte (the data sheets are the exported
ones, compressed as the app compressed them).

    python -m bench.consolidation --prepare 200   # make (or complete) the cached workbooks
    python -m bench.run --only consolidate --consol-n 200
    python -m bench.run --only consolidate,consolidate_small   # peak RSS at N and N/10

N: ``--consol-n`` of ``bench.run`` or the environment variable ``KOPERASI_BENCH_CONSOL_N``
(default 200).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import os
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

VERSION = 1  # bump when the derived workbooks change
DEFAULT_N = 200
MEMBERS_SCALE = 0.03  # bench.generate's scale for 300 members (900 loans)
ENV_N = "KOPERASI_BENCH_CONSOL_N"
ROOT = Path(__file__).resolve().parent.parent


def consol_n() -> int:
    return int(os.environ.get(ENV_N) or DEFAULT_N)


def folder(cache: Path | None = None) -> Path:
    if cache is None:
        from .run import cache_dir

        cache = cache_dir()
    return cache / f"consolidation-v{VERSION}"


def workbook_path(where: Path, i: int) -> Path:
    return where / f"koperasi-{i:04d}.xlsx"


def legal_number(i: int) -> str:
    return f"AHU-{1_000_000 + i:07d}.AH.01.26.2020"


def coop_key(i: int):  # type: ignore[no-untyped-def]
    """Cooperative ``i``'s signing key, derived from ``i`` (the register can be rebuilt)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from koperasi import signing

    seed = hashlib.sha256(f"koperasi-bench-consolidation-{i}".encode()).digest()
    return signing.CoopKey(Ed25519PrivateKey.from_private_bytes(seed), Path(f"bench-{i}.key"))


# ---------------------------------------------------------------- the source workbook


def _source(where: Path, say, scale: float = MEMBERS_SCALE) -> Path:  # type: ignore[no-untyped-def]
    """The exported audit workbook every cooperative's is derived from (built once)."""
    base = where / "source.xlsx"
    if base.exists():
        return base
    import koperasi.services.wiring  # noqa: F401 - the services' handlers, as the app wires them
    from koperasi.db.database import open_database
    from koperasi.exchange.auditor import export_auditor

    from .generate import AS_OF, generate

    db_path = where / "source.db"
    say(f"generating the source book (scale {scale:g}) ...")
    generate(db_path, scale, quiet=True)
    year = AS_OF.year - 1
    db = open_database(db_path)
    try:
        tmp = where / "source.tmp.xlsx"
        export_auditor(
            db,
            tmp,
            dt.date(year, 1, 1),
            dt.date(year, 12, 31),
            now=dt.datetime(AS_OF.year, 1, 15, 9, 0),
            key=coop_key(0),
        )
        tmp.replace(base)
    finally:
        db.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    say(f"exported {base} ({base.stat().st_size / 1e6:.1f} MB)")
    return base


def _info_part(z: zipfile.ZipFile) -> str:
    """The zip part of the sheet named Info (workbook.xml -> its relationship's target)."""
    book = z.read("xl/workbook.xml").decode("utf-8")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    m = re.search(r'<sheet\b[^>]*\bname="Info"[^>]*\br:id="([^"]+)"', book)
    assert m, "no Info sheet"
    rel = re.search(rf'<Relationship\b[^>]*\bId="{m.group(1)}"[^>]*/>', rels)
    assert rel, "no relationship for the Info sheet"
    target = re.search(r'\bTarget="([^"]+)"', rel.group(0))
    assert target
    path = target.group(1)
    return path.lstrip("/") if path.startswith("/") else f"xl/{path}"


_CELL_B = r'(<c r="B{row}"[^>]*><is><t[^>]*>)(.*?)(</t></is></c>)'


def derive(source: Path, dst: Path, i: int) -> None:
    """Cooperative ``i``'s workbook: ``source`` with another name, legal number and key in
    its Info sheet, signed again with that key (the other parts copied byte for byte)."""
    from python_calamine import CalamineWorkbook

    from koperasi import signing
    from koperasi.exchange.canonical import sheet_digest

    key = coop_key(i)
    with CalamineWorkbook.from_path(str(source)) as wb:
        rows = wb.get_sheet_by_name("Info").to_python(skip_empty_area=False)
    values = {
        "cooperative_name": f"KSP Bench {i:04d} (data sintetis)",
        "cooperative_legal_number": legal_number(i),
        "signature_public_key": key.public,
        "signature_key_fingerprint": key.fingerprint,
    }
    info = [[str(k), str(v)] for k, v in (row[:2] for row in rows)]
    for row in info[1:]:
        row[1] = values.get(row[0], row[1])
    # what the signature signs: every Info row, header included, but the signature's own
    digest, _n = sheet_digest(r for n, r in enumerate(info) if n == 0 or r[0] != "signature")
    values["signature"] = key.sign(signing.signed_message(digest))
    with zipfile.ZipFile(source) as zin:
        part = _info_part(zin)
        xml = zin.read(part).decode("utf-8")
        for n, (k, _v) in enumerate(info, start=1):
            if n > 1 and k in values:
                xml, count = re.subn(
                    _CELL_B.format(row=n),
                    lambda m, k=k: m.group(1) + escape(values[k]) + m.group(3),
                    xml,
                    count=1,
                )
                assert count == 1, (k, n)
        tmp = dst.with_suffix(".tmp")
        _copy_zip(zin, tmp, {part: xml.encode("utf-8")})
    tmp.replace(dst)


def _copy_zip(zin: zipfile.ZipFile, dst: Path, replace: dict[str, bytes]) -> None:
    """``zin`` to ``dst`` with the parts in ``replace`` rewritten (deflated as openpyxl
    does); every other part's local header and compressed bytes are copied as they are."""
    assert zin.fp is not None
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in replace:
                new = zipfile.ZipInfo(info.filename, info.date_time)
                new.compress_type = zipfile.ZIP_DEFLATED
                zout.writestr(new, replace[info.filename])
                continue
            assert not info.flag_bits & 0x08, "a data descriptor: not copied raw"
            zin.fp.seek(info.header_offset)
            head = zin.fp.read(30)
            name_len, extra_len = struct.unpack("<HH", head[26:30])
            raw = head + zin.fp.read(name_len + extra_len + info.compress_size)
            out = zout.fp
            assert out is not None
            out.seek(zout.start_dir)
            moved = copy.copy(info)
            moved.header_offset = out.tell()
            out.write(raw)
            zout.filelist.append(moved)
            zout.NameToInfo[moved.filename] = moved
            zout.start_dir = out.tell()


def prepare(
    n: int, cache: Path | None = None, say=None, scale: float = MEMBERS_SCALE
) -> tuple[list[Path], Path]:  # type: ignore[no-untyped-def]
    """The N cached workbooks (made now where missing) and the register of their keys.
    ``cache``: instead of the bench cache; ``scale``: of the source book (tests: smaller)."""
    say = say or (lambda msg: print(f"[consolidation] {msg}", file=sys.stderr, flush=True))
    where = folder(cache)
    where.mkdir(parents=True, exist_ok=True)
    source = _source(where, say, scale)
    paths = [workbook_path(where, i) for i in range(1, n + 1)]
    missing = [(i, p) for i, p in enumerate(paths, start=1) if not p.exists()]
    if missing:
        say(f"deriving {len(missing)} workbooks ...")
    for i, p in missing:
        derive(source, p, i)
    register = where / f"register-{n}.txt"
    if not register.exists():
        from koperasi import signing

        lines = [
            signing.register_line(legal_number(i), coop_key(i).public, f"KSP Bench {i:04d}")
            for i in range(1, n + 1)
        ]
        tmp = register.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(register)
    return paths, register


def prepare_apart(n: int) -> tuple[list[Path], Path]:
    """:func:`prepare` in a process of its own when anything is missing: the generator's
    and the exporter's memory never become the measured worker's peak RSS."""
    where = folder()
    register = where / f"register-{n}.txt"
    paths = [workbook_path(where, i) for i in range(1, n + 1)]
    if not (register.exists() and all(p.exists() for p in paths)):
        subprocess.run(
            [sys.executable, "-m", "bench.consolidation", "--prepare", str(n)],
            cwd=ROOT,
            check=True,
        )
    return paths, register


# ---------------------------------------------------------------- the scenario


def setup(n: int):  # type: ignore[no-untyped-def]
    def _setup(ctx) -> dict:  # type: ignore[no-untyped-def]
        from koperasi import signing

        paths, register = prepare_apart(n)
        return {
            "paths": paths,
            "keys": signing.read_register(register),
            "out": ctx.work / "programme.xlsx",
        }

    return _setup


def app(st: dict, i: int) -> None:
    """``koperasi consolidate`` over every workbook: read, verify (signature, every sheet's
    SHA-256, the checks), the figures and the programme report (xlsx)."""
    from koperasi.exchange import consolidate

    result = consolidate(st["paths"], st["out"], keys=st["keys"])
    bad = [(c.path, c.problems("en")[:2]) for c in result.cooperatives if not c.ok]
    assert not bad, bad[:3]


def baseline(st: dict, i: int) -> None:
    """python-calamine alone: every cell of every sheet of every workbook, as Python values."""
    from python_calamine import CalamineWorkbook

    cells = 0
    for p in st["paths"]:
        with CalamineWorkbook.from_path(str(p)) as wb:
            for name in wb.sheet_names:
                rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
                cells += sum(map(len, rows))
    assert cells > 0


def missing() -> str | None:
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return "python-calamine is not installed (the baseline's reader)"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", type=int, default=consol_n(), help="workbooks to make")
    args = parser.parse_args(argv)
    paths, register = prepare(args.prepare)
    print(f"{len(paths)} workbooks in {paths[0].parent}, register {register.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
