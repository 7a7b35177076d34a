# Generated from ui/profile_form.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: cc0fe5a996527147138a883690d9b4583ae4491ef562ee9755b4e278e5819bbb
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'profile_form.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ProfileForm(object):
    def setupUi(self, ProfileForm):
        if not ProfileForm.objectName():
            ProfileForm.setObjectName(u"ProfileForm")
        ProfileForm.resize(520, 420)
        self.mainLayout = QVBoxLayout(ProfileForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.identityGroup = QGroupBox(ProfileForm)
        self.identityGroup.setObjectName(u"identityGroup")
        self.identityLayout = QFormLayout(self.identityGroup)
        self.identityLayout.setObjectName(u"identityLayout")
        self.identityLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_coopNameEdit = QLabel(self.identityGroup)
        self.label_coopNameEdit.setObjectName(u"label_coopNameEdit")

        self.identityLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_coopNameEdit)

        self.coopNameEdit = QLineEdit(self.identityGroup)
        self.coopNameEdit.setObjectName(u"coopNameEdit")
        self.coopNameEdit.setMaxLength(120)

        self.identityLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.coopNameEdit)

        self.label_legalNumberEdit = QLabel(self.identityGroup)
        self.label_legalNumberEdit.setObjectName(u"label_legalNumberEdit")

        self.identityLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_legalNumberEdit)

        self.legalNumberEdit = QLineEdit(self.identityGroup)
        self.legalNumberEdit.setObjectName(u"legalNumberEdit")

        self.identityLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.legalNumberEdit)

        self.label_coopAddressEdit = QLabel(self.identityGroup)
        self.label_coopAddressEdit.setObjectName(u"label_coopAddressEdit")

        self.identityLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_coopAddressEdit)

        self.coopAddressEdit = QLineEdit(self.identityGroup)
        self.coopAddressEdit.setObjectName(u"coopAddressEdit")

        self.identityLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.coopAddressEdit)

        self.label_cityEdit = QLabel(self.identityGroup)
        self.label_cityEdit.setObjectName(u"label_cityEdit")

        self.identityLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_cityEdit)

        self.cityEdit = QLineEdit(self.identityGroup)
        self.cityEdit.setObjectName(u"cityEdit")

        self.identityLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cityEdit)

        self.label_coopPhoneEdit = QLabel(self.identityGroup)
        self.label_coopPhoneEdit.setObjectName(u"label_coopPhoneEdit")

        self.identityLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_coopPhoneEdit)

        self.coopPhoneEdit = QLineEdit(self.identityGroup)
        self.coopPhoneEdit.setObjectName(u"coopPhoneEdit")

        self.identityLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.coopPhoneEdit)

        self.label_logoPathEdit = QLabel(self.identityGroup)
        self.label_logoPathEdit.setObjectName(u"label_logoPathEdit")

        self.identityLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_logoPathEdit)

        self.logoLayout = QHBoxLayout()
        self.logoLayout.setObjectName(u"logoLayout")
        self.logoPathEdit = QLineEdit(self.identityGroup)
        self.logoPathEdit.setObjectName(u"logoPathEdit")

        self.logoLayout.addWidget(self.logoPathEdit)

        self.logoBrowseButton = QPushButton(self.identityGroup)
        self.logoBrowseButton.setObjectName(u"logoBrowseButton")

        self.logoLayout.addWidget(self.logoBrowseButton)


        self.identityLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.logoLayout)


        self.mainLayout.addWidget(self.identityGroup)

        self.boardGroup = QGroupBox(ProfileForm)
        self.boardGroup.setObjectName(u"boardGroup")
        self.boardLayout = QFormLayout(self.boardGroup)
        self.boardLayout.setObjectName(u"boardLayout")
        self.boardLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_chairEdit = QLabel(self.boardGroup)
        self.label_chairEdit.setObjectName(u"label_chairEdit")

        self.boardLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_chairEdit)

        self.chairEdit = QLineEdit(self.boardGroup)
        self.chairEdit.setObjectName(u"chairEdit")

        self.boardLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.chairEdit)

        self.label_secretaryEdit = QLabel(self.boardGroup)
        self.label_secretaryEdit.setObjectName(u"label_secretaryEdit")

        self.boardLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_secretaryEdit)

        self.secretaryEdit = QLineEdit(self.boardGroup)
        self.secretaryEdit.setObjectName(u"secretaryEdit")

        self.boardLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.secretaryEdit)

        self.label_treasurerEdit = QLabel(self.boardGroup)
        self.label_treasurerEdit.setObjectName(u"label_treasurerEdit")

        self.boardLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_treasurerEdit)

        self.treasurerEdit = QLineEdit(self.boardGroup)
        self.treasurerEdit.setObjectName(u"treasurerEdit")

        self.boardLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.treasurerEdit)

        self.label_supervisorEdit = QLabel(self.boardGroup)
        self.label_supervisorEdit.setObjectName(u"label_supervisorEdit")

        self.boardLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_supervisorEdit)

        self.supervisorEdit = QLineEdit(self.boardGroup)
        self.supervisorEdit.setObjectName(u"supervisorEdit")

        self.boardLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.supervisorEdit)


        self.mainLayout.addWidget(self.boardGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.label_coopNameEdit.setBuddy(self.coopNameEdit)
        self.label_legalNumberEdit.setBuddy(self.legalNumberEdit)
        self.label_coopAddressEdit.setBuddy(self.coopAddressEdit)
        self.label_cityEdit.setBuddy(self.cityEdit)
        self.label_coopPhoneEdit.setBuddy(self.coopPhoneEdit)
        self.label_logoPathEdit.setBuddy(self.logoPathEdit)
        self.label_chairEdit.setBuddy(self.chairEdit)
        self.label_secretaryEdit.setBuddy(self.secretaryEdit)
        self.label_treasurerEdit.setBuddy(self.treasurerEdit)
        self.label_supervisorEdit.setBuddy(self.supervisorEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProfileForm)

        QMetaObject.connectSlotsByName(ProfileForm)
    # setupUi

    def retranslateUi(self, ProfileForm):
        self.identityGroup.setTitle(QCoreApplication.translate("ProfileForm", u"Identitas koperasi", None))
        self.label_coopNameEdit.setText(QCoreApplication.translate("ProfileForm", u"&Nama koperasi", None))
        self.coopNameEdit.setPlaceholderText(QCoreApplication.translate("ProfileForm", u"mis. KSP Sejahtera Bersama", None))
        self.label_legalNumberEdit.setText(QCoreApplication.translate("ProfileForm", u"Nomor badan &hukum", None))
        self.legalNumberEdit.setPlaceholderText(QCoreApplication.translate("ProfileForm", u"mis. AHU-0012345.AH.01.26.2021", None))
        self.label_coopAddressEdit.setText(QCoreApplication.translate("ProfileForm", u"&Alamat", None))
        self.label_cityEdit.setText(QCoreApplication.translate("ProfileForm", u"K&ota/Kabupaten", None))
        self.label_coopPhoneEdit.setText(QCoreApplication.translate("ProfileForm", u"&Telepon", None))
        self.label_logoPathEdit.setText(QCoreApplication.translate("ProfileForm", u"Lo&go", None))
        self.logoPathEdit.setPlaceholderText(QCoreApplication.translate("ProfileForm", u"berkas PNG atau JPG (boleh kosong)", None))
        self.logoBrowseButton.setText(QCoreApplication.translate("ProfileForm", u"Pilih...", None))
        self.boardGroup.setTitle(QCoreApplication.translate("ProfileForm", u"Pengurus (penanda tangan laporan)", None))
        self.label_chairEdit.setText(QCoreApplication.translate("ProfileForm", u"K&etua", None))
        self.label_secretaryEdit.setText(QCoreApplication.translate("ProfileForm", u"&Sekretaris", None))
        self.label_treasurerEdit.setText(QCoreApplication.translate("ProfileForm", u"&Bendahara", None))
        self.label_supervisorEdit.setText(QCoreApplication.translate("ProfileForm", u"&Pengawas", None))
        self.supervisorEdit.setPlaceholderText(QCoreApplication.translate("ProfileForm", u"ketua pengawas, menandatangani laporan RAT", None))
        pass
    # retranslateUi

