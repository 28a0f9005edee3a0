"""`python -m scenes.cli`: the same as the `scenes` command."""

import sys

from scenes.cli import main

sys.exit(main())
