# Generated from ui/welcome.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: a919876a29a5e7d831b460e2bb724530b8b8958f28bf73adff2f83b13f1e8af1
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welcome.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QHBoxLayout,
    QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_WelcomeDialog(object):
    def setupUi(self, WelcomeDialog):
        if not WelcomeDialog.objectName():
            WelcomeDialog.setObjectName(u"WelcomeDialog")
        WelcomeDialog.resize(640, 380)
        self.mainLayout = QVBoxLayout(WelcomeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(WelcomeDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(WelcomeDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.buttonsLayout = QVBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.newCoopButton = QPushButton(WelcomeDialog)
        self.newCoopButton.setObjectName(u"newCoopButton")

        self.buttonsLayout.addWidget(self.newCoopButton)

        self.openDbButton = QPushButton(WelcomeDialog)
        self.openDbButton.setObjectName(u"openDbButton")

        self.buttonsLayout.addWidget(self.openDbButton)

        self.demoButton = QPushButton(WelcomeDialog)
        self.demoButton.setObjectName(u"demoButton")

        self.buttonsLayout.addWidget(self.demoButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttonsLayout.addItem(self.buttonsSpacer)


        self.bodyLayout.addLayout(self.buttonsLayout)

        self.recentLayout = QVBoxLayout()
        self.recentLayout.setObjectName(u"recentLayout")
        self.recentLabel = QLabel(WelcomeDialog)
        self.recentLabel.setObjectName(u"recentLabel")

        self.recentLayout.addWidget(self.recentLabel)

        self.recentList = QListWidget(WelcomeDialog)
        self.recentList.setObjectName(u"recentList")

        self.recentLayout.addWidget(self.recentList)


        self.bodyLayout.addLayout(self.recentLayout)


        self.mainLayout.addLayout(self.bodyLayout)

        self.languageLayout = QHBoxLayout()
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageLabel = QLabel(WelcomeDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageLayout.addWidget(self.languageLabel)

        self.languageCombo = QComboBox(WelcomeDialog)
        self.languageCombo.addItem("")
        self.languageCombo.addItem("")
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageLayout.addWidget(self.languageCombo)

        self.languageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.languageLayout.addItem(self.languageSpacer)


        self.mainLayout.addLayout(self.languageLayout)


        self.retranslateUi(WelcomeDialog)

        QMetaObject.connectSlotsByName(WelcomeDialog)
    # setupUi

    def retranslateUi(self, WelcomeDialog):
        WelcomeDialog.setWindowTitle(QCoreApplication.translate("WelcomeDialog", u"Selamat datang", None))
        self.titleLabel.setText(QCoreApplication.translate("WelcomeDialog", u"Selamat datang di Koperasi", None))
        self.introLabel.setText(QCoreApplication.translate("WelcomeDialog", u"Aplikasi simpan pinjam untuk koperasi: anggota dan kelompok, simpanan, pinjaman, kas dan laporan RAT. Mulailah dengan membuat koperasi Anda, membuka basis data yang sudah ada, atau mencoba data demo.", None))
        self.newCoopButton.setText(QCoreApplication.translate("WelcomeDialog", u"&Buat koperasi baru...", None))
        self.openDbButton.setText(QCoreApplication.translate("WelcomeDialog", u"B&uka basis data...", None))
        self.demoButton.setText(QCoreApplication.translate("WelcomeDialog", u"Coba dengan data &demo", None))
        self.recentLabel.setText(QCoreApplication.translate("WelcomeDialog", u"Basis data yang pernah dibuka:", None))
        self.languageLabel.setText(QCoreApplication.translate("WelcomeDialog", u"&Bahasa / Language:", None))
        self.languageCombo.setItemText(0, QCoreApplication.translate("WelcomeDialog", u"Bahasa Indonesia", None))
        self.languageCombo.setItemText(1, QCoreApplication.translate("WelcomeDialog", u"English", None))

    # retranslateUi

