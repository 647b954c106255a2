"""Allow `python -m discreet`."""

from discreet.cli import main

raise SystemExit(main())
