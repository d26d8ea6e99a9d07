"""Type aliases shared across modules (private: import them, do not re-export)."""

from __future__ import annotations

import os
from typing import Union

PathLike = Union[str, "os.PathLike[str]"]
Span = tuple[int, int]
