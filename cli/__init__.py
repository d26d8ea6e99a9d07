"""The ``policytext`` command line: click commands only, a thin layer over the library.

Installed as ``policytext.cli`` (see pyproject.toml), so the ``policytext`` command
works from a wheel; in a checkout it is the top-level ``cli/`` folder.
"""
