"""Alt+letter mnemonics unique in each window and dialog.

Qt gives a widget's Alt+letter to whichever claims it; when two visible widgets of one
window claim the same letter (a page's "&Bayar" and the menu bar's "&Berkas"), Alt+B only
cycles the focus between them and presses neither. :func:`resolve` walks what a window shows
now (menu bar titles, buttons, tab titles, group boxes, labels with a buddy) and moves
every later claimant of a taken letter to a free letter of its own text (a word's first
letter first), as KDE's accelerator manager does. :func:`install` runs it whenever a window
is shown and whenever a page, tab or wizard step changes what a window shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabBar,
    QWidget,
    QWizard,
)


def mnemonic(text: str) -> str | None:
    """The lower-case letter after a single '&' ("&&" is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            ch = text[i + 1]
            return ch.lower() if ch.isalnum() else None
        i += 1
    return None


def _strip(text: str) -> str:
    """The text without its mnemonic marker ("&&" kept)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "&" and i + 1 < len(text) and text[i + 1] != "&":
            i += 1
            continue
        if text[i] == "&":
            out.append("&&")
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with its marker on a free letter (a word's first letter first); with no free
    letter, no marker at all."""
    plain = _strip(text)
    # candidate positions in the plain text (skipping literal "&&")
    positions = [i for i, ch in enumerate(plain) if ch.isalnum() and not _escaped(plain, i)]
    starts = [i for i in positions if i == 0 or not plain[i - 1].isalnum()]
    for i in starts + [p for p in positions if p not in starts]:
        if plain[i].lower() not in taken:
            return plain[:i] + "&" + plain[i:]
    return plain


def _escaped(plain: str, i: int) -> bool:
    return i > 0 and plain[i - 1] == "&"


@dataclass
class Claim:
    letter: str
    text: str
    owner: Any  # widget, or (tab bar, index), or a menu bar action
    kind: str

    def set_text(self, text: str) -> None:
        if self.kind == "tab":
            bar, index = self.owner
            bar.setTabText(index, text)
        elif self.kind == "group":
            self.owner.setTitle(text)
        else:  # menu bar action, button, label
            self.owner.setText(text)


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.window() is window and widget.isVisibleTo(window)


def claims(window: QWidget) -> list[Claim]:
    """Every mnemonic the window answers to now, in order of precedence: the menu bar,
    then the widgets in creation order (a page's own controls before a dialog's extras)."""
    out: list[Claim] = []
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        for action in window.menuBar().actions():
            if action.isVisible() and (letter := mnemonic(action.text())):
                out.append(Claim(letter, action.text(), action, "menu"))
    for w in window.findChildren(QWidget):
        if not _shown(w, window):
            continue
        if isinstance(w, QAbstractButton):
            if letter := mnemonic(w.text()):
                out.append(Claim(letter, w.text(), w, "button"))
        elif isinstance(w, QLabel):
            if w.buddy() is not None and (letter := mnemonic(w.text())):
                out.append(Claim(letter, w.text(), w, "label"))
        elif isinstance(w, QGroupBox):
            if letter := mnemonic(w.title()):
                out.append(Claim(letter, w.title(), w, "group"))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i) and (letter := mnemonic(w.tabText(i))):
                    out.append(Claim(letter, w.tabText(i), (w, i), "tab"))
    return out


def collisions(window: QWidget) -> dict[str, list[str]]:
    """Letter -> the texts claiming it, for every letter claimed more than once."""
    by_letter: dict[str, list[str]] = {}
    for c in claims(window):
        by_letter.setdefault(c.letter, []).append(c.text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def resolve(window: QWidget) -> int:
    """Give every later claimant of a taken letter a free one; return how many moved."""
    found = claims(window)
    taken: set[str] = set()
    moved = 0
    for c in found:
        if c.letter not in taken:
            taken.add(c.letter)
            continue
        text = with_mnemonic(c.text, taken)
        if (letter := mnemonic(text)) is not None:
            taken.add(letter)
        c.set_text(text)
        moved += 1
    _watch(window)
    return moved


def _watch(window: QWidget) -> None:
    """Resolve again when a page, tab or wizard step changes what the window shows."""
    for stack in window.findChildren(QStackedWidget):
        if not stack.property("_mnemonicsWatched"):
            stack.setProperty("_mnemonicsWatched", True)
            stack.currentChanged.connect(lambda _i, w=window: schedule(w))
    if isinstance(window, QWizard) and not window.property("_mnemonicsWatched"):
        window.setProperty("_mnemonicsWatched", True)
        window.currentIdChanged.connect(lambda _i, w=window: schedule(w))


_pending: list[QWidget] = []


def schedule(window: QWidget) -> None:
    """Resolve ``window`` once the event loop is idle (many changes, one walk)."""
    if not _pending:
        QTimer.singleShot(0, _run)
    if all(w is not window for w in _pending):
        _pending.append(window)


def _run() -> None:
    windows = list(_pending)
    _pending.clear()
    for w in windows:
        try:
            if w.isVisible():
                resolve(w)
        except RuntimeError:  # deleted meanwhile
            pass


class _ShowWatcher(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.Show
            and isinstance(obj, QWidget)
            and obj.isWindow()
            and not obj.inherits("QMenu")
        ):
            schedule(obj)
        return False


_watcher: _ShowWatcher | None = None


def install(app: QApplication) -> None:
    """Resolve every window when it is shown (once per application)."""
    global _watcher
    if _watcher is None:
        _watcher = _ShowWatcher(app)
        app.installEventFilter(_watcher)
