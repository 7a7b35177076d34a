# Generated from ui/savings_tx.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: 61d83c2538f892045323ca25e09935a5d75fde7225d546df7d04731e90f73a69
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'savings_tx.ui'
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

class Ui_SavingsTxForm(object):
    def setupUi(self, SavingsTxForm):
        if not SavingsTxForm.objectName():
            SavingsTxForm.setObjectName(u"SavingsTxForm")
        SavingsTxForm.resize(460, 380)
        self.mainLayout = QVBoxLayout(SavingsTxForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(SavingsTxForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.txLayout = QFormLayout()
        self.txLayout.setObjectName(u"txLayout")
        self.txLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_memberEdit = QLabel(SavingsTxForm)
        self.label_memberEdit.setObjectName(u"label_memberEdit")

        self.txLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_memberEdit)

        self.memberEdit = QLineEdit(SavingsTxForm)
        self.memberEdit.setObjectName(u"memberEdit")

        self.txLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberEdit)

        self.label_memberNameLabel = QLabel(SavingsTxForm)
        self.label_memberNameLabel.setObjectName(u"label_memberNameLabel")

        self.txLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_memberNameLabel)

        self.memberNameLabel = QLabel(SavingsTxForm)
        self.memberNameLabel.setObjectName(u"memberNameLabel")

        self.txLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.memberNameLabel)

        self.label_productCombo = QLabel(SavingsTxForm)
        self.label_productCombo.setObjectName(u"label_productCombo")

        self.txLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_productCombo)

        self.productCombo = QComboBox(SavingsTxForm)
        self.productCombo.setObjectName(u"productCombo")

        self.txLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.productCombo)

        self.label_balanceLabel = QLabel(SavingsTxForm)
        self.label_balanceLabel.setObjectName(u"label_balanceLabel")

        self.txLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_balanceLabel)

        self.balanceLabel = QLabel(SavingsTxForm)
        self.balanceLabel.setObjectName(u"balanceLabel")

        self.txLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.balanceLabel)

        self.label_amountEdit = QLabel(SavingsTxForm)
        self.label_amountEdit.setObjectName(u"label_amountEdit")

        self.txLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_amountEdit)

        self.amountEdit = MoneyEdit(SavingsTxForm)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setPlaceholderText(u"0")

        self.txLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.label_amountWordsLabel = QLabel(SavingsTxForm)
        self.label_amountWordsLabel.setObjectName(u"label_amountWordsLabel")

        self.txLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_amountWordsLabel)

        self.amountWordsLabel = QLabel(SavingsTxForm)
        self.amountWordsLabel.setObjectName(u"amountWordsLabel")
        self.amountWordsLabel.setWordWrap(True)

        self.txLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.amountWordsLabel)

        self.label_balanceAfterLabel = QLabel(SavingsTxForm)
        self.label_balanceAfterLabel.setObjectName(u"label_balanceAfterLabel")

        self.txLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_balanceAfterLabel)

        self.balanceAfterLabel = QLabel(SavingsTxForm)
        self.balanceAfterLabel.setObjectName(u"balanceAfterLabel")

        self.txLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.balanceAfterLabel)

        self.label_dateEdit = QLabel(SavingsTxForm)
        self.label_dateEdit.setObjectName(u"label_dateEdit")

        self.txLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.label_dateEdit)

        self.dateEdit = QDateEdit(SavingsTxForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"dd/MM/yyyy")

        self.txLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.label_memoEdit = QLabel(SavingsTxForm)
        self.label_memoEdit.setObjectName(u"label_memoEdit")

        self.txLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.label_memoEdit)

        self.memoEdit = QLineEdit(SavingsTxForm)
        self.memoEdit.setObjectName(u"memoEdit")

        self.txLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.memoEdit)


        self.mainLayout.addLayout(self.txLayout)

        self.generalError = QLabel(SavingsTxForm)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.mainLayout.addWidget(self.generalError)

        self.buttonBox = QDialogButtonBox(SavingsTxForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.label_memberEdit.setBuddy(self.memberEdit)
        self.label_productCombo.setBuddy(self.productCombo)
        self.label_amountEdit.setBuddy(self.amountEdit)
        self.label_dateEdit.setBuddy(self.dateEdit)
        self.label_memoEdit.setBuddy(self.memoEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SavingsTxForm)

        QMetaObject.connectSlotsByName(SavingsTxForm)
    # setupUi

    def retranslateUi(self, SavingsTxForm):
        SavingsTxForm.setWindowTitle(QCoreApplication.translate("SavingsTxForm", u"Transaksi simpanan", None))
        self.label_memberEdit.setText(QCoreApplication.translate("SavingsTxForm", u"Nomor &anggota", None))
        self.memberEdit.setPlaceholderText(QCoreApplication.translate("SavingsTxForm", u"mis. A00012", None))
        self.label_memberNameLabel.setText(QCoreApplication.translate("SavingsTxForm", u"Nama", None))
        self.label_productCombo.setText(QCoreApplication.translate("SavingsTxForm", u"&Produk", None))
        self.label_balanceLabel.setText(QCoreApplication.translate("SavingsTxForm", u"Saldo sekarang", None))
        self.label_amountEdit.setText(QCoreApplication.translate("SavingsTxForm", u"&Jumlah (Rp)", None))
        self.label_amountWordsLabel.setText(QCoreApplication.translate("SavingsTxForm", u"Terbilang", None))
        self.label_balanceAfterLabel.setText(QCoreApplication.translate("SavingsTxForm", u"Saldo setelah transaksi", None))
        self.label_dateEdit.setText(QCoreApplication.translate("SavingsTxForm", u"&Tanggal", None))
        self.label_memoEdit.setText(QCoreApplication.translate("SavingsTxForm", u"&Keterangan", None))
    # retranslateUi

