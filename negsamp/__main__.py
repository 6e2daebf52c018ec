"""``python -m negsamp``: see :mod:`negsamp.cli`."""
import sys

from .cli import main

sys.exit(main())
