"""One vocabulary: the account codes the services name are in the seeded chart, and the
labels of codes are served from domain.vocabulary."""

from __future__ import annotations

from koperasi import messages
from koperasi.db.seed import CHART_OF_ACCOUNTS
from koperasi.domain import accounts, vocabulary


def test_named_accounts_are_in_the_chart() -> None:
    chart = {row[0] for row in CHART_OF_ACCOUNTS}
    named = {
        name: code
        for name, code in vars(accounts).items()
        if name.isupper() and isinstance(code, str)
    }
    assert named, "no account codes named"
    assert {n: c for n, c in named.items() if c not in chart} == {}


def test_messages_serve_the_domain_vocabularies() -> None:
    for name, labels in vocabulary.BY_NAME.items():
        assert messages.vocabulary(name) is labels
        assert name in messages.VOCABULARIES
    assert messages.label("loan_status", vocabulary.ACTIVE, "en") == "Active"
    assert messages.label("loan_class", vocabulary.MACET, "id") == "Macet"
