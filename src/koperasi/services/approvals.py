"""Four-eyes approval (issue 17 part 5): what one user asks for, a second user approves.

Three things may need a second person, each switched on in the lending rules
(:class:`koperasi.services.lending_rules.LendingRules`, off by default):

* **loans above a threshold** (``four_eyes_loan_above``): the user who recorded the
  application may not approve it (checked in ``loans.approve``); it waits in
  :func:`pending` for another user with the right to approve loans;
* **write-offs** (``four_eyes_write_off``) and **reversals** (``four_eyes_reversal``: of a
  loan repayment, a savings transaction or a journal entry): the direct service call is
  refused; the user files a request (:func:`request`), and a second user with the right
  for that action approves it (:func:`approve`), which carries the action out in the same
  transaction — or rejects it. The requester may cancel their own request.

The audit trail shows both users: ``approval.request`` by the requester, then the action
itself and ``approval.approve`` (naming the requester) by the approver. What waits for an
approval (requests, large applications, loans that need both boards) is listed by
:func:`koperasi.services.loans.lending_limits.pending`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import ApprovalRequest
from ..db.models.base import utcnow
from ..domain.vocabulary import (
    APPROVAL_KIND_LABELS,
    APPROVAL_STATUS_LABELS,
    ApprovalKind,
    ApprovalStatus,
)
from ..errors import NotFound, ValidationError
from . import audit
from .auth import Actor, require, require_read_all
from .lending_rules import rules_in
from .uow import read_only, unit_of_work

# the kinds a user asks for (loan_approval and board_approval are recorded by the loans)
KINDS = (
    ApprovalKind.WRITE_OFF,
    ApprovalKind.LOAN_REVERSAL,
    ApprovalKind.SAVINGS_REVERSAL,
    ApprovalKind.ENTRY_REVERSAL,
)
KIND_LABELS = APPROVAL_KIND_LABELS
# the right a user needs to ask for, and to approve, each kind
PERMISSION: dict[str, str] = {
    ApprovalKind.WRITE_OFF: "loan.approve",
    ApprovalKind.LOAN_REVERSAL: "loan.write",
    ApprovalKind.SAVINGS_REVERSAL: "savings.write",
    ApprovalKind.ENTRY_REVERSAL: "ledger.write",
}
WAITING, APPROVED = ApprovalStatus.WAITING, ApprovalStatus.APPROVED
REJECTED, CANCELLED = ApprovalStatus.REJECTED, ApprovalStatus.CANCELLED
STATUS_LABELS = APPROVAL_STATUS_LABELS


def gate_in(s: Session, kind: str) -> bool:
    """Whether ``kind`` needs a second user's approval under the cooperative's rules."""
    rules = rules_in(s)
    if kind == ApprovalKind.WRITE_OFF:
        return rules.four_eyes_write_off
    return rules.four_eyes_reversal


def require_no_gate(s: Session, kind: str) -> None:
    """Refuse a direct call of an action that needs a second user's approval."""
    if gate_in(s, kind):
        raise ValidationError("approval", "needs_second_user", what=KIND_LABELS[kind][0])


def approver_roles(kind: str) -> tuple[str, ...]:
    """The roles whose users may approve a request of ``kind`` (for the screens' message
    after a request is filed); the requester themself never may."""
    from .auth import PERMISSIONS, Role

    allowed = PERMISSIONS[PERMISSION[kind]]
    return tuple(r.value for r in Role if r in allowed)


def needs_approval(db: Database, kind: str) -> bool:
    """Whether the screens should file a request for ``kind`` instead of acting."""
    with read_only(db) as s:
        return gate_in(s, kind)


@dataclass(frozen=True)
class RequestView:
    id: int
    kind: str
    ref: str
    params: dict[str, Any]
    amount: int
    reason: str
    requested_by: str
    requested_at: dt.datetime
    status: str
    decided_by: str
    decided_at: dt.datetime | None
    decision_note: str
    result_ref: str

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.params["date"])


def _view(r: ApprovalRequest) -> RequestView:
    return RequestView(
        r.id,
        r.kind,
        r.ref,
        json.loads(r.params),
        r.amount,
        r.reason,
        r.requested_by,
        r.requested_at,
        r.status,
        r.decided_by,
        r.decided_at,
        r.decision_note,
        r.result_ref,
    )


Describe = Callable[[Session, str, dict[str, Any]], tuple[str, int]]
"""``(session, ref, params) -> (the record's reference as people read it, the amount)`` of a
requested action; checks that the record exists and the action is possible now."""
Execute = Callable[[Session, Actor, str, dict[str, Any], dt.date, str], str]
"""``(session, actor, ref, params, date, reason) -> result reference``: carries the approved
action out in the approver's unit of work."""


@dataclass(frozen=True)
class Action:
    describe: Describe
    execute: Execute


_ACTIONS: dict[str, Action] = {}


def register(kind: str, describe: Describe, execute: Execute) -> None:
    """The service that owns an action of ``kind`` (one of :data:`KINDS`) registers how to
    describe and carry it out when imported (:mod:`koperasi.services.wiring`)."""
    _ACTIONS[kind] = Action(describe, execute)


def _action(kind: str) -> Action:
    action = _ACTIONS.get(kind)
    if action is None:
        raise ValidationError("kind", "choice", choices=", ".join(sorted(_ACTIONS)), value=kind)
    return action


def _describe_in(s: Session, kind: str, ref: str, params: dict[str, Any]) -> tuple[str, int]:
    """(the record's reference as people read it, the amount) of a requested action; checks
    that the record exists and the action is possible now."""
    return _action(kind).describe(s, ref, params)


def request(
    db: Database,
    actor: Actor,
    kind: str,
    ref: str | int,
    date: dt.date,
    reason: str,
    tx: str | int | None = None,
) -> RequestView:
    """File a request for ``kind`` on record ``ref`` (loan number; savings transaction id;
    journal entry id) dated ``date``; ``tx``: the loan payment to reverse (id or receipt)."""
    if kind not in KINDS:
        raise ValidationError("kind", "choice", choices=", ".join(KINDS), value=kind)
    require(actor, PERMISSION[kind])
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", "required")
    if kind == ApprovalKind.LOAN_REVERSAL and (tx is None or str(tx).strip() == ""):
        raise ValidationError("transaction", "required")
    params = {"date": date.isoformat()}
    if tx is not None:
        params["tx"] = str(tx).strip()
    with unit_of_work(db) as s:
        key, amount = _describe_in(s, kind, str(ref).strip(), params)
        open_same = s.scalar(
            select(ApprovalRequest.id).where(
                ApprovalRequest.kind == kind,
                ApprovalRequest.ref == key,
                ApprovalRequest.status == WAITING,
                ApprovalRequest.params == json.dumps(params, sort_keys=True),
            )
        )
        if open_same is not None:
            raise ValidationError("approval", "request_waiting", id=open_same)
        r = ApprovalRequest(
            kind=kind,
            ref=key,
            params=json.dumps(params, sort_keys=True),
            amount=amount,
            reason=reason,
            requested_by=actor.username,
            status=WAITING,
            decided_by="",
            decision_note="",
            result_ref="",
        )
        s.add(r)
        s.flush()
        view = _view(r)
        audit.record(s, actor, "approval.request", "approval_request", r.id, after=view)
        return view


def _locked(s: Session, request_id: int) -> ApprovalRequest:
    r = s.scalars(
        select(ApprovalRequest).where(ApprovalRequest.id == request_id).with_for_update()
    ).first()
    if r is None:
        raise NotFound(what="Permintaan persetujuan", key=request_id)
    if r.status != WAITING:
        raise ValidationError(
            "approval", "request_decided", id=r.id, status=STATUS_LABELS[r.status][0]
        )
    return r


def _execute_in(s: Session, actor: Actor, r: ApprovalRequest) -> str:
    params = json.loads(r.params)
    date = dt.date.fromisoformat(params["date"])
    return _action(r.kind).execute(s, actor, r.ref, params, date, r.reason)


def approve(db: Database, actor: Actor, request_id: int, note: str = "") -> RequestView:
    """Approve a waiting request and carry out its action, as the second user."""
    with unit_of_work(db) as s:
        r = _locked(s, request_id)
        require(actor, PERMISSION[r.kind])
        if actor.username == r.requested_by:
            raise ValidationError("approver", "four_eyes_same_user", user=actor.username)
        result = _execute_in(s, actor, r)
        r.status, r.decided_by, r.decided_at = APPROVED, actor.username, utcnow()
        r.decision_note, r.result_ref = (note or "").strip(), result[:40]
        s.flush()
        view = _view(r)
        audit.record(
            s,
            actor,
            "approval.approve",
            "approval_request",
            r.id,
            after={
                "kind": r.kind,
                "ref": r.ref,
                "requested_by": r.requested_by,
                "approved_by": actor.username,
                "result": result,
            },
        )
        return view


def reject(db: Database, actor: Actor, request_id: int, note: str) -> RequestView:
    """Refuse a waiting request (a second user), or cancel one's own request."""
    note = (note or "").strip()
    with unit_of_work(db) as s:
        r = _locked(s, request_id)
        require(actor, PERMISSION[r.kind])
        own = actor.username == r.requested_by
        if not own and not note:
            raise ValidationError("reason", "required")
        r.status = CANCELLED if own else REJECTED
        r.decided_by, r.decided_at, r.decision_note = actor.username, utcnow(), note
        s.flush()
        view = _view(r)
        audit.record(
            s,
            actor,
            "approval.cancel" if own else "approval.reject",
            "approval_request",
            r.id,
            after={"kind": r.kind, "ref": r.ref, "requested_by": r.requested_by, "note": note},
        )
        return view


def get_request(db: Database, request_id: int) -> RequestView:
    with read_only(db) as s:
        r = s.get(ApprovalRequest, request_id)
        if r is None:
            raise NotFound(what="Permintaan persetujuan", key=request_id)
        return _view(r)


def list_requests(
    db: Database, status: str | None = WAITING, actor: Actor | None = None
) -> list[RequestView]:
    require_read_all(actor, "Permintaan persetujuan")
    with read_only(db) as s:
        q = select(ApprovalRequest).order_by(ApprovalRequest.id)
        if status:
            q = q.where(ApprovalRequest.status == status)
        return [_view(r) for r in s.scalars(q)]
