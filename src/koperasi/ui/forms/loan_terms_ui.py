# Generated from ui/loan_terms.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: 4bf122dbb03cc5524d3ce5f3fd5d2a2fb97af425952a9bc62e14d4891076e6d7
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'loan_terms.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDateEdit, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QTableView,
    QVBoxLayout, QWidget)

from koperasi.ui.widgets import MoneyEdit

class Ui_LoanTermsForm(object):
    def setupUi(self, LoanTermsForm):
        if not LoanTermsForm.objectName():
            LoanTermsForm.setObjectName(u"LoanTermsForm")
        LoanTermsForm.resize(860, 460)
        self.mainLayout = QHBoxLayout(LoanTermsForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setObjectName(u"leftLayout")
        self.productInfoLabel = QLabel(LoanTermsForm)
        self.productInfoLabel.setObjectName(u"productInfoLabel")
        self.productInfoLabel.setWordWrap(True)

        self.leftLayout.addWidget(self.productInfoLabel)

        self.termsLayout = QFormLayout()
        self.termsLayout.setObjectName(u"termsLayout")
        self.termsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_amountEdit = QLabel(LoanTermsForm)
        self.label_amountEdit.setObjectName(u"label_amountEdit")

        self.termsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_amountEdit)

        self.amountEdit = MoneyEdit(LoanTermsForm)
        self.amountEdit.setObjectName(u"amountEdit")

        self.termsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.label_termSpin = QLabel(LoanTermsForm)
        self.label_termSpin.setObjectName(u"label_termSpin")

        self.termsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_termSpin)

        self.termSpin = QSpinBox(LoanTermsForm)
        self.termSpin.setObjectName(u"termSpin")
        self.termSpin.setMinimum(1)
        self.termSpin.setMaximum(520)

        self.termsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.termSpin)

        self.label_dateEdit = QLabel(LoanTermsForm)
        self.label_dateEdit.setObjectName(u"label_dateEdit")

        self.termsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_dateEdit)

        self.dateEdit = QDateEdit(LoanTermsForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.termsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.firstDueCheck = QCheckBox(LoanTermsForm)
        self.firstDueCheck.setObjectName(u"firstDueCheck")

        self.termsLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.firstDueCheck)

        self.label_firstDueEdit = QLabel(LoanTermsForm)
        self.label_firstDueEdit.setObjectName(u"label_firstDueEdit")

        self.termsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_firstDueEdit)

        self.firstDueEdit = QDateEdit(LoanTermsForm)
        self.firstDueEdit.setObjectName(u"firstDueEdit")
        self.firstDueEdit.setCalendarPopup(True)
        self.firstDueEdit.setEnabled(False)

        self.termsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.firstDueEdit)

        self.label_collateralEdit = QLabel(LoanTermsForm)
        self.label_collateralEdit.setObjectName(u"label_collateralEdit")

        self.termsLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_collateralEdit)

        self.collateralEdit = MoneyEdit(LoanTermsForm)
        self.collateralEdit.setObjectName(u"collateralEdit")

        self.termsLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.collateralEdit)

        self.label_purposeEdit = QLabel(LoanTermsForm)
        self.label_purposeEdit.setObjectName(u"label_purposeEdit")

        self.termsLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_purposeEdit)

        self.purposeEdit = QLineEdit(LoanTermsForm)
        self.purposeEdit.setObjectName(u"purposeEdit")

        self.termsLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.purposeEdit)

        self.label_guarantorEdit = QLabel(LoanTermsForm)
        self.label_guarantorEdit.setObjectName(u"label_guarantorEdit")

        self.termsLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.label_guarantorEdit)

        self.guarantorEdit = QLineEdit(LoanTermsForm)
        self.guarantorEdit.setObjectName(u"guarantorEdit")

        self.termsLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.guarantorEdit)


        self.leftLayout.addLayout(self.termsLayout)

        self.generalError = QLabel(LoanTermsForm)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.leftLayout.addWidget(self.generalError)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftLayout.addItem(self.leftSpacer)


        self.mainLayout.addLayout(self.leftLayout)

        self.previewLayout = QVBoxLayout()
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewTitle = QLabel(LoanTermsForm)
        self.previewTitle.setObjectName(u"previewTitle")

        self.previewLayout.addWidget(self.previewTitle)

        self.previewTable = QTableView(LoanTermsForm)
        self.previewTable.setObjectName(u"previewTable")

        self.previewLayout.addWidget(self.previewTable)

        self.totalsLabel = QLabel(LoanTermsForm)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.totalsLabel)


        self.mainLayout.addLayout(self.previewLayout)

#if QT_CONFIG(shortcut)
        self.label_amountEdit.setBuddy(self.amountEdit)
        self.label_termSpin.setBuddy(self.termSpin)
        self.label_dateEdit.setBuddy(self.dateEdit)
        self.label_firstDueEdit.setBuddy(self.firstDueEdit)
        self.label_collateralEdit.setBuddy(self.collateralEdit)
        self.label_purposeEdit.setBuddy(self.purposeEdit)
        self.label_guarantorEdit.setBuddy(self.guarantorEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LoanTermsForm)

        QMetaObject.connectSlotsByName(LoanTermsForm)
    # setupUi

    def retranslateUi(self, LoanTermsForm):
        LoanTermsForm.setWindowTitle(QCoreApplication.translate("LoanTermsForm", u"Syarat pinjaman", None))
        self.label_amountEdit.setText(QCoreApplication.translate("LoanTermsForm", u"&Jumlah pinjaman (Rp)", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("LoanTermsForm", u"mis. 5.000.000", None))
        self.label_termSpin.setText(QCoreApplication.translate("LoanTermsForm", u"Jangka &waktu (kali angsuran)", None))
        self.label_dateEdit.setText(QCoreApplication.translate("LoanTermsForm", u"&Tanggal pengajuan", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("LoanTermsForm", u"dd/MM/yyyy", None))
        self.firstDueCheck.setText(QCoreApplication.translate("LoanTermsForm", u"Tentukan tanggal angsuran &pertama", None))
        self.label_firstDueEdit.setText(QCoreApplication.translate("LoanTermsForm", u"Angsuran pertama", None))
        self.firstDueEdit.setDisplayFormat(QCoreApplication.translate("LoanTermsForm", u"dd/MM/yyyy", None))
        self.label_collateralEdit.setText(QCoreApplication.translate("LoanTermsForm", u"&Agunan (nilai, Rp)", None))
        self.collateralEdit.setPlaceholderText(QCoreApplication.translate("LoanTermsForm", u"0", None))
        self.label_purposeEdit.setText(QCoreApplication.translate("LoanTermsForm", u"&Tujuan pinjaman", None))
        self.purposeEdit.setPlaceholderText(QCoreApplication.translate("LoanTermsForm", u"mis. modal warung sembako", None))
        self.label_guarantorEdit.setText(QCoreApplication.translate("LoanTermsForm", u"&Penjamin / persetujuan kelompok", None))
        self.guarantorEdit.setPlaceholderText(QCoreApplication.translate("LoanTermsForm", u"nama penjamin atau catatan rapat kelompok", None))
        self.previewTitle.setText(QCoreApplication.translate("LoanTermsForm", u"<b>Jadwal angsuran (pratinjau)</b>", None))
    # retranslateUi

