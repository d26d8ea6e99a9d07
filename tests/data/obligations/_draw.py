"""What the ``sample_*.py`` scripts of this folder share: sentences of a text with their lead-in.

An item of a list (（一）, 1., ①) carries the sentence that introduced the list
(ending in ：) as its context, so that a reader labels 应当履行下列职责： … items
with their duty.
"""

from __future__ import annotations

import re
import unicodedata

import policytext

ITEM = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[①-⑳])")
LABEL_ONLY = re.compile(r"^(?:第[一二三四五六七八九十百]+[章节编]|[一二三四五六七八九十]+、\S{0,12}$)")


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def sentences_of(lines: list[str], *, min_len: int) -> list[tuple[int, str, str]]:
    """(line number, sentence, lead-in context) for every usable sentence (``min_len`` to 260 characters)."""
    out = []
    lead = ""
    for no, raw in enumerate(lines, 1):
        line = raw.strip().strip("\u3000")
        if not line or line.startswith(("#", "<!--")):
            continue
        is_item = ITEM.match(line) is not None
        if not is_item:
            lead = ""
        spans = policytext.split_sentences(line)
        for k, (a, b) in enumerate(spans):
            sent = line[a:b]
            if min_len <= len(sent) <= 260 and not LABEL_ONLY.match(sent):
                context = lead if is_item and k == 0 else ""
                out.append((no, sent, context))
        if spans and not is_item:
            last = line[spans[-1][0] : spans[-1][1]]
            lead = last if last.endswith(("：", ":")) else ""
    return out

