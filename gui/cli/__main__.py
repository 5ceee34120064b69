"""``python -m gui.cli``: the ``newstag`` command."""

import sys

from gui.cli import main

sys.exit(main())
