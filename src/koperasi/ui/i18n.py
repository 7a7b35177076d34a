"""Translations: Indonesian source strings, English from ``resources/translations``.

Installed once at start-up: Qt's own ``qtbase_<lang>`` translator (or ours, for the
languages Qt does not ship, such as Indonesian) and the app's ``koperasi_<lang>``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resources_dir

LANGUAGES = ("id", "en")
# the Qt locale language of each (dates, numbers and Qt's own dialogs)
_LOCALE_LANGUAGES = {"id": QLocale.Language.Indonesian, "en": QLocale.Language.English}
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def _load(translator: QTranslator, name: str, *dirs: Path) -> bool:
    return any(d.is_dir() and translator.load(name, str(d)) for d in dirs)


def install(lang: str) -> list[str]:
    """Install the translators for ``lang``; return the names of the catalogues loaded."""
    app = QCoreApplication.instance()
    assert app is not None
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    if lang not in LANGUAGES:
        lang = "id"
    QLocale.setDefault(QLocale(_LOCALE_LANGUAGES[lang], QLocale.Country.Indonesia))
    loaded = []
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qtbase = QTranslator(app)
    if _load(qtbase, f"qtbase_{lang}", qt_dir, translations_dir()):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
        loaded.append(f"qtbase_{lang}")
    if lang != "id":  # Indonesian is the source language
        own = QTranslator(app)
        if _load(own, f"koperasi_{lang}", translations_dir()):
            app.installTranslator(own)
            _installed.append(own)
            loaded.append(f"koperasi_{lang}")
    return loaded
