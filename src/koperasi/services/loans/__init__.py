"""Loans (pinjaman), one module per subject: :mod:`.core` (state, locking, dues),
:mod:`.views`, :mod:`.applications`, :mod:`.repayments`, :mod:`.reversals`, :mod:`.workout`,
:mod:`.quality`, :mod:`.opening`, :mod:`.group_meeting`. Import from the module that
defines a name; this package re-exports nothing."""
