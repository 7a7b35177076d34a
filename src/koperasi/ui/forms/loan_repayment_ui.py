# Generated from ui/loan_repayment.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: 5cd5990e0760dc31bc30817253821457b8814602c523680e9ec0130715b6fe1d
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'loan_repayment.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHeaderView, QLabel, QLineEdit, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

from koperasi.ui.widgets import MoneyEdit

class Ui_LoanRepaymentForm(object):
    def setupUi(self, LoanRepaymentForm):
        if not LoanRepaymentForm.objectName():
            LoanRepaymentForm.setObjectName(u"LoanRepaymentForm")
        LoanRepaymentForm.resize(560, 640)
        self.mainLayout = QVBoxLayout(LoanRepaymentForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(LoanRepaymentForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.repaymentLayout = QFormLayout()
        self.repaymentLayout.setObjectName(u"repaymentLayout")
        self.repaymentLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_loanEdit = QLabel(LoanRepaymentForm)
        self.label_loanEdit.setObjectName(u"label_loanEdit")

        self.repaymentLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_loanEdit)

        self.loanEdit = QLineEdit(LoanRepaymentForm)
        self.loanEdit.setObjectName(u"loanEdit")

        self.repaymentLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.loanEdit)

        self.label_memberLabel = QLabel(LoanRepaymentForm)
        self.label_memberLabel.setObjectName(u"label_memberLabel")

        self.repaymentLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_memberLabel)

        self.memberLabel = QLabel(LoanRepaymentForm)
        self.memberLabel.setObjectName(u"memberLabel")

        self.repaymentLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.memberLabel)

        self.label_principalLabel = QLabel(LoanRepaymentForm)
        self.label_principalLabel.setObjectName(u"label_principalLabel")

        self.repaymentLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_principalLabel)

        self.principalLabel = QLabel(LoanRepaymentForm)
        self.principalLabel.setObjectName(u"principalLabel")

        self.repaymentLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.principalLabel)

        self.label_dueLabel = QLabel(LoanRepaymentForm)
        self.label_dueLabel.setObjectName(u"label_dueLabel")

        self.repaymentLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_dueLabel)

        self.dueLabel = QLabel(LoanRepaymentForm)
        self.dueLabel.setObjectName(u"dueLabel")

        self.repaymentLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dueLabel)

        self.label_outstandingLabel = QLabel(LoanRepaymentForm)
        self.label_outstandingLabel.setObjectName(u"label_outstandingLabel")

        self.repaymentLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_outstandingLabel)

        self.outstandingLabel = QLabel(LoanRepaymentForm)
        self.outstandingLabel.setObjectName(u"outstandingLabel")

        self.repaymentLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.outstandingLabel)

        self.label_dateEdit = QLabel(LoanRepaymentForm)
        self.label_dateEdit.setObjectName(u"label_dateEdit")

        self.repaymentLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_dateEdit)

        self.dateEdit = QDateEdit(LoanRepaymentForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.repaymentLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.label_amountEdit = QLabel(LoanRepaymentForm)
        self.label_amountEdit.setObjectName(u"label_amountEdit")

        self.repaymentLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_amountEdit)

        self.amountEdit = MoneyEdit(LoanRepaymentForm)
        self.amountEdit.setObjectName(u"amountEdit")

        self.repaymentLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.label_amountWordsLabel = QLabel(LoanRepaymentForm)
        self.label_amountWordsLabel.setObjectName(u"label_amountWordsLabel")

        self.repaymentLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.label_amountWordsLabel)

        self.amountWordsLabel = QLabel(LoanRepaymentForm)
        self.amountWordsLabel.setObjectName(u"amountWordsLabel")
        self.amountWordsLabel.setWordWrap(True)

        self.repaymentLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.amountWordsLabel)

        self.label_sourceCombo = QLabel(LoanRepaymentForm)
        self.label_sourceCombo.setObjectName(u"label_sourceCombo")

        self.repaymentLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.label_sourceCombo)

        self.sourceCombo = QComboBox(LoanRepaymentForm)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.repaymentLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sourceCombo)

        self.excessCheck = QCheckBox(LoanRepaymentForm)
        self.excessCheck.setObjectName(u"excessCheck")

        self.repaymentLayout.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.excessCheck)

        self.label_memoEdit = QLabel(LoanRepaymentForm)
        self.label_memoEdit.setObjectName(u"label_memoEdit")

        self.repaymentLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.label_memoEdit)

        self.memoEdit = QLineEdit(LoanRepaymentForm)
        self.memoEdit.setObjectName(u"memoEdit")

        self.repaymentLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.memoEdit)


        self.mainLayout.addLayout(self.repaymentLayout)

        self.allocationTitle = QLabel(LoanRepaymentForm)
        self.allocationTitle.setObjectName(u"allocationTitle")

        self.mainLayout.addWidget(self.allocationTitle)

        self.allocationTable = QTableView(LoanRepaymentForm)
        self.allocationTable.setObjectName(u"allocationTable")

        self.mainLayout.addWidget(self.allocationTable)

        self.afterLabel = QLabel(LoanRepaymentForm)
        self.afterLabel.setObjectName(u"afterLabel")
        self.afterLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.afterLabel)

        self.generalError = QLabel(LoanRepaymentForm)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.mainLayout.addWidget(self.generalError)

        self.buttonBox = QDialogButtonBox(LoanRepaymentForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.label_loanEdit.setBuddy(self.loanEdit)
        self.label_memberLabel.setBuddy(self.memberLabel)
        self.label_principalLabel.setBuddy(self.principalLabel)
        self.label_dueLabel.setBuddy(self.dueLabel)
        self.label_outstandingLabel.setBuddy(self.outstandingLabel)
        self.label_dateEdit.setBuddy(self.dateEdit)
        self.label_amountEdit.setBuddy(self.amountEdit)
        self.label_amountWordsLabel.setBuddy(self.amountWordsLabel)
        self.label_sourceCombo.setBuddy(self.sourceCombo)
        self.label_memoEdit.setBuddy(self.memoEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LoanRepaymentForm)

        QMetaObject.connectSlotsByName(LoanRepaymentForm)
    # setupUi

    def retranslateUi(self, LoanRepaymentForm):
        LoanRepaymentForm.setWindowTitle(QCoreApplication.translate("LoanRepaymentForm", u"Angsuran pinjaman", None))
        self.label_loanEdit.setText(QCoreApplication.translate("LoanRepaymentForm", u"No. &pinjaman", None))
        self.loanEdit.setPlaceholderText(QCoreApplication.translate("LoanRepaymentForm", u"mis. PJ-2026-00012", None))
        self.label_memberLabel.setText(QCoreApplication.translate("LoanRepaymentForm", u"Anggota", None))
        self.label_principalLabel.setText(QCoreApplication.translate("LoanRepaymentForm", u"Sisa pokok", None))
        self.label_dueLabel.setText(QCoreApplication.translate("LoanRepaymentForm", u"Jatuh tempo s.d. tanggal", None))
        self.label_outstandingLabel.setText(QCoreApplication.translate("LoanRepaymentForm", u"Seluruh kewajiban", None))
        self.label_dateEdit.setText(QCoreApplication.translate("LoanRepaymentForm", u"&Tanggal bayar", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("LoanRepaymentForm", u"dd/MM/yyyy", None))
        self.label_amountEdit.setText(QCoreApplication.translate("LoanRepaymentForm", u"&Jumlah dibayar (Rp)", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("LoanRepaymentForm", u"kosong: sebesar jatuh tempo", None))
        self.label_amountWordsLabel.setText(QCoreApplication.translate("LoanRepaymentForm", u"Terbilang", None))
        self.label_sourceCombo.setText(QCoreApplication.translate("LoanRepaymentForm", u"&Sumber dana", None))
        self.excessCheck.setText(QCoreApplication.translate("LoanRepaymentForm", u"&Kelebihan bayar masuk simpanan sukarela", None))
        self.label_memoEdit.setText(QCoreApplication.translate("LoanRepaymentForm", u"&Keterangan", None))
        self.allocationTitle.setText(QCoreApplication.translate("LoanRepaymentForm", u"<b>Pembagian pembayaran</b> (denda, biaya, bunga, pokok; angsuran tertua dulu)", None))
    # retranslateUi

