"""``python -m policytext``: the same as the ``policytext`` command."""

from __future__ import annotations

try:
    from policytext.cli.main import main
except ImportError:  # a checkout that is not installed: the top-level cli/ folder
    from cli.main import main

if __name__ == "__main__":
    main()
