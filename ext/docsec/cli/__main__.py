"""``python -m docsec.cli check ...``: the same as the ``docsec`` command."""

import sys

from .main import main

sys.exit(main())
