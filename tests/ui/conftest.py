"""Fixtures for the desktop app tests: offscreen Qt, one QApplication (pytest-qt's ``qapp``),
a private data folder, the synchronous worker, databases built once per session."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app writes its log, INI file and demo database into the user's data folder:
# point that at a throwaway folder before anything imports platformdirs' answer.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="koperasi-ui-data-")
os.environ["XDG_STATE_HOME"] = os.environ["XDG_DATA_HOME"]

import pytest  # noqa: E402
from uihelpers import TODAY  # noqa: E402

from koperasi.db.database import open_database  # noqa: E402


@pytest.fixture(autouse=True)
def _answers(monkeypatch):
    """Questions (discard changes? restart?) are answered by the test, never by a human."""
    from koperasi.ui import dialogs

    answers: list[bool] = []
    asked: list[tuple[str, str]] = []

    def ask(parent, title, text, yes, no, **_kw):  # type: ignore[no-untyped-def]
        asked.append((title, text))
        return answers.pop(0) if answers else True

    monkeypatch.setattr(dialogs, "ask", ask)
    dialogs.shown.clear()
    return answers, asked


@pytest.fixture
def answers(_answers):
    return _answers[0]


@pytest.fixture
def asked(_answers):
    return _answers[1]


@pytest.fixture
def ui_settings(tmp_path):
    from koperasi.ui.uistate import ui_settings as make

    return make(tmp_path / "ui.ini")


@pytest.fixture
def make_ctx(ui_settings, qapp):
    from koperasi.services.auth import SYSTEM
    from koperasi.ui.context import AppContext
    from koperasi.ui.worker import SyncRunner

    def make(db, today=TODAY, lang="id"):  # type: ignore[no-untyped-def]
        return AppContext(
            db=db,
            actor=SYSTEM,
            runner=SyncRunner(),
            settings=ui_settings,
            lang=lang,
            today=lambda: today,
        )

    return make


@pytest.fixture
def window(demo_db, make_ctx, qtbot):
    """The main window over a private copy of the 40-member demo cooperative."""
    from koperasi.ui.main_window import MainWindow

    win = MainWindow(make_ctx(demo_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def open_window(open_demo_db, make_ctx, qtbot):
    """The main window over a private copy of the demo with its books open (from October
    2024, nothing closed: for the closing screens)."""
    from koperasi.ui.main_window import MainWindow

    win = MainWindow(make_ctx(open_demo_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


BIG_MEMBERS = 50_000


@pytest.fixture(scope="session")
def big_db_path(tmp_path_factory) -> Path:
    """50,000 members, inserted in bulk with SQL (the service registers one at a time)."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    db = open_database(path)
    db.dispose()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO groups (code, name, meeting_day, meeting_place, kelurahan, formed_on, active,"
        " created_at) VALUES ('K001', 'Kelompok Anggrek', 0, '', 'Manggar', '2020-01-01', 1,"
        " '2020-01-01 00:00:00')"
    )
    first = ["Siti", "Nur", "Ahmad", "Budi", "Dewi", "Rina", "Agus", "Sri", "Joko", "Wati"]
    last = ["Rahman", "Hidayat", "Lestari", "Wijaya", "Said", "Anwar", "Saputra", "Yanti"]
    rows = []
    for i in range(1, BIG_MEMBERS + 1):
        name = f"{first[i % len(first)]} {last[(i // 10) % len(last)]}"
        if i == 31_337:
            name = "Zainab Kusumawardhani"
        rows.append(
            (
                f"A{i:05d}",
                f"64710455{i:08d}",
                name,
                name.lower(),
                "P" if i % 3 else "L",
                "Balikpapan",
                "1980-05-15",
                "Jl. Mulawarman",
                "Manggar",
                "Balikpapan Timur",
                f"0812{i:08d}",
                "",
                "2021-01-04",
                "",
                "",
                "aktif",
                "2021-01-04",
                "",
                1 if i % 50 == 0 else None,
                "2021-01-04 00:00:00",
            )
        )
    con.executemany(
        "INSERT INTO members (number, nik, name, name_key, gender, birth_place, birth_date, address,"
        " kelurahan, kecamatan, phone, occupation, join_date, heir_name, heir_relation, status,"
        " status_date, exit_reason, group_id, created_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    con.commit()
    con.close()
    return path


@pytest.fixture
def big_db(big_db_path):
    db = open_database(big_db_path)
    yield db
    db.dispose()
