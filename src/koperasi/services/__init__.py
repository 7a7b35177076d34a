"""Use cases. Each public function runs one unit of work, checks the caller's role, writes
the audit log and posts the journal. They take plain values and return frozen dataclasses."""
