"""All ORM models; import this module to register every table on ``Base.metadata``."""

from .bank import BankAccount, BankMatch, BankStatementLine
from .base import Base
from .core import AuditEntry, ReceiptCounter, Setting, User, UserGroupScope
from .fixed_assets import FixedAsset, FixedAssetDepreciation
from .keys import KeyFingerprint
from .ledger import Account, FiscalPeriod, JournalEntry, JournalLine
from .loan_rules import (
    ApprovalRequest,
    CollateralEvent,
    LoanBoardApproval,
    LoanCollateral,
    LoanGuarantor,
    MemberRelation,
)
from .loans import Loan, LoanAllocation, LoanInstallment, LoanProduct, LoanTransaction
from .members import Group, GroupMembership, Member, MemberVulnerability, VulnerabilityCategory
from .messages import MeetingSheet, MemberMessagePref, MessageLog, MessageTemplate
from .rat import RatBudget, RatGovernanceAnswer, RatMeeting, RatOfficer, RatText
from .savings import SavingsAccount, SavingsProduct, SavingsTransaction
from .standing import (
    Employer,
    EmployerMember,
    PayrollBatch,
    PayrollLine,
    StandingInstruction,
    StandingInstructionRun,
)
from .time_deposits import TimeDeposit, TimeDepositEvent, TimeDepositProduct
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
    "ApprovalRequest",
    "CollateralEvent",
    "LoanBoardApproval",
    "LoanCollateral",
    "LoanGuarantor",
    "MemberRelation",
    "BankAccount",
    "BankMatch",
    "BankStatementLine",
    "LoanProduct",
    "LoanTransaction",
    "JournalSeal",
    "SealBlock",
    "FixedAsset",
    "FixedAssetDepreciation",
    "KeyFingerprint",
    "RatBudget",
    "RatGovernanceAnswer",
    "RatMeeting",
    "RatOfficer",
    "RatText",
    "MeetingSheet",
    "MemberMessagePref",
    "MessageLog",
    "MessageTemplate",
    "TimeDeposit",
    "TimeDepositEvent",
    "TimeDepositProduct",
    "StandingInstruction",
    "StandingInstructionRun",
    "Employer",
    "EmployerMember",
    "PayrollBatch",
    "PayrollLine",
]
