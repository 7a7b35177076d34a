from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.fmt import long_date, rupiah_with_words, short_date, terbilang
from koperasi.domain.money import (
    MoneyParseError,
    RoundingMode,
    format_rupiah,
    parse_rupiah,
    percent_of,
    round_down,
    round_money,
    round_to_multiple,
)


@pytest.mark.parametrize(
    "text,value",
    [
        ("1.250.000", 1_250_000),
        ("1250000", 1_250_000),
        ("Rp 1.250.000", 1_250_000),
        ("Rp1.250.000", 1_250_000),
        ("rp. 1.250.000,00", 1_250_000),
        (" 500 ", 500),
        ("-25.000", -25_000),
        ("1 250 000", 1_250_000),
        ("0", 0),
    ],
)
def test_parse_rupiah_accepts_what_treasurers_type(text, value):
    assert parse_rupiah(text) == value


@pytest.mark.parametrize(
    "text", ["", "abc", "1.25", "1,5", "12.34.567", "Rp", "1.250.000,50", "1e6"]
)
def test_parse_rupiah_refuses_other_text(text):
    with pytest.raises(MoneyParseError):
        parse_rupiah(text)


def test_format_rupiah_follows_puebi():
    assert format_rupiah(1_250_000) == "Rp1.250.000"
    assert format_rupiah(0) == "Rp0"
    assert format_rupiah(-2500) == "-Rp2.500"
    assert format_rupiah(999) == "Rp999"


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_then_parse_round_trips(n):
    assert parse_rupiah(format_rupiah(n)) == n


def test_rounding_modes_differ_only_on_ties():
    assert round_money(Decimal("2.5")) == 3
    assert round_money(Decimal("2.5"), RoundingMode.HALF_EVEN) == 2
    assert round_money(Decimal("3.5"), "half-even") == 4
    assert round_money(Decimal("2.49")) == 2
    assert round_money(Decimal("-2.5")) == -3


def test_round_to_multiple_rounds_to_nearest_multiple_ties_up():
    assert round_to_multiple(Decimal("1249"), 100) == 1200
    assert round_to_multiple(Decimal("1250"), 100) == 1300
    assert round_to_multiple(Decimal("1251"), 100) == 1300
    assert round_to_multiple(Decimal("1234.5"), 1) == 1235


def test_round_down_and_percent():
    assert round_down(Decimal("10.99")) == 10
    assert percent_of(1_000_000, Decimal("1.5")) == 15_000
    assert percent_of(333, "10") == 33


def test_float_is_refused():
    with pytest.raises(TypeError):
        round_money(2.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_rupiah(2.5)  # type: ignore[arg-type]


def test_dates_and_words():
    import datetime as dt

    assert long_date(dt.date(2026, 11, 23)) == "23 November 2026"
    assert long_date(dt.date(2026, 8, 17)) == "17 Agustus 2026"
    assert short_date(dt.date(2026, 11, 3)) == "03/11/2026"
    assert terbilang(2_950_000) == "dua juta sembilan ratus lima puluh ribu rupiah"
    assert (
        rupiah_with_words(2_950_000)
        == "Rp2.950.000 (dua juta sembilan ratus lima puluh ribu rupiah)"
    )
