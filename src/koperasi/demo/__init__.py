"""The demo and bench data builders: a sample cooperative's book, built through the services'
use cases. Above services (services never import it); the CLI's ``demo`` command, the GUI's
first run (``--demo``), the bench and the tests use it."""
