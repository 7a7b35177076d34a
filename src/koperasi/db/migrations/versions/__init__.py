# A package only so that import-linter sees the migrations (Alembic skips __init__.py).
