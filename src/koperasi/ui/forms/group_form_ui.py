# Generated from ui/group_form.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: dae41c7801c9a4e2a9fd364ff067abd965f61c45f84e97f3c501f9c0cc33c94c
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'group_form.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_GroupForm(object):
    def setupUi(self, GroupForm):
        if not GroupForm.objectName():
            GroupForm.setObjectName(u"GroupForm")
        GroupForm.resize(420, 260)
        self.mainLayout = QVBoxLayout(GroupForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.groupLayout = QFormLayout()
        self.groupLayout.setObjectName(u"groupLayout")
        self.groupLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_codeEdit = QLabel(GroupForm)
        self.label_codeEdit.setObjectName(u"label_codeEdit")

        self.groupLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_codeEdit)

        self.codeEdit = QLineEdit(GroupForm)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(20)

        self.groupLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.label_nameEdit = QLabel(GroupForm)
        self.label_nameEdit.setObjectName(u"label_nameEdit")

        self.groupLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_nameEdit)

        self.nameEdit = QLineEdit(GroupForm)
        self.nameEdit.setObjectName(u"nameEdit")

        self.groupLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.label_meetingDayCombo = QLabel(GroupForm)
        self.label_meetingDayCombo.setObjectName(u"label_meetingDayCombo")

        self.groupLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_meetingDayCombo)

        self.meetingDayCombo = QComboBox(GroupForm)
        self.meetingDayCombo.addItem("")
        self.meetingDayCombo.addItem("")
        self.meetingDayCombo.addItem("")
        self.meetingDayCombo.addItem("")
        self.meetingDayCombo.addItem("")
        self.meetingDayCombo.addItem("")
        self.meetingDayCombo.addItem("")
        self.meetingDayCombo.addItem("")
        self.meetingDayCombo.setObjectName(u"meetingDayCombo")

        self.groupLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.meetingDayCombo)

        self.label_meetingPlaceEdit = QLabel(GroupForm)
        self.label_meetingPlaceEdit.setObjectName(u"label_meetingPlaceEdit")

        self.groupLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_meetingPlaceEdit)

        self.meetingPlaceEdit = QLineEdit(GroupForm)
        self.meetingPlaceEdit.setObjectName(u"meetingPlaceEdit")

        self.groupLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.meetingPlaceEdit)

        self.label_kelurahanEdit = QLabel(GroupForm)
        self.label_kelurahanEdit.setObjectName(u"label_kelurahanEdit")

        self.groupLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_kelurahanEdit)

        self.kelurahanEdit = QLineEdit(GroupForm)
        self.kelurahanEdit.setObjectName(u"kelurahanEdit")

        self.groupLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.kelurahanEdit)


        self.mainLayout.addLayout(self.groupLayout)

        self.generalError = QLabel(GroupForm)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.mainLayout.addWidget(self.generalError)

        self.buttonBox = QDialogButtonBox(GroupForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.label_codeEdit.setBuddy(self.codeEdit)
        self.label_nameEdit.setBuddy(self.nameEdit)
        self.label_meetingDayCombo.setBuddy(self.meetingDayCombo)
        self.label_meetingPlaceEdit.setBuddy(self.meetingPlaceEdit)
        self.label_kelurahanEdit.setBuddy(self.kelurahanEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(GroupForm)

        QMetaObject.connectSlotsByName(GroupForm)
    # setupUi

    def retranslateUi(self, GroupForm):
        GroupForm.setWindowTitle(QCoreApplication.translate("GroupForm", u"Kelompok", None))
        self.label_codeEdit.setText(QCoreApplication.translate("GroupForm", u"&Kode", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("GroupForm", u"mis. K011", None))
        self.label_nameEdit.setText(QCoreApplication.translate("GroupForm", u"&Nama kelompok", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("GroupForm", u"mis. Kelompok Melati", None))
        self.label_meetingDayCombo.setText(QCoreApplication.translate("GroupForm", u"&Hari pertemuan", None))
        self.meetingDayCombo.setItemText(0, QCoreApplication.translate("GroupForm", u"(tidak tetap)", None))
        self.meetingDayCombo.setItemText(1, QCoreApplication.translate("GroupForm", u"Senin", None))
        self.meetingDayCombo.setItemText(2, QCoreApplication.translate("GroupForm", u"Selasa", None))
        self.meetingDayCombo.setItemText(3, QCoreApplication.translate("GroupForm", u"Rabu", None))
        self.meetingDayCombo.setItemText(4, QCoreApplication.translate("GroupForm", u"Kamis", None))
        self.meetingDayCombo.setItemText(5, QCoreApplication.translate("GroupForm", u"Jumat", None))
        self.meetingDayCombo.setItemText(6, QCoreApplication.translate("GroupForm", u"Sabtu", None))
        self.meetingDayCombo.setItemText(7, QCoreApplication.translate("GroupForm", u"Minggu", None))

        self.label_meetingPlaceEdit.setText(QCoreApplication.translate("GroupForm", u"&Tempat pertemuan", None))
        self.label_kelurahanEdit.setText(QCoreApplication.translate("GroupForm", u"Kel&urahan", None))
    # retranslateUi

