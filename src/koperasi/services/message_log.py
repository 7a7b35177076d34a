"""Member messages: marking messages sent, the sent log and the export for SMS gateways."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..db.database import Database
from ..db.models import (
    Member,
    MessageLog,
)
from ..errors import ValidationError
from . import audit
from .auth import Actor, require, require_group_visible, visible_groups
from .member_messages import CHANNELS, member_by_number
from .message_list import MessageItem, daily_list
from .uow import read_only, unit_of_work


def mark_sent(
    db: Database,
    actor: Actor,
    date: dt.date,
    keys: Iterable[tuple[str, str, str]],
    channel: str = "whatsapp",
    rat_year: int | None = None,
    sent_at: dt.datetime | None = None,
) -> list[MessageItem]:
    """Log the items (``(member_no, kind, ref)`` of the day's list) as sent by ``actor``:
    the text logged is the one the list made. An item not on the list, already sent, or
    without a valid number is refused (nothing logged)."""
    require(actor, "message.send")
    if channel not in CHANNELS:
        raise ValidationError("channel", "choice", choices=", ".join(CHANNELS), value=channel)
    keys = list(dict.fromkeys(keys))
    if not keys:
        raise ValidationError("messages", "msg_nothing_selected")
    kinds = sorted({k[1] for k in keys})
    current = {i.key: i for i in daily_list(db, date, actor, kinds, rat_year).items}
    for key in keys:
        item = current.get(key)
        if item is None:
            raise ValidationError("messages", "msg_not_on_list", member=key[0], ref=key[2])
        if item.sent_at is not None:
            raise ValidationError("messages", "msg_already_sent", member=key[0], ref=key[2])
        if item.phone_problem:
            raise ValidationError("phone", "msg_phone_invalid", member=key[0], value=item.phone_raw)
    now = sent_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    out = []
    with unit_of_work(db) as s:
        for key in keys:
            item = current[key]
            m = member_by_number(s, item.member_number, lock=True)
            require_group_visible(actor, m.group_id, "Anggota", m.number)
            dup = s.scalars(
                select(MessageLog.id).where(
                    MessageLog.member_id == m.id,
                    MessageLog.kind == item.kind,
                    MessageLog.ref == item.ref,
                )
            ).first()
            if dup is not None:  # a colleague marked it in the meantime
                raise ValidationError("messages", "msg_already_sent", member=m.number, ref=item.ref)
            s.add(
                MessageLog(
                    member_id=m.id,
                    kind=item.kind,
                    ref=item.ref,
                    for_date=date,
                    phone=item.phone,
                    channel=channel,
                    text=item.text,
                    amount=item.amount,
                    sent_at=now,
                    sent_by=actor.username,
                )
            )
            out.append(MessageItem(**{**item.__dict__, "sent_at": now, "sent_by": actor.username}))
        s.flush()
        audit.record(
            s,
            actor,
            "message.sent",
            "message_log",
            date.isoformat(),
            None,
            {"channel": channel, "count": len(out), "items": [list(i.key) for i in out]},
        )
    return out


@dataclass(frozen=True)
class LogRow:
    id: int
    sent_at: dt.datetime
    sent_by: str
    for_date: dt.date
    member_number: str
    member_name: str
    kind: str
    ref: str
    channel: str
    phone: str
    amount: int
    text: str


def sent_log(
    db: Database,
    actor: Actor | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    member_number: str | None = None,
    limit: int = 500,
) -> list[LogRow]:
    """What was marked sent, newest first."""
    with read_only(db) as s:
        q = select(MessageLog, Member.number, Member.name).join(
            Member, Member.id == MessageLog.member_id
        )
        scope = visible_groups(actor)
        if scope is not None:
            q = q.where(Member.group_id.in_(scope))
        if start:
            q = q.where(MessageLog.for_date >= start)
        if end:
            q = q.where(MessageLog.for_date <= end)
        if member_number:
            q = q.where(Member.number == member_number.strip().upper())
        q = q.order_by(MessageLog.sent_at.desc(), MessageLog.id.desc()).limit(limit)
        return [
            LogRow(
                r.id,
                r.sent_at,
                r.sent_by,
                r.for_date,
                number,
                name,
                r.kind,
                r.ref,
                r.channel,
                r.phone,
                r.amount,
                r.text,
            )
            for r, number, name in s.execute(q)
        ]


EXPORT_HEADERS = (
    "phone",
    "message",
    "member_number",
    "name",
    "group",
    "kind",
    "ref",
    "amount",
)


def _export_rows(items: Sequence[MessageItem]) -> list[list[object]]:
    return [
        [i.phone, i.text, i.member_number, i.member_name, i.group_code, i.kind, i.ref, i.amount]
        for i in items
        if i.phone and i.sent_at is None
    ]


def export_list(items: Sequence[MessageItem], path: str | Path) -> int:
    """The pending items with a valid number as CSV (UTF-8, comma) or XLSX (by the file's
    suffix), one message a row: ``phone`` (62...), ``message``, then the member and the
    reference, the column names gateways (Wablas, Zenziva, Fonnte...) map. Returns the rows."""
    path = Path(path)
    rows = _export_rows(items)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "Pesan"
        ws.append(list(EXPORT_HEADERS))
        for r in rows:
            ws.append(r)
            ws.cell(ws.max_row, 1).number_format = "@"  # the number stays text (no 6.28E+12)
        for col, width in zip("ABCDEFGH", (16, 80, 14, 28, 10, 12, 14, 12), strict=True):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = "A2"
        wb.save(path)
    elif path.suffix.lower() == ".csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(EXPORT_HEADERS)
            w.writerows(rows)
    else:
        raise ValidationError("path", "msg_export_suffix", value=path.name)
    return len(rows)
