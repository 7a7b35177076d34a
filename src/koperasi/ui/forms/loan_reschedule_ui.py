# Generated from ui/loan_reschedule.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: 0d03282e962bbdc7baa5d2ca5321fa39032321d994787c4fd5a2ed5bbce765fb
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'loan_reschedule.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QTableView,
    QVBoxLayout, QWidget)

class Ui_LoanRescheduleForm(object):
    def setupUi(self, LoanRescheduleForm):
        if not LoanRescheduleForm.objectName():
            LoanRescheduleForm.setObjectName(u"LoanRescheduleForm")
        LoanRescheduleForm.resize(900, 520)
        self.mainLayout = QVBoxLayout(LoanRescheduleForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(LoanRescheduleForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setObjectName(u"leftLayout")
        self.infoLabel = QLabel(LoanRescheduleForm)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.leftLayout.addWidget(self.infoLabel)

        self.rescheduleLayout = QFormLayout()
        self.rescheduleLayout.setObjectName(u"rescheduleLayout")
        self.rescheduleLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_dateEdit = QLabel(LoanRescheduleForm)
        self.label_dateEdit.setObjectName(u"label_dateEdit")

        self.rescheduleLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_dateEdit)

        self.dateEdit = QDateEdit(LoanRescheduleForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.rescheduleLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.label_termSpin = QLabel(LoanRescheduleForm)
        self.label_termSpin.setObjectName(u"label_termSpin")

        self.rescheduleLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_termSpin)

        self.termSpin = QSpinBox(LoanRescheduleForm)
        self.termSpin.setObjectName(u"termSpin")
        self.termSpin.setMinimum(1)
        self.termSpin.setMaximum(520)

        self.rescheduleLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.termSpin)

        self.label_rateEdit = QLabel(LoanRescheduleForm)
        self.label_rateEdit.setObjectName(u"label_rateEdit")

        self.rescheduleLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_rateEdit)

        self.rateEdit = QLineEdit(LoanRescheduleForm)
        self.rateEdit.setObjectName(u"rateEdit")

        self.rescheduleLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.rateEdit)

        self.label_methodCombo = QLabel(LoanRescheduleForm)
        self.label_methodCombo.setObjectName(u"label_methodCombo")

        self.rescheduleLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_methodCombo)

        self.methodCombo = QComboBox(LoanRescheduleForm)
        self.methodCombo.setObjectName(u"methodCombo")

        self.rescheduleLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.firstDueCheck = QCheckBox(LoanRescheduleForm)
        self.firstDueCheck.setObjectName(u"firstDueCheck")

        self.rescheduleLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.firstDueCheck)

        self.label_firstDueEdit = QLabel(LoanRescheduleForm)
        self.label_firstDueEdit.setObjectName(u"label_firstDueEdit")

        self.rescheduleLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_firstDueEdit)

        self.firstDueEdit = QDateEdit(LoanRescheduleForm)
        self.firstDueEdit.setObjectName(u"firstDueEdit")
        self.firstDueEdit.setCalendarPopup(True)
        self.firstDueEdit.setEnabled(False)

        self.rescheduleLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.firstDueEdit)

        self.label_reasonEdit = QLabel(LoanRescheduleForm)
        self.label_reasonEdit.setObjectName(u"label_reasonEdit")

        self.rescheduleLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_reasonEdit)

        self.reasonEdit = QLineEdit(LoanRescheduleForm)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.rescheduleLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.leftLayout.addLayout(self.rescheduleLayout)

        self.generalError = QLabel(LoanRescheduleForm)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.leftLayout.addWidget(self.generalError)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftLayout.addItem(self.leftSpacer)


        self.bodyLayout.addLayout(self.leftLayout)

        self.previewLayout = QVBoxLayout()
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewTitle = QLabel(LoanRescheduleForm)
        self.previewTitle.setObjectName(u"previewTitle")

        self.previewLayout.addWidget(self.previewTitle)

        self.previewTable = QTableView(LoanRescheduleForm)
        self.previewTable.setObjectName(u"previewTable")

        self.previewLayout.addWidget(self.previewTable)

        self.totalsLabel = QLabel(LoanRescheduleForm)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.totalsLabel)


        self.bodyLayout.addLayout(self.previewLayout)


        self.mainLayout.addLayout(self.bodyLayout)

        self.buttonBox = QDialogButtonBox(LoanRescheduleForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.label_dateEdit.setBuddy(self.dateEdit)
        self.label_termSpin.setBuddy(self.termSpin)
        self.label_rateEdit.setBuddy(self.rateEdit)
        self.label_methodCombo.setBuddy(self.methodCombo)
        self.label_firstDueEdit.setBuddy(self.firstDueEdit)
        self.label_reasonEdit.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LoanRescheduleForm)

        QMetaObject.connectSlotsByName(LoanRescheduleForm)
    # setupUi

    def retranslateUi(self, LoanRescheduleForm):
        LoanRescheduleForm.setWindowTitle(QCoreApplication.translate("LoanRescheduleForm", u"Restrukturisasi pinjaman", None))
        self.label_dateEdit.setText(QCoreApplication.translate("LoanRescheduleForm", u"&Tanggal restrukturisasi", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("LoanRescheduleForm", u"dd/MM/yyyy", None))
        self.label_termSpin.setText(QCoreApplication.translate("LoanRescheduleForm", u"Jangka waktu &baru (kali angsuran)", None))
        self.label_rateEdit.setText(QCoreApplication.translate("LoanRescheduleForm", u"Suku &bunga (%)", None))
        self.rateEdit.setPlaceholderText(QCoreApplication.translate("LoanRescheduleForm", u"mis. 1,5", None))
        self.label_methodCombo.setText(QCoreApplication.translate("LoanRescheduleForm", u"&Metode bunga", None))
        self.firstDueCheck.setText(QCoreApplication.translate("LoanRescheduleForm", u"Tentukan tanggal angsuran &pertama", None))
        self.label_firstDueEdit.setText(QCoreApplication.translate("LoanRescheduleForm", u"Angsuran pertama", None))
        self.firstDueEdit.setDisplayFormat(QCoreApplication.translate("LoanRescheduleForm", u"dd/MM/yyyy", None))
        self.label_reasonEdit.setText(QCoreApplication.translate("LoanRescheduleForm", u"&Alasan restrukturisasi", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("LoanRescheduleForm", u"mis. usaha anggota terdampak banjir; keputusan rapat pengurus", None))
        self.previewTitle.setText(QCoreApplication.translate("LoanRescheduleForm", u"<b>Jadwal angsuran baru (pratinjau)</b>", None))
    # retranslateUi

