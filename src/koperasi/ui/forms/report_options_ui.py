# Generated from ui/report_options.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: 3b5472754dc6db36ee78045255c5c484a92080ac3e6f1ce326ab6fd1862c9e84
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_options.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QWidget)

class Ui_ReportOptionsForm(object):
    def setupUi(self, ReportOptionsForm):
        if not ReportOptionsForm.objectName():
            ReportOptionsForm.setObjectName(u"ReportOptionsForm")
        ReportOptionsForm.resize(320, 260)
        self.optionsLayout = QFormLayout(ReportOptionsForm)
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.optionsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.optionsLayout.setContentsMargins(0, -1, 0, -1)
        self.label_periodKindCombo = QLabel(ReportOptionsForm)
        self.label_periodKindCombo.setObjectName(u"label_periodKindCombo")

        self.optionsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_periodKindCombo)

        self.periodKindCombo = QComboBox(ReportOptionsForm)
        self.periodKindCombo.addItem("")
        self.periodKindCombo.addItem("")
        self.periodKindCombo.addItem("")
        self.periodKindCombo.setObjectName(u"periodKindCombo")

        self.optionsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.periodKindCombo)

        self.label_monthCombo = QLabel(ReportOptionsForm)
        self.label_monthCombo.setObjectName(u"label_monthCombo")

        self.optionsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_monthCombo)

        self.monthCombo = QComboBox(ReportOptionsForm)
        self.monthCombo.setObjectName(u"monthCombo")

        self.optionsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.monthCombo)

        self.label_yearCombo = QLabel(ReportOptionsForm)
        self.label_yearCombo.setObjectName(u"label_yearCombo")

        self.optionsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_yearCombo)

        self.yearCombo = QComboBox(ReportOptionsForm)
        self.yearCombo.setObjectName(u"yearCombo")

        self.optionsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.yearCombo)

        self.label_dateEdit = QLabel(ReportOptionsForm)
        self.label_dateEdit.setObjectName(u"label_dateEdit")

        self.optionsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_dateEdit)

        self.dateEdit = QDateEdit(ReportOptionsForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.optionsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.label_groupCombo = QLabel(ReportOptionsForm)
        self.label_groupCombo.setObjectName(u"label_groupCombo")

        self.optionsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_groupCombo)

        self.groupCombo = QComboBox(ReportOptionsForm)
        self.groupCombo.setObjectName(u"groupCombo")

        self.optionsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.groupCombo)

        self.label_memberEdit = QLabel(ReportOptionsForm)
        self.label_memberEdit.setObjectName(u"label_memberEdit")

        self.optionsLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_memberEdit)

        self.memberEdit = QLineEdit(ReportOptionsForm)
        self.memberEdit.setObjectName(u"memberEdit")
        self.memberEdit.setClearButtonEnabled(True)

        self.optionsLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.memberEdit)

        self.label_loanEdit = QLabel(ReportOptionsForm)
        self.label_loanEdit.setObjectName(u"label_loanEdit")

        self.optionsLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_loanEdit)

        self.loanEdit = QLineEdit(ReportOptionsForm)
        self.loanEdit.setObjectName(u"loanEdit")
        self.loanEdit.setClearButtonEnabled(True)

        self.optionsLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.loanEdit)

        self.label_receiptEdit = QLabel(ReportOptionsForm)
        self.label_receiptEdit.setObjectName(u"label_receiptEdit")

        self.optionsLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.label_receiptEdit)

        self.receiptEdit = QLineEdit(ReportOptionsForm)
        self.receiptEdit.setObjectName(u"receiptEdit")
        self.receiptEdit.setClearButtonEnabled(True)

        self.optionsLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.receiptEdit)

#if QT_CONFIG(shortcut)
        self.label_periodKindCombo.setBuddy(self.periodKindCombo)
        self.label_monthCombo.setBuddy(self.monthCombo)
        self.label_yearCombo.setBuddy(self.yearCombo)
        self.label_dateEdit.setBuddy(self.dateEdit)
        self.label_groupCombo.setBuddy(self.groupCombo)
        self.label_memberEdit.setBuddy(self.memberEdit)
        self.label_loanEdit.setBuddy(self.loanEdit)
        self.label_receiptEdit.setBuddy(self.receiptEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportOptionsForm)

        QMetaObject.connectSlotsByName(ReportOptionsForm)
    # setupUi

    def retranslateUi(self, ReportOptionsForm):
        self.label_periodKindCombo.setText(QCoreApplication.translate("ReportOptionsForm", u"&Jenis periode", None))
        self.periodKindCombo.setItemText(0, QCoreApplication.translate("ReportOptionsForm", u"Bulan", None))
        self.periodKindCombo.setItemText(1, QCoreApplication.translate("ReportOptionsForm", u"Tahun buku", None))
        self.periodKindCombo.setItemText(2, QCoreApplication.translate("ReportOptionsForm", u"Per tanggal", None))

        self.label_monthCombo.setText(QCoreApplication.translate("ReportOptionsForm", u"&Bulan", None))
        self.label_yearCombo.setText(QCoreApplication.translate("ReportOptionsForm", u"&Tahun buku", None))
        self.label_dateEdit.setText(QCoreApplication.translate("ReportOptionsForm", u"&Tanggal", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ReportOptionsForm", u"dd/MM/yyyy", None))
        self.label_groupCombo.setText(QCoreApplication.translate("ReportOptionsForm", u"&Kelompok", None))
        self.label_memberEdit.setText(QCoreApplication.translate("ReportOptionsForm", u"&Anggota", None))
#if QT_CONFIG(tooltip)
        self.memberEdit.setToolTip(QCoreApplication.translate("ReportOptionsForm", u"Nomor anggota; kosongkan untuk anggota bawaan", None))
#endif // QT_CONFIG(tooltip)
        self.label_loanEdit.setText(QCoreApplication.translate("ReportOptionsForm", u"No. &pinjaman", None))
#if QT_CONFIG(tooltip)
        self.loanEdit.setToolTip(QCoreApplication.translate("ReportOptionsForm", u"Nomor pinjaman; kosongkan untuk pinjaman pertama anggota", None))
#endif // QT_CONFIG(tooltip)
        self.label_receiptEdit.setText(QCoreApplication.translate("ReportOptionsForm", u"No. &kuitansi", None))
#if QT_CONFIG(tooltip)
        self.receiptEdit.setToolTip(QCoreApplication.translate("ReportOptionsForm", u"Nomor kuitansi; kosongkan untuk kuitansi terakhir", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

