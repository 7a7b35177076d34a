# Generated from ui/member_form.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: f4510357e8872a94372179b18e1fc98a478e7a49edf6382887ce8fee4f5dfb3e
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_form.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget)

class Ui_MemberForm(object):
    def setupUi(self, MemberForm):
        if not MemberForm.objectName():
            MemberForm.setObjectName(u"MemberForm")
        MemberForm.resize(820, 560)
        self.mainLayout = QVBoxLayout(MemberForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.numberLabel = QLabel(MemberForm)
        self.numberLabel.setObjectName(u"numberLabel")

        self.mainLayout.addWidget(self.numberLabel)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.identityGroup = QGroupBox(MemberForm)
        self.identityGroup.setObjectName(u"identityGroup")
        self.identityLayout = QFormLayout(self.identityGroup)
        self.identityLayout.setObjectName(u"identityLayout")
        self.identityLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_nameEdit = QLabel(self.identityGroup)
        self.label_nameEdit.setObjectName(u"label_nameEdit")

        self.identityLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_nameEdit)

        self.nameEdit = QLineEdit(self.identityGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.identityLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.label_nikEdit = QLabel(self.identityGroup)
        self.label_nikEdit.setObjectName(u"label_nikEdit")

        self.identityLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_nikEdit)

        self.nikEdit = QLineEdit(self.identityGroup)
        self.nikEdit.setObjectName(u"nikEdit")
        self.nikEdit.setMaxLength(16)

        self.identityLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nikEdit)

        self.label_genderCombo = QLabel(self.identityGroup)
        self.label_genderCombo.setObjectName(u"label_genderCombo")

        self.identityLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_genderCombo)

        self.genderCombo = QComboBox(self.identityGroup)
        self.genderCombo.setObjectName(u"genderCombo")

        self.identityLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.genderCombo)

        self.label_birthPlaceEdit = QLabel(self.identityGroup)
        self.label_birthPlaceEdit.setObjectName(u"label_birthPlaceEdit")

        self.identityLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_birthPlaceEdit)

        self.birthPlaceEdit = QLineEdit(self.identityGroup)
        self.birthPlaceEdit.setObjectName(u"birthPlaceEdit")

        self.identityLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.birthPlaceEdit)

        self.label_birthDateEdit = QLabel(self.identityGroup)
        self.label_birthDateEdit.setObjectName(u"label_birthDateEdit")

        self.identityLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_birthDateEdit)

        self.birthDateEdit = QLineEdit(self.identityGroup)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.identityLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.birthDateEdit)

        self.label_occupationEdit = QLabel(self.identityGroup)
        self.label_occupationEdit.setObjectName(u"label_occupationEdit")

        self.identityLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_occupationEdit)

        self.occupationEdit = QLineEdit(self.identityGroup)
        self.occupationEdit.setObjectName(u"occupationEdit")

        self.identityLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.occupationEdit)

        self.label_phoneEdit = QLabel(self.identityGroup)
        self.label_phoneEdit.setObjectName(u"label_phoneEdit")

        self.identityLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_phoneEdit)

        self.phoneEdit = QLineEdit(self.identityGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.identityLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.columnsLayout.addWidget(self.identityGroup)

        self.membershipGroup = QGroupBox(MemberForm)
        self.membershipGroup.setObjectName(u"membershipGroup")
        self.membershipLayout = QFormLayout(self.membershipGroup)
        self.membershipLayout.setObjectName(u"membershipLayout")
        self.membershipLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_addressEdit = QLabel(self.membershipGroup)
        self.label_addressEdit.setObjectName(u"label_addressEdit")

        self.membershipLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_addressEdit)

        self.addressEdit = QLineEdit(self.membershipGroup)
        self.addressEdit.setObjectName(u"addressEdit")

        self.membershipLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.label_kelurahanEdit = QLabel(self.membershipGroup)
        self.label_kelurahanEdit.setObjectName(u"label_kelurahanEdit")

        self.membershipLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_kelurahanEdit)

        self.kelurahanEdit = QLineEdit(self.membershipGroup)
        self.kelurahanEdit.setObjectName(u"kelurahanEdit")

        self.membershipLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kelurahanEdit)

        self.label_kecamatanEdit = QLabel(self.membershipGroup)
        self.label_kecamatanEdit.setObjectName(u"label_kecamatanEdit")

        self.membershipLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_kecamatanEdit)

        self.kecamatanEdit = QLineEdit(self.membershipGroup)
        self.kecamatanEdit.setObjectName(u"kecamatanEdit")

        self.membershipLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kecamatanEdit)

        self.label_joinDateEdit = QLabel(self.membershipGroup)
        self.label_joinDateEdit.setObjectName(u"label_joinDateEdit")

        self.membershipLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_joinDateEdit)

        self.joinDateEdit = QDateEdit(self.membershipGroup)
        self.joinDateEdit.setObjectName(u"joinDateEdit")
        self.joinDateEdit.setCalendarPopup(True)
        self.joinDateEdit.setDisplayFormat(u"dd/MM/yyyy")

        self.membershipLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.joinDateEdit)

        self.label_groupCombo = QLabel(self.membershipGroup)
        self.label_groupCombo.setObjectName(u"label_groupCombo")

        self.membershipLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_groupCombo)

        self.groupCombo = QComboBox(self.membershipGroup)
        self.groupCombo.setObjectName(u"groupCombo")

        self.membershipLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.groupCombo)

        self.label_heirNameEdit = QLabel(self.membershipGroup)
        self.label_heirNameEdit.setObjectName(u"label_heirNameEdit")

        self.membershipLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_heirNameEdit)

        self.heirNameEdit = QLineEdit(self.membershipGroup)
        self.heirNameEdit.setObjectName(u"heirNameEdit")

        self.membershipLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.heirNameEdit)

        self.label_heirRelationEdit = QLabel(self.membershipGroup)
        self.label_heirRelationEdit.setObjectName(u"label_heirRelationEdit")

        self.membershipLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_heirRelationEdit)

        self.heirRelationEdit = QLineEdit(self.membershipGroup)
        self.heirRelationEdit.setObjectName(u"heirRelationEdit")

        self.membershipLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.heirRelationEdit)


        self.columnsLayout.addWidget(self.membershipGroup)


        self.mainLayout.addLayout(self.columnsLayout)

        self.categoriesGroup = QGroupBox(MemberForm)
        self.categoriesGroup.setObjectName(u"categoriesGroup")
        self.categoriesLayout = QVBoxLayout(self.categoriesGroup)
        self.categoriesLayout.setObjectName(u"categoriesLayout")
        self.categoriesList = QListWidget(self.categoriesGroup)
        self.categoriesList.setObjectName(u"categoriesList")

        self.categoriesLayout.addWidget(self.categoriesList)


        self.mainLayout.addWidget(self.categoriesGroup)

        self.generalError = QLabel(MemberForm)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.mainLayout.addWidget(self.generalError)

        self.buttonBox = QDialogButtonBox(MemberForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.label_nameEdit.setBuddy(self.nameEdit)
        self.label_nikEdit.setBuddy(self.nikEdit)
        self.label_genderCombo.setBuddy(self.genderCombo)
        self.label_birthPlaceEdit.setBuddy(self.birthPlaceEdit)
        self.label_birthDateEdit.setBuddy(self.birthDateEdit)
        self.label_occupationEdit.setBuddy(self.occupationEdit)
        self.label_phoneEdit.setBuddy(self.phoneEdit)
        self.label_addressEdit.setBuddy(self.addressEdit)
        self.label_kelurahanEdit.setBuddy(self.kelurahanEdit)
        self.label_kecamatanEdit.setBuddy(self.kecamatanEdit)
        self.label_joinDateEdit.setBuddy(self.joinDateEdit)
        self.label_groupCombo.setBuddy(self.groupCombo)
        self.label_heirNameEdit.setBuddy(self.heirNameEdit)
        self.label_heirRelationEdit.setBuddy(self.heirRelationEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemberForm)

        QMetaObject.connectSlotsByName(MemberForm)
    # setupUi

    def retranslateUi(self, MemberForm):
        MemberForm.setWindowTitle(QCoreApplication.translate("MemberForm", u"Data anggota", None))
        self.identityGroup.setTitle(QCoreApplication.translate("MemberForm", u"Identitas", None))
        self.label_nameEdit.setText(QCoreApplication.translate("MemberForm", u"&Nama lengkap", None))
        self.label_nikEdit.setText(QCoreApplication.translate("MemberForm", u"NI&K", None))
        self.nikEdit.setPlaceholderText(QCoreApplication.translate("MemberForm", u"16 digit sesuai KTP", None))
        self.label_genderCombo.setText(QCoreApplication.translate("MemberForm", u"&Jenis kelamin", None))
        self.label_birthPlaceEdit.setText(QCoreApplication.translate("MemberForm", u"&Tempat lahir", None))
        self.label_birthDateEdit.setText(QCoreApplication.translate("MemberForm", u"Tanggal la&hir", None))
        self.birthDateEdit.setPlaceholderText(QCoreApplication.translate("MemberForm", u"hh/bb/tttt", None))
        self.label_occupationEdit.setText(QCoreApplication.translate("MemberForm", u"&Pekerjaan", None))
        self.label_phoneEdit.setText(QCoreApplication.translate("MemberForm", u"Nomor tele&pon", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("MemberForm", u"08xxxxxxxxxx", None))
        self.membershipGroup.setTitle(QCoreApplication.translate("MemberForm", u"Alamat dan keanggotaan", None))
        self.label_addressEdit.setText(QCoreApplication.translate("MemberForm", u"&Alamat", None))
        self.label_kelurahanEdit.setText(QCoreApplication.translate("MemberForm", u"Kel&urahan", None))
        self.label_kecamatanEdit.setText(QCoreApplication.translate("MemberForm", u"Kecamata&n", None))
        self.label_joinDateEdit.setText(QCoreApplication.translate("MemberForm", u"Tanggal &masuk", None))
        self.label_groupCombo.setText(QCoreApplication.translate("MemberForm", u"Ke&lompok", None))
        self.label_heirNameEdit.setText(QCoreApplication.translate("MemberForm", u"Ahli &waris", None))
        self.label_heirRelationEdit.setText(QCoreApplication.translate("MemberForm", u"Hubungan ahli waris", None))
        self.categoriesGroup.setTitle(QCoreApplication.translate("MemberForm", u"Kategori kerentanan (untuk laporan pemberdayaan)", None))
    # retranslateUi

