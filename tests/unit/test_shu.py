from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koperasi.domain.shu import DEFAULT_SPLIT, distribute, split_surplus, validate_split
from koperasi.errors import ValidationError


def test_default_split_is_100_and_pots_add_up():
    s = split_surplus(10_000_001)
    assert sum(s.pots.values()) == 10_000_001
    assert s.pots["jasa_anggota"] == 2_500_000 and s.pots["jasa_modal"] == 2_000_000
    assert s.pots["cadangan"] == 4_000_001  # rounding remainder stays in the reserve


def test_split_must_total_100():
    bad = dict(DEFAULT_SPLIT, cadangan=Decimal(41))
    with pytest.raises(ValidationError) as err:
        validate_split(bad)
    assert "101" in err.value.message("id")


def test_member_formula():
    d = distribute(1_000_000, 600_000, [(1, 300, 1_000), (2, 700, 2_000), (3, 0, 0)])
    assert [(s.jasa_anggota, s.jasa_modal) for s in d.shares] == [
        (300_000, 200_000),
        (700_000, 400_000),
        (0, 0),
    ]
    assert d.remainder == 0


@settings(max_examples=150, deadline=None)
@given(
    pots=st.tuples(st.integers(0, 10**10), st.integers(0, 10**10)),
    members=st.lists(
        st.tuples(st.integers(0, 10**8), st.integers(0, 10**9)), min_size=1, max_size=40
    ),
)
def test_distribution_never_exceeds_pots(pots, members):
    d = distribute(pots[0], pots[1], [(i, ta, sa) for i, (ta, sa) in enumerate(members)])
    assert d.remainder >= 0
    assert d.distributed + d.remainder == sum(pots)
    assert sum(s.jasa_anggota for s in d.shares) <= pots[0]
    assert d.remainder < 2 * len(members) + (pots[0] if not any(m[0] for m in members) else 0) + (
        pots[1] if not any(m[1] for m in members) else 0
    )


def test_nobody_paid_interest_or_holds_capital():
    d = distribute(1_000_000, 600_000, [(1, 0, 1_000), (2, 0, 3_000)])
    assert [(s.jasa_anggota, s.jasa_modal) for s in d.shares] == [(0, 150_000), (0, 450_000)]
    assert d.remainder == 1_000_000  # the patronage pot stays in the reserve
    d = distribute(1_000_000, 600_000, [(1, 100, 0), (2, 300, 0)])
    assert [s.total for s in d.shares] == [250_000, 750_000]
    assert d.remainder == 600_000
    assert distribute(5, 5, []).remainder == 10


def test_rounding_down_leaves_the_remainder_for_the_reserve():
    # 100 / 3 = 33,33 each -> 33; 1 rupiah remains
    d = distribute(100, 0, [(1, 1, 0), (2, 1, 0), (3, 1, 0)])
    assert [s.jasa_anggota for s in d.shares] == [33, 33, 33] and d.remainder == 1


def test_hand_checked_member_share():
    # Y = 2.500.000, X = 2.000.000; Ta/Tk = 120.000/1.000.000; Sa/Sk = 1.350.000/45.000.000
    d = distribute(2_500_000, 2_000_000, [(7, 120_000, 1_350_000), (8, 880_000, 43_650_000)])
    assert (d.shares[0].jasa_anggota, d.shares[0].jasa_modal) == (300_000, 60_000)
    assert d.shares[0].total == 360_000


def test_bad_inputs():
    with pytest.raises(ValidationError):
        distribute(-1, 0, [])
    with pytest.raises(ValueError):
        distribute(1, 1, [(1, -5, 0)])
    with pytest.raises(ValidationError):
        validate_split({**DEFAULT_SPLIT, "dana_sosial": Decimal("-2.5"), "cadangan": Decimal(45)})
    with pytest.raises(ValidationError) as err:
        validate_split({"cadangan": Decimal(100)})
    assert err.value.field == "shu_split"
    assert split_surplus(-5).pots["cadangan"] == 0


def test_shared_costs_follow_income():
    from koperasi.domain.shu import split_business

    s = split_business(4_500_000, 1_500_000, 300_000, 100_000, 1_600_000)
    assert (s.shared_to_members, s.member_expenses, s.non_member_expenses) == (
        1_200_000,
        1_500_000,
        500_000,
    )
    assert (s.member_surplus, s.non_member_surplus, s.surplus) == (3_000_000, 1_000_000, 4_000_000)
    assert (s.distributable, s.to_non_member_destination) == (3_000_000, 1_000_000)
    # no income at all: the shared costs stay with the members' business
    assert split_business(0, 0, 0, 0, 500).member_expenses == 500
    # a members' loss is covered by the non-members' surplus first; nothing is shared
    s = split_business(100, 1_000, 300, 0, 0)
    assert (s.member_surplus, s.distributable, s.to_non_member_destination) == (-200, 0, 800)
    # a non-members' loss is borne by the members' part
    s = split_business(1_000, 0, 0, 300, 0)
    assert (s.distributable, s.to_non_member_destination) == (700, 0)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(-(10**9), 10**10),
    st.integers(-(10**9), 10**10),
    st.integers(0, 10**10),
    st.integers(0, 10**10),
    st.integers(0, 10**10),
)
def test_business_split_adds_up(mi, ni, me, ne, se):
    from koperasi.domain.shu import split_business

    s = split_business(mi, ni, me, ne, se)
    assert s.member_expenses + s.non_member_expenses == me + ne + se
    assert 0 <= s.shared_to_members <= se
    assert s.surplus == mi + ni - me - ne - se
    assert 0 <= s.distributable <= max(s.surplus, 0)
    assert s.distributable <= max(s.member_surplus, 0)
    assert s.distributable + s.to_non_member_destination == max(s.surplus, 0)
