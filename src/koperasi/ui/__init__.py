"""The desktop app (PySide6). Widgets call services; they never touch a database session."""
