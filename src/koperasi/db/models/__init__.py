"""All ORM models; import this module to register every table on ``Base.metadata``."""

from .base import Base
from .core import AuditEntry, ReceiptCounter, Setting, User, UserGroupScope
from .fixed_assets import FixedAsset, FixedAssetDepreciation
from .ledger import Account, FiscalPeriod, JournalEntry, JournalLine
from .loans import Loan, LoanAllocation, LoanInstallment, LoanProduct, LoanTransaction
from .members import Group, GroupMembership, Member, MemberVulnerability, VulnerabilityCategory
from .rat import RatBudget, RatGovernanceAnswer, RatMeeting, RatOfficer, RatText
from .savings import SavingsAccount, SavingsProduct, SavingsTransaction
from .trust import JournalSeal, SealBlock

__all__ = [
    "Base",
    "AuditEntry",
    "ReceiptCounter",
    "Setting",
    "User",
    "UserGroupScope",
    "Account",
    "FiscalPeriod",
    "JournalEntry",
    "JournalLine",
    "Group",
    "GroupMembership",
    "Member",
    "MemberVulnerability",
    "VulnerabilityCategory",
    "SavingsAccount",
    "SavingsProduct",
    "SavingsTransaction",
    "Loan",
    "LoanAllocation",
    "LoanInstallment",
    "LoanProduct",
    "LoanTransaction",
    "JournalSeal",
    "SealBlock",
    "FixedAsset",
    "FixedAssetDepreciation",
    "RatBudget",
    "RatGovernanceAnswer",
    "RatMeeting",
    "RatOfficer",
    "RatText",
]
