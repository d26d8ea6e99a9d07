"""Traditional characters read as simplified, offset for offset.

The rule-based stages (targets, for one) match simplified words and numerals
(将, 预计, 万, 亿, 点). Documents in traditional characters - from Hong Kong,
Macao or Taiwan, or mainland texts before the 1956 reform, such as the 1954
government work report - are read through a simplified copy of the same
length, so that every offset found in the copy is an offset in the original.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` with traditional characters written in simplified ones, of the same length.

    Text that is already simplified comes back unchanged (and costs one pass of
    OpenCC). Where a phrase conversion would change the length, the lines
    concerned are converted character by character instead.
    """
    if text.isascii():
        return text
    cc = _converter()
    out = cc.convert(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.split("\n"):
        converted = cc.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := cc.convert(ch)) == 1 else ch for ch in line)
        lines.append(converted)
    return "\n".join(lines)


def as_written(found: str, analysed: str, original: str) -> str:
    """``found`` (a piece of ``analysed``) as ``original`` writes it, where the two differ."""
    if analysed == original or not found:
        return found
    i = analysed.find(found)
    return original[i : i + len(found)] if i >= 0 else found
