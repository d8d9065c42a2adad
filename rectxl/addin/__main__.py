"""``python -m rectxl.addin build|install|uninstall``."""

from rectxl.addin.cli import main

raise SystemExit(main())
