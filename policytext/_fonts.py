"""A CJK font for matplotlib charts, found once per process.

Charts with Chinese labels need a font that has the glyphs; matplotlib's
default (DejaVu Sans) draws boxes. Fonts already known to matplotlib are tried
by family name, then common font files are registered. Nothing is downloaded:
without a CJK font the charts still draw, with boxes for Chinese, and the
callers say so where it matters.
"""

from __future__ import annotations

import functools
import os

__all__ = ["cjk_font_family", "CJK_FAMILIES", "CJK_FILES"]

#: Family names tried first, in order (as matplotlib names them).
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Serif CJK SC",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN", "SimHei",
    "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK JP",
)  # fmt: skip
#: Font files registered with matplotlib when none of the families is known (Debian and Fedora paths).
CJK_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)


@functools.lru_cache(maxsize=1)
def cjk_font_family() -> str | None:
    """The family name of a CJK font matplotlib can use (registered on the way), or None."""
    from matplotlib import font_manager

    have = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FAMILIES:
        if name in have:
            return name
    for path in CJK_FILES:
        if os.path.exists(path):
            try:
                font_manager.fontManager.addfont(path)
                return font_manager.FontProperties(fname=path).get_name()
            except (OSError, RuntimeError, ValueError):
                continue
    return None
