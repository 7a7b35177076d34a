# Generated from ui/savings_rules_form.ui by `python -m koperasi.ui.build_forms` (pyside6-uic).
# Do not edit: change the form in Qt Designer and regenerate (`make forms`).
# source-sha256: 3fc90cd0b3a4430d8e6fd06e6660efe9562696fa846b934c5b6c8edd07d7d943
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'savings_rules_form.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from koperasi.ui.widgets import MoneyEdit

class Ui_SavingsRulesForm(object):
    def setupUi(self, SavingsRulesForm):
        if not SavingsRulesForm.objectName():
            SavingsRulesForm.setObjectName(u"SavingsRulesForm")
        SavingsRulesForm.resize(460, 220)
        self.mainLayout = QVBoxLayout(SavingsRulesForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.rulesIntro = QLabel(SavingsRulesForm)
        self.rulesIntro.setObjectName(u"rulesIntro")
        self.rulesIntro.setWordWrap(True)

        self.mainLayout.addWidget(self.rulesIntro)

        self.rulesLayout = QFormLayout()
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rulesLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_pokokEdit = QLabel(SavingsRulesForm)
        self.label_pokokEdit.setObjectName(u"label_pokokEdit")

        self.rulesLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_pokokEdit)

        self.pokokEdit = MoneyEdit(SavingsRulesForm)
        self.pokokEdit.setObjectName(u"pokokEdit")
        self.pokokEdit.setPlaceholderText(u"0")

        self.rulesLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pokokEdit)

        self.label_wajibEdit = QLabel(SavingsRulesForm)
        self.label_wajibEdit.setObjectName(u"label_wajibEdit")

        self.rulesLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_wajibEdit)

        self.wajibEdit = MoneyEdit(SavingsRulesForm)
        self.wajibEdit.setObjectName(u"wajibEdit")
        self.wajibEdit.setPlaceholderText(u"0")

        self.rulesLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.wajibEdit)

        self.label_sukarelaMinEdit = QLabel(SavingsRulesForm)
        self.label_sukarelaMinEdit.setObjectName(u"label_sukarelaMinEdit")

        self.rulesLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_sukarelaMinEdit)

        self.sukarelaMinEdit = MoneyEdit(SavingsRulesForm)
        self.sukarelaMinEdit.setObjectName(u"sukarelaMinEdit")
        self.sukarelaMinEdit.setPlaceholderText(u"0")

        self.rulesLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sukarelaMinEdit)

        self.label_sukarelaRateEdit = QLabel(SavingsRulesForm)
        self.label_sukarelaRateEdit.setObjectName(u"label_sukarelaRateEdit")

        self.rulesLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_sukarelaRateEdit)

        self.sukarelaRateEdit = QLineEdit(SavingsRulesForm)
        self.sukarelaRateEdit.setObjectName(u"sukarelaRateEdit")

        self.rulesLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sukarelaRateEdit)


        self.mainLayout.addLayout(self.rulesLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.label_pokokEdit.setBuddy(self.pokokEdit)
        self.label_wajibEdit.setBuddy(self.wajibEdit)
        self.label_sukarelaMinEdit.setBuddy(self.sukarelaMinEdit)
        self.label_sukarelaRateEdit.setBuddy(self.sukarelaRateEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SavingsRulesForm)

        QMetaObject.connectSlotsByName(SavingsRulesForm)
    # setupUi

    def retranslateUi(self, SavingsRulesForm):
        self.rulesIntro.setText(QCoreApplication.translate("SavingsRulesForm", u"Jumlah ini berlaku untuk transaksi berikutnya; simpanan yang sudah dibayar tidak berubah.", None))
        self.label_pokokEdit.setText(QCoreApplication.translate("SavingsRulesForm", u"Simpanan &pokok (sekali, Rp)", None))
        self.label_wajibEdit.setText(QCoreApplication.translate("SavingsRulesForm", u"Simpanan &wajib per bulan (Rp)", None))
        self.label_sukarelaMinEdit.setText(QCoreApplication.translate("SavingsRulesForm", u"Saldo &minimum sukarela (Rp)", None))
        self.label_sukarelaRateEdit.setText(QCoreApplication.translate("SavingsRulesForm", u"&Jasa sukarela per tahun (%)", None))
        self.sukarelaRateEdit.setPlaceholderText(QCoreApplication.translate("SavingsRulesForm", u"mis. 3", None))
        pass
    # retranslateUi

