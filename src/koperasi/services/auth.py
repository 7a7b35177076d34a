"""Who is acting, and what each role may do (enforced here, in the service layer)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..errors import KoperasiError, PermissionDenied


class LoginFailed(KoperasiError):
    """A login was refused: ``login_failed``, ``account_locked``, ``user_disabled``,
    ``login_required`` (accounts exist but no user was named), ``password_needed``."""

    code = "login_failed"


class Role(StrEnum):
    ADMIN = "admin"
    BENDAHARA = "bendahara"  # treasurer: all money operations
    KETUA = "ketua"  # group leader: read and print for own groups
    PENGAWAS = "pengawas"  # supervisor / auditor: read-only, all reports and exports


ALL_ROLES = frozenset(Role)
MONEY = frozenset({Role.ADMIN, Role.BENDAHARA})

# action -> roles allowed
PERMISSIONS: dict[str, frozenset[Role]] = {
    "member.write": MONEY,
    "group.write": MONEY,
    "savings.write": MONEY,
    "savings.product.write": frozenset({Role.ADMIN}),
    "ledger.write": MONEY,
    "account.write": MONEY,  # DESIGN §4: the treasurer may add accounts
    "loan.write": MONEY,
    "loan.approve": MONEY,
    "loan.product.write": frozenset({Role.ADMIN}),
    "period.close": MONEY,
    "period.reopen": frozenset({Role.ADMIN}),
    "settings.write": frozenset({Role.ADMIN}),
    "plausibility.write": MONEY,  # the treasurer sets the plausibility ceilings too
    "user.manage": frozenset({Role.ADMIN}),
    "import.write": MONEY,
    # a backup holds every member's NIK and balance and every password hash
    "backup.create": MONEY,
    "backup.restore": frozenset({Role.ADMIN}),
    "read.all": frozenset({Role.ADMIN, Role.BENDAHARA, Role.PENGAWAS}),
    "read.group": ALL_ROLES,
    "report.read": ALL_ROLES,
    "export.auditor": frozenset({Role.ADMIN, Role.BENDAHARA, Role.PENGAWAS}),
    "rat.write": MONEY,  # RAT module: budget, reports, officers, meeting, governance answers
    "asset.write": MONEY,  # fixed assets: register, depreciation, disposal
    # issue 17: each board approves a loan that needs both (related party, limit breach):
    # the board through an administrator or treasurer, the supervisors through a pengawas
    "loan.board_approve": frozenset({Role.ADMIN, Role.BENDAHARA, Role.PENGAWAS}),
    "bank.write": MONEY,  # bank accounts: statements, matching, reconciliation
    # messages to members: templates and consent by the treasurer; a ketua kelompok may
    # message (and mark sent) the members of their own groups; pengawas reads only
    "message.template.write": MONEY,
    "message.consent.write": MONEY,
    "message.send": frozenset({Role.ADMIN, Role.BENDAHARA, Role.KETUA}),
    # the offline meeting sheet: a ketua may export their own group's; posting it back is
    # the treasurer's
    "meeting_sheet.export": frozenset({Role.ADMIN, Role.BENDAHARA, Role.KETUA}),
    "standing.write": MONEY,  # standing instructions: register and run
    "payroll.write": MONEY,  # payroll deduction: employers, links, payment files
}


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf a service runs. ``group_ids`` limits a ketua's view."""

    username: str
    role: Role
    group_ids: frozenset[int] = frozenset()

    def can(self, action: str) -> bool:
        return self.role in PERMISSIONS.get(action, frozenset())


SYSTEM = Actor("sistem", Role.ADMIN)


def require(actor: Actor, action: str) -> None:
    if not actor.can(action):
        raise PermissionDenied(user=actor.username, role=str(actor.role), action=action)


def visible_groups(actor: Actor | None) -> frozenset[int] | None:
    """The group ids ``actor`` may read, or None for everything.

    ``None`` as actor means a trusted internal caller (demo, imports, the services themselves).
    A ketua kelompok sees only the groups in ``actor.group_ids``."""
    if actor is None or actor.can("read.all"):
        return None
    require(actor, "read.group")
    return actor.group_ids


def require_read_all(actor: Actor | None, what: str = "") -> None:
    """Cooperative-wide data (the ledger, all members' totals): not for a ketua kelompok.

    ``what`` names the data in the refusal ("Buku kas", a report's title)."""
    if actor is not None and not actor.can("read.all"):
        if actor.role == Role.KETUA:
            raise PermissionDenied(
                "cooperative_wide", user=actor.username, what=what or "data seluruh koperasi"
            )
        require(actor, "read.all")


def require_group_visible(
    actor: Actor | None, group_id: int | None, what: str = "", key: str = ""
) -> None:
    """Refuse a ketua kelompok a record (member, group, loan) outside their own groups.

    ``what`` and ``key`` name the record in the message ("Anggota", "A-0007")."""
    groups = visible_groups(actor)
    if groups is not None and group_id not in groups:
        assert actor is not None
        if what:
            raise PermissionDenied("outside_group", user=actor.username, what=what, key=key or "-")
        raise PermissionDenied(user=actor.username, role=str(actor.role), action="read.group")
