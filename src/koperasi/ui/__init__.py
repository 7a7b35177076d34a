"""The desktop app (PySide6). Widgets call services; they never reach the database directly."""
