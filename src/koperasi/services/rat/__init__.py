"""The annual members' meeting (RAT): the budget (RAPB) and its realisation, the board's and
the supervisors' reports, the officers' register, the meeting (agenda, attendance, quorum,
decisions), the full health rating and the notes to the financial statements (CALK).

Every write checks ``rat.write`` (admin, bendahara); reads need ``read.all`` (so a pengawas
reads everything and changes nothing). The book itself is :mod:`koperasi.reports.rat_book`.
"""
