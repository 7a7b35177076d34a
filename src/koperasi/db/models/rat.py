"""The annual members' meeting (RAT): budgets, narrative reports, officers, the meeting
itself and the board's answers to the health-rating governance questions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..types import Money
from .base import Base, utcnow


class RatBudget(Base):
    """The budget (RAPB) of a financial year for one account or account group (by code)."""

    __tablename__ = "rat_budgets"
    __table_args__ = (UniqueConstraint("year", "account_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    account_code: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(Money)


class RatText(Base):
    """A narrative text of a year's RAT: ``board`` (laporan pertanggungjawaban pengurus),
    ``supervisors`` (laporan pengawas), ``plan`` (rencana kerja)."""

    __tablename__ = "rat_texts"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class RatOfficer(Base):
    """A member of the board (pengurus), the supervisors (pengawas) or the staff (karyawan)
    with their term."""

    __tablename__ = "rat_officers"
    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(String(12))  # pengurus | pengawas | karyawan
    position: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(120))
    term_start: Mapped[dt.date]
    term_end: Mapped[dt.date | None]


class RatMeeting(Base):
    """A year's RAT: when and where, who may attend and how many came, the agenda (one item
    a line) and the decisions (one a line)."""

    __tablename__ = "rat_meetings"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    held_on: Mapped[dt.date | None]
    place: Mapped[str] = mapped_column(String(200), default="")
    members_entitled: Mapped[int | None] = mapped_column(Integer)
    members_present: Mapped[int | None] = mapped_column(Integer)
    agenda: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")


class RatGovernanceAnswer(Base):
    """The board's answer to one governance question of the health rating (met or not)."""

    __tablename__ = "rat_governance_answers"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    question: Mapped[str] = mapped_column(String(40), primary_key=True)
    met: Mapped[bool]
