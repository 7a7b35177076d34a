"""Every ```python block in docs/*.md runs, as an auditor would run it, in a folder that
holds the demo cooperative's audit workbook as ``audit.xlsx`` (the name the docs use)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)


def snippets() -> list:  # type: ignore[type-arg]
    found = []
    for md in sorted(DOCS.glob("*.md")):
        for n, m in enumerate(BLOCK.finditer(md.read_text(encoding="utf-8")), start=1):
            found.append(pytest.param(m.group(1), id=f"{md.stem}-{n}"))
    return found


def test_the_docs_have_snippets():
    ids = [p.id for p in snippets()]
    assert {"audit-workbook-1", "audit-workbook-2"} <= set(ids), ids


@pytest.mark.parametrize("code", snippets())
def test_docs_snippet_runs(code, demo_audit_path, tmp_path):
    shutil.copy(demo_audit_path, tmp_path / "audit.xlsx")
    script = tmp_path / "snippet.py"
    script.write_text(code, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines, "the snippet printed nothing"
    # the snippets print what they check, each line ending in True
    failed = [line for line in lines if line.split()[-1] != "True"]
    assert not failed, failed
