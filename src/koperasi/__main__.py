import sys

if sys.argv[1:] == ["--version"]:  # answered before anything else is imported
    from koperasi import __version__

    print(f"koperasi {__version__}")
    sys.exit(0)

from koperasi.cli import main  # noqa: E402

sys.exit(main())
