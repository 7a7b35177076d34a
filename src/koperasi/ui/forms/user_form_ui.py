# Generated from ui/user_form.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: 518c7cbd60f2cd8955875377d19e28ec0c81f76206e885e4494eea6ce4eaa965
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_form.ui'
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
    QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_UserForm(object):
    def setupUi(self, UserForm):
        if not UserForm.objectName():
            UserForm.setObjectName(u"UserForm")
        UserForm.resize(460, 440)
        self.mainLayout = QVBoxLayout(UserForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(UserForm)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.userLayout = QFormLayout()
        self.userLayout.setObjectName(u"userLayout")
        self.userLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_usernameEdit = QLabel(UserForm)
        self.label_usernameEdit.setObjectName(u"label_usernameEdit")

        self.userLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_usernameEdit)

        self.usernameEdit = QLineEdit(UserForm)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(64)

        self.userLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.label_fullNameEdit = QLabel(UserForm)
        self.label_fullNameEdit.setObjectName(u"label_fullNameEdit")

        self.userLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_fullNameEdit)

        self.fullNameEdit = QLineEdit(UserForm)
        self.fullNameEdit.setObjectName(u"fullNameEdit")
        self.fullNameEdit.setMaxLength(120)

        self.userLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fullNameEdit)

        self.label_roleCombo = QLabel(UserForm)
        self.label_roleCombo.setObjectName(u"label_roleCombo")

        self.userLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_roleCombo)

        self.roleCombo = QComboBox(UserForm)
        self.roleCombo.setObjectName(u"roleCombo")

        self.userLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.label_groupsList = QLabel(UserForm)
        self.label_groupsList.setObjectName(u"label_groupsList")

        self.userLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_groupsList)

        self.groupsList = QListWidget(UserForm)
        self.groupsList.setObjectName(u"groupsList")

        self.userLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.groupsList)

        self.label_passwordEdit = QLabel(UserForm)
        self.label_passwordEdit.setObjectName(u"label_passwordEdit")

        self.userLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_passwordEdit)

        self.passwordEdit = QLineEdit(UserForm)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.userLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.label_confirmEdit = QLabel(UserForm)
        self.label_confirmEdit.setObjectName(u"label_confirmEdit")

        self.userLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_confirmEdit)

        self.confirmEdit = QLineEdit(UserForm)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.userLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.confirmEdit)


        self.mainLayout.addLayout(self.userLayout)

        self.generalError = QLabel(UserForm)
        self.generalError.setObjectName(u"generalError")

        self.mainLayout.addWidget(self.generalError)

        self.buttonBox = QDialogButtonBox(UserForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.label_usernameEdit.setBuddy(self.usernameEdit)
        self.label_fullNameEdit.setBuddy(self.fullNameEdit)
        self.label_roleCombo.setBuddy(self.roleCombo)
        self.label_groupsList.setBuddy(self.groupsList)
        self.label_passwordEdit.setBuddy(self.passwordEdit)
        self.label_confirmEdit.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.fullNameEdit)
        QWidget.setTabOrder(self.fullNameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.groupsList)
        QWidget.setTabOrder(self.groupsList, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.confirmEdit)

        self.retranslateUi(UserForm)

        QMetaObject.connectSlotsByName(UserForm)
    # setupUi

    def retranslateUi(self, UserForm):
        UserForm.setWindowTitle(QCoreApplication.translate("UserForm", u"Pengguna", None))
        self.introLabel.setText("")
        self.label_usernameEdit.setText(QCoreApplication.translate("UserForm", u"&Nama pengguna", None))
#if QT_CONFIG(tooltip)
        self.usernameEdit.setToolTip(QCoreApplication.translate("UserForm", u"Huruf, angka, titik, garis bawah atau tanda hubung; tanpa spasi", None))
#endif // QT_CONFIG(tooltip)
        self.label_fullNameEdit.setText(QCoreApplication.translate("UserForm", u"Nama &lengkap", None))
        self.label_roleCombo.setText(QCoreApplication.translate("UserForm", u"&Peran", None))
        self.label_groupsList.setText(QCoreApplication.translate("UserForm", u"&Kelompok", None))
#if QT_CONFIG(tooltip)
        self.groupsList.setToolTip(QCoreApplication.translate("UserForm", u"Kelompok yang boleh dilihat ketua kelompok", None))
#endif // QT_CONFIG(tooltip)
        self.label_passwordEdit.setText(QCoreApplication.translate("UserForm", u"&Kata sandi", None))
#if QT_CONFIG(tooltip)
        self.passwordEdit.setToolTip(QCoreApplication.translate("UserForm", u"Paling sedikit 8 karakter", None))
#endif // QT_CONFIG(tooltip)
        self.label_confirmEdit.setText(QCoreApplication.translate("UserForm", u"&Ulangi kata sandi", None))
        self.generalError.setText("")
    # retranslateUi

