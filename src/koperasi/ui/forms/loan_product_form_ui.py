# Generated from ui/loan_product_form.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: aacbd0ca27b080d3a935fbfcc58fe0b9eb0afc33f30eb60eb79742dfa50b9a16
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'loan_product_form.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

from koperasi.ui.widgets import MoneyEdit

class Ui_LoanProductForm(object):
    def setupUi(self, LoanProductForm):
        if not LoanProductForm.objectName():
            LoanProductForm.setObjectName(u"LoanProductForm")
        LoanProductForm.resize(820, 520)
        self.mainLayout = QVBoxLayout(LoanProductForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(LoanProductForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.productLayout = QFormLayout()
        self.productLayout.setObjectName(u"productLayout")
        self.productLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_codeEdit = QLabel(LoanProductForm)
        self.label_codeEdit.setObjectName(u"label_codeEdit")

        self.productLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_codeEdit)

        self.codeEdit = QLineEdit(LoanProductForm)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(20)

        self.productLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.label_nameEdit = QLabel(LoanProductForm)
        self.label_nameEdit.setObjectName(u"label_nameEdit")

        self.productLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_nameEdit)

        self.nameEdit = QLineEdit(LoanProductForm)
        self.nameEdit.setObjectName(u"nameEdit")

        self.productLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.label_methodCombo = QLabel(LoanProductForm)
        self.label_methodCombo.setObjectName(u"label_methodCombo")

        self.productLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_methodCombo)

        self.methodCombo = QComboBox(LoanProductForm)
        self.methodCombo.setObjectName(u"methodCombo")

        self.productLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.label_rateEdit = QLabel(LoanProductForm)
        self.label_rateEdit.setObjectName(u"label_rateEdit")

        self.productLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_rateEdit)

        self.rateEdit = QLineEdit(LoanProductForm)
        self.rateEdit.setObjectName(u"rateEdit")

        self.productLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rateEdit)

        self.label_ratePerCombo = QLabel(LoanProductForm)
        self.label_ratePerCombo.setObjectName(u"label_ratePerCombo")

        self.productLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_ratePerCombo)

        self.ratePerCombo = QComboBox(LoanProductForm)
        self.ratePerCombo.setObjectName(u"ratePerCombo")

        self.productLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ratePerCombo)

        self.label_minAmountEdit = QLabel(LoanProductForm)
        self.label_minAmountEdit.setObjectName(u"label_minAmountEdit")

        self.productLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_minAmountEdit)

        self.minAmountEdit = MoneyEdit(LoanProductForm)
        self.minAmountEdit.setObjectName(u"minAmountEdit")

        self.productLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.minAmountEdit)

        self.label_maxAmountEdit = QLabel(LoanProductForm)
        self.label_maxAmountEdit.setObjectName(u"label_maxAmountEdit")

        self.productLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_maxAmountEdit)

        self.maxAmountEdit = MoneyEdit(LoanProductForm)
        self.maxAmountEdit.setObjectName(u"maxAmountEdit")

        self.productLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.maxAmountEdit)

        self.label_minTermSpin = QLabel(LoanProductForm)
        self.label_minTermSpin.setObjectName(u"label_minTermSpin")

        self.productLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.label_minTermSpin)

        self.minTermSpin = QSpinBox(LoanProductForm)
        self.minTermSpin.setObjectName(u"minTermSpin")
        self.minTermSpin.setMinimum(1)
        self.minTermSpin.setMaximum(520)

        self.productLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.minTermSpin)

        self.label_maxTermSpin = QLabel(LoanProductForm)
        self.label_maxTermSpin.setObjectName(u"label_maxTermSpin")

        self.productLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.label_maxTermSpin)

        self.maxTermSpin = QSpinBox(LoanProductForm)
        self.maxTermSpin.setObjectName(u"maxTermSpin")
        self.maxTermSpin.setMinimum(1)
        self.maxTermSpin.setMaximum(520)

        self.productLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.maxTermSpin)

        self.label_everySpin = QLabel(LoanProductForm)
        self.label_everySpin.setObjectName(u"label_everySpin")

        self.productLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.label_everySpin)

        self.everySpin = QSpinBox(LoanProductForm)
        self.everySpin.setObjectName(u"everySpin")
        self.everySpin.setMinimum(1)
        self.everySpin.setMaximum(12)

        self.productLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.everySpin)

        self.label_unitCombo = QLabel(LoanProductForm)
        self.label_unitCombo.setObjectName(u"label_unitCombo")

        self.productLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.label_unitCombo)

        self.unitCombo = QComboBox(LoanProductForm)
        self.unitCombo.setObjectName(u"unitCombo")

        self.productLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.label_payoffCombo = QLabel(LoanProductForm)
        self.label_payoffCombo.setObjectName(u"label_payoffCombo")

        self.productLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.label_payoffCombo)

        self.payoffCombo = QComboBox(LoanProductForm)
        self.payoffCombo.setObjectName(u"payoffCombo")

        self.productLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.payoffCombo)


        self.columnsLayout.addLayout(self.productLayout)

        self.feesLayout = QFormLayout()
        self.feesLayout.setObjectName(u"feesLayout")
        self.feesLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_feeKindCombo = QLabel(LoanProductForm)
        self.label_feeKindCombo.setObjectName(u"label_feeKindCombo")

        self.feesLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_feeKindCombo)

        self.feeKindCombo = QComboBox(LoanProductForm)
        self.feeKindCombo.setObjectName(u"feeKindCombo")

        self.feesLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.feeKindCombo)

        self.label_feeAmountEdit = QLabel(LoanProductForm)
        self.label_feeAmountEdit.setObjectName(u"label_feeAmountEdit")

        self.feesLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_feeAmountEdit)

        self.feeAmountEdit = MoneyEdit(LoanProductForm)
        self.feeAmountEdit.setObjectName(u"feeAmountEdit")

        self.feesLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.feeAmountEdit)

        self.label_feePercentEdit = QLabel(LoanProductForm)
        self.label_feePercentEdit.setObjectName(u"label_feePercentEdit")

        self.feesLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_feePercentEdit)

        self.feePercentEdit = QLineEdit(LoanProductForm)
        self.feePercentEdit.setObjectName(u"feePercentEdit")

        self.feesLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.feePercentEdit)

        self.label_feeModeCombo = QLabel(LoanProductForm)
        self.label_feeModeCombo.setObjectName(u"label_feeModeCombo")

        self.feesLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_feeModeCombo)

        self.feeModeCombo = QComboBox(LoanProductForm)
        self.feeModeCombo.setObjectName(u"feeModeCombo")

        self.feesLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.feeModeCombo)

        self.label_penaltyKindCombo = QLabel(LoanProductForm)
        self.label_penaltyKindCombo.setObjectName(u"label_penaltyKindCombo")

        self.feesLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_penaltyKindCombo)

        self.penaltyKindCombo = QComboBox(LoanProductForm)
        self.penaltyKindCombo.setObjectName(u"penaltyKindCombo")

        self.feesLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.penaltyKindCombo)

        self.label_penaltyAmountEdit = QLabel(LoanProductForm)
        self.label_penaltyAmountEdit.setObjectName(u"label_penaltyAmountEdit")

        self.feesLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_penaltyAmountEdit)

        self.penaltyAmountEdit = MoneyEdit(LoanProductForm)
        self.penaltyAmountEdit.setObjectName(u"penaltyAmountEdit")

        self.feesLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.penaltyAmountEdit)

        self.label_penaltyPercentEdit = QLabel(LoanProductForm)
        self.label_penaltyPercentEdit.setObjectName(u"label_penaltyPercentEdit")

        self.feesLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_penaltyPercentEdit)

        self.penaltyPercentEdit = QLineEdit(LoanProductForm)
        self.penaltyPercentEdit.setObjectName(u"penaltyPercentEdit")

        self.feesLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.penaltyPercentEdit)

        self.label_penaltyPerCombo = QLabel(LoanProductForm)
        self.label_penaltyPerCombo.setObjectName(u"label_penaltyPerCombo")

        self.feesLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.label_penaltyPerCombo)

        self.penaltyPerCombo = QComboBox(LoanProductForm)
        self.penaltyPerCombo.setObjectName(u"penaltyPerCombo")

        self.feesLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.penaltyPerCombo)

        self.label_penaltyGraceSpin = QLabel(LoanProductForm)
        self.label_penaltyGraceSpin.setObjectName(u"label_penaltyGraceSpin")

        self.feesLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.label_penaltyGraceSpin)

        self.penaltyGraceSpin = QSpinBox(LoanProductForm)
        self.penaltyGraceSpin.setObjectName(u"penaltyGraceSpin")
        self.penaltyGraceSpin.setMinimum(0)
        self.penaltyGraceSpin.setMaximum(90)

        self.feesLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.penaltyGraceSpin)

        self.label_limitMultipleEdit = QLabel(LoanProductForm)
        self.label_limitMultipleEdit.setObjectName(u"label_limitMultipleEdit")

        self.feesLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.label_limitMultipleEdit)

        self.limitMultipleEdit = QLineEdit(LoanProductForm)
        self.limitMultipleEdit.setObjectName(u"limitMultipleEdit")

        self.feesLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.limitMultipleEdit)

        self.allowMultipleCheck = QCheckBox(LoanProductForm)
        self.allowMultipleCheck.setObjectName(u"allowMultipleCheck")

        self.feesLayout.setWidget(10, QFormLayout.ItemRole.SpanningRole, self.allowMultipleCheck)

        self.groupLoanCheck = QCheckBox(LoanProductForm)
        self.groupLoanCheck.setObjectName(u"groupLoanCheck")

        self.feesLayout.setWidget(11, QFormLayout.ItemRole.SpanningRole, self.groupLoanCheck)

        self.activeCheck = QCheckBox(LoanProductForm)
        self.activeCheck.setObjectName(u"activeCheck")
        self.activeCheck.setChecked(True)

        self.feesLayout.setWidget(12, QFormLayout.ItemRole.SpanningRole, self.activeCheck)


        self.columnsLayout.addLayout(self.feesLayout)


        self.mainLayout.addLayout(self.columnsLayout)

        self.generalError = QLabel(LoanProductForm)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.mainLayout.addWidget(self.generalError)

        self.buttonBox = QDialogButtonBox(LoanProductForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.label_codeEdit.setBuddy(self.codeEdit)
        self.label_nameEdit.setBuddy(self.nameEdit)
        self.label_methodCombo.setBuddy(self.methodCombo)
        self.label_rateEdit.setBuddy(self.rateEdit)
        self.label_ratePerCombo.setBuddy(self.ratePerCombo)
        self.label_minAmountEdit.setBuddy(self.minAmountEdit)
        self.label_maxAmountEdit.setBuddy(self.maxAmountEdit)
        self.label_minTermSpin.setBuddy(self.minTermSpin)
        self.label_maxTermSpin.setBuddy(self.maxTermSpin)
        self.label_everySpin.setBuddy(self.everySpin)
        self.label_unitCombo.setBuddy(self.unitCombo)
        self.label_payoffCombo.setBuddy(self.payoffCombo)
        self.label_feeKindCombo.setBuddy(self.feeKindCombo)
        self.label_feeAmountEdit.setBuddy(self.feeAmountEdit)
        self.label_feePercentEdit.setBuddy(self.feePercentEdit)
        self.label_feeModeCombo.setBuddy(self.feeModeCombo)
        self.label_penaltyKindCombo.setBuddy(self.penaltyKindCombo)
        self.label_penaltyAmountEdit.setBuddy(self.penaltyAmountEdit)
        self.label_penaltyPercentEdit.setBuddy(self.penaltyPercentEdit)
        self.label_penaltyPerCombo.setBuddy(self.penaltyPerCombo)
        self.label_penaltyGraceSpin.setBuddy(self.penaltyGraceSpin)
        self.label_limitMultipleEdit.setBuddy(self.limitMultipleEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LoanProductForm)

        QMetaObject.connectSlotsByName(LoanProductForm)
    # setupUi

    def retranslateUi(self, LoanProductForm):
        LoanProductForm.setWindowTitle(QCoreApplication.translate("LoanProductForm", u"Produk pinjaman", None))
        self.label_codeEdit.setText(QCoreApplication.translate("LoanProductForm", u"&Kode", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("LoanProductForm", u"mis. UMUM", None))
        self.label_nameEdit.setText(QCoreApplication.translate("LoanProductForm", u"&Nama", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("LoanProductForm", u"mis. Pinjaman Umum", None))
        self.label_methodCombo.setText(QCoreApplication.translate("LoanProductForm", u"&Metode bunga", None))
        self.label_rateEdit.setText(QCoreApplication.translate("LoanProductForm", u"&Bunga (%)", None))
        self.rateEdit.setPlaceholderText(QCoreApplication.translate("LoanProductForm", u"mis. 1,5", None))
        self.label_ratePerCombo.setText(QCoreApplication.translate("LoanProductForm", u"Bunga &per", None))
        self.label_minAmountEdit.setText(QCoreApplication.translate("LoanProductForm", u"Pinjaman mi&nimum (Rp)", None))
        self.label_maxAmountEdit.setText(QCoreApplication.translate("LoanProductForm", u"Pinjaman ma&ksimum (Rp)", None))
        self.label_minTermSpin.setText(QCoreApplication.translate("LoanProductForm", u"Jangka minimum", None))
        self.label_maxTermSpin.setText(QCoreApplication.translate("LoanProductForm", u"Jangka maksimum", None))
        self.label_everySpin.setText(QCoreApplication.translate("LoanProductForm", u"Angsuran &setiap", None))
        self.label_unitCombo.setText(QCoreApplication.translate("LoanProductForm", u"Satuan", None))
        self.label_payoffCombo.setText(QCoreApplication.translate("LoanProductForm", u"Pelunasan &dipercepat", None))
        self.label_feeKindCombo.setText(QCoreApplication.translate("LoanProductForm", u"Biaya &administrasi", None))
        self.label_feeAmountEdit.setText(QCoreApplication.translate("LoanProductForm", u"Biaya tetap (Rp)", None))
        self.label_feePercentEdit.setText(QCoreApplication.translate("LoanProductForm", u"Biaya (%)", None))
        self.feePercentEdit.setPlaceholderText(QCoreApplication.translate("LoanProductForm", u"mis. 1", None))
        self.label_feeModeCombo.setText(QCoreApplication.translate("LoanProductForm", u"Biaya dibayar", None))
        self.label_penaltyKindCombo.setText(QCoreApplication.translate("LoanProductForm", u"&Denda keterlambatan", None))
        self.label_penaltyAmountEdit.setText(QCoreApplication.translate("LoanProductForm", u"Denda tetap (Rp)", None))
        self.label_penaltyPercentEdit.setText(QCoreApplication.translate("LoanProductForm", u"Denda (%)", None))
        self.penaltyPercentEdit.setPlaceholderText(QCoreApplication.translate("LoanProductForm", u"mis. 0,1", None))
        self.label_penaltyPerCombo.setText(QCoreApplication.translate("LoanProductForm", u"Denda per", None))
        self.label_penaltyGraceSpin.setText(QCoreApplication.translate("LoanProductForm", u"Masa tenggang denda (hari)", None))
        self.label_limitMultipleEdit.setText(QCoreApplication.translate("LoanProductForm", u"Batas x simpanan", None))
        self.limitMultipleEdit.setPlaceholderText(QCoreApplication.translate("LoanProductForm", u"kosong: tanpa batas", None))
        self.allowMultipleCheck.setText(QCoreApplication.translate("LoanProductForm", u"Boleh lebih dari satu pinjaman aktif", None))
        self.groupLoanCheck.setText(QCoreApplication.translate("LoanProductForm", u"Pinjaman kelompok (angsuran di hari pertemuan)", None))
        self.activeCheck.setText(QCoreApplication.translate("LoanProductForm", u"&Aktif", None))
    # retranslateUi

