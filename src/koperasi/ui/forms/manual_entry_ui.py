# Generated from ui/manual_entry.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: 0bfed199e80164869195c4722a374dd1f50d6c02facf17d7976bbf6037b989f6
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'manual_entry.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

from koperasi.ui.widgets import MoneyEdit

class Ui_ManualEntryForm(object):
    def setupUi(self, ManualEntryForm):
        if not ManualEntryForm.objectName():
            ManualEntryForm.setObjectName(u"ManualEntryForm")
        ManualEntryForm.resize(480, 320)
        self.mainLayout = QVBoxLayout(ManualEntryForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.entryLayout = QFormLayout()
        self.entryLayout.setObjectName(u"entryLayout")
        self.entryLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_kindCombo = QLabel(ManualEntryForm)
        self.label_kindCombo.setObjectName(u"label_kindCombo")

        self.entryLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_kindCombo)

        self.kindCombo = QComboBox(ManualEntryForm)
        self.kindCombo.addItem("")
        self.kindCombo.addItem("")
        self.kindCombo.setObjectName(u"kindCombo")

        self.entryLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.label_dateEdit = QLabel(ManualEntryForm)
        self.label_dateEdit.setObjectName(u"label_dateEdit")

        self.entryLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_dateEdit)

        self.dateEdit = QDateEdit(ManualEntryForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"dd/MM/yyyy")

        self.entryLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.label_accountCombo = QLabel(ManualEntryForm)
        self.label_accountCombo.setObjectName(u"label_accountCombo")

        self.entryLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_accountCombo)

        self.accountCombo = QComboBox(ManualEntryForm)
        self.accountCombo.setObjectName(u"accountCombo")

        self.entryLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.accountCombo)

        self.label_cashCombo = QLabel(ManualEntryForm)
        self.label_cashCombo.setObjectName(u"label_cashCombo")

        self.entryLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_cashCombo)

        self.cashCombo = QComboBox(ManualEntryForm)
        self.cashCombo.setObjectName(u"cashCombo")

        self.entryLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cashCombo)

        self.label_amountEdit = QLabel(ManualEntryForm)
        self.label_amountEdit.setObjectName(u"label_amountEdit")

        self.entryLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_amountEdit)

        self.amountEdit = MoneyEdit(ManualEntryForm)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setPlaceholderText(u"0")

        self.entryLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.label_amountWordsLabel = QLabel(ManualEntryForm)
        self.label_amountWordsLabel.setObjectName(u"label_amountWordsLabel")

        self.entryLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_amountWordsLabel)

        self.amountWordsLabel = QLabel(ManualEntryForm)
        self.amountWordsLabel.setObjectName(u"amountWordsLabel")
        self.amountWordsLabel.setWordWrap(True)

        self.entryLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.amountWordsLabel)

        self.label_descriptionEdit = QLabel(ManualEntryForm)
        self.label_descriptionEdit.setObjectName(u"label_descriptionEdit")

        self.entryLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_descriptionEdit)

        self.descriptionEdit = QLineEdit(ManualEntryForm)
        self.descriptionEdit.setObjectName(u"descriptionEdit")

        self.entryLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.mainLayout.addLayout(self.entryLayout)

        self.generalError = QLabel(ManualEntryForm)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.mainLayout.addWidget(self.generalError)

        self.buttonBox = QDialogButtonBox(ManualEntryForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.label_kindCombo.setBuddy(self.kindCombo)
        self.label_dateEdit.setBuddy(self.dateEdit)
        self.label_accountCombo.setBuddy(self.accountCombo)
        self.label_cashCombo.setBuddy(self.cashCombo)
        self.label_amountEdit.setBuddy(self.amountEdit)
        self.label_descriptionEdit.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ManualEntryForm)

        QMetaObject.connectSlotsByName(ManualEntryForm)
    # setupUi

    def retranslateUi(self, ManualEntryForm):
        ManualEntryForm.setWindowTitle(QCoreApplication.translate("ManualEntryForm", u"Pemasukan / pengeluaran kas", None))
        self.label_kindCombo.setText(QCoreApplication.translate("ManualEntryForm", u"&Jenis", None))
        self.kindCombo.setItemText(0, QCoreApplication.translate("ManualEntryForm", u"Pengeluaran (kas keluar)", None))
        self.kindCombo.setItemText(1, QCoreApplication.translate("ManualEntryForm", u"Pemasukan (kas masuk)", None))

        self.label_dateEdit.setText(QCoreApplication.translate("ManualEntryForm", u"&Tanggal", None))
        self.label_accountCombo.setText(QCoreApplication.translate("ManualEntryForm", u"&Akun", None))
        self.label_cashCombo.setText(QCoreApplication.translate("ManualEntryForm", u"&Kas/Bank", None))
        self.label_amountEdit.setText(QCoreApplication.translate("ManualEntryForm", u"J&umlah (Rp)", None))
        self.label_amountWordsLabel.setText(QCoreApplication.translate("ManualEntryForm", u"Terbilang", None))
        self.label_descriptionEdit.setText(QCoreApplication.translate("ManualEntryForm", u"K&eterangan", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("ManualEntryForm", u"mis. Listrik kantor November", None))
    # retranslateUi

