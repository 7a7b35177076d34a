"""The demo's messaging (moved out of services.member_messages): consent, opt-outs and a
few reminders marked sent."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ..db.database import Database
from ..db.models import Member, MemberMessagePref
from ..domain.vocabulary import MemberStatus
from ..services.auth import Actor
from ..services.message_list import daily_list
from ..services.message_log import mark_sent
from ..services.uow import unit_of_work


def add_demo_messages(
    db: Database, as_of: dt.date, seed: int = 1, actor: Actor | None = None
) -> int:
    """The demo's messaging: most active members gave consent when they joined, a few
    withdrew it or opted out later, and the treasurer sent some of the last days' reminders
    and deposit notes through WhatsApp. Its own random generator (the demo's sequence is
    untouched). Returns the messages logged."""
    import random

    from ..services.auth import SYSTEM, Role

    actor = actor or SYSTEM
    treasurer = Actor("bendahara", Role.BENDAHARA)  # who marks the demo's messages sent
    rng = random.Random(seed * 7919 + 21)
    with unit_of_work(db) as s:
        people = s.execute(
            select(Member.id, Member.join_date)
            .where(Member.status == MemberStatus.ACTIVE)
            .order_by(Member.number)
        ).all()
        now = dt.datetime.combine(as_of, dt.time(9, 0))
        for mid, joined in people:
            roll = rng.random()
            if roll < 0.12:
                continue  # consent not recorded yet
            consent = roll >= 0.15  # a few said no
            pref = MemberMessagePref(
                member_id=mid,
                consent=consent,
                consent_on=joined,
                opted_out=False,
                updated_at=now,
                updated_by="bendahara",
            )
            if consent and rng.random() < 0.05:
                pref.opted_out = True
                pref.opted_out_on = min(as_of, joined + dt.timedelta(days=rng.randint(60, 400)))
            s.add(pref)
            if consent and rng.random() < 0.02:  # a landline given as the phone: flagged
                member = s.get(Member, mid)
                assert member is not None
                member.phone = f"0542-{rng.randint(700000, 899999)}"
    logged = 0
    for back in (3, 2, 1):
        day = as_of - dt.timedelta(days=back)
        items = daily_list(db, day, treasurer, ["jatuh_tempo", "tunggakan", "setoran"]).pending
        picked = [i.key for i in items if rng.random() < 0.5][:8]
        if picked:
            at = dt.datetime.combine(day, dt.time(rng.randint(8, 16), rng.randint(0, 59)))
            channel = rng.choice(["whatsapp", "whatsapp", "sms"])
            logged += len(mark_sent(db, treasurer, day, picked, channel, sent_at=at))
    return logged
