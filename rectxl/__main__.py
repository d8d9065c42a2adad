"""``python -m rectxl`` runs the command line."""

import sys

from rectxl.cli import main

sys.exit(main())
