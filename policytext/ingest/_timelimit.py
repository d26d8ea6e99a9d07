"""A wall-clock budget for reading one document, by ``SIGALRM``.

pdfminer can spend a very long time on a pathological file (a content stream
that loops through form XObjects, millions of tiny operators). A thread cannot
stop pure-Python work in another thread, so the budget is enforced with a timer
signal: when it fires, :class:`Expired` is raised in the middle of whatever the
reader is doing, and the reader turns it into a clear error naming the file.

Limits, by the nature of signals:

* it works only in the main thread of a process (the command line, and each
  worker process of ``policytext run``); in other threads (a Dask worker's
  task threads, a web server's request threads) there is no limit;
* a handler runs between Python bytecodes: a single long call into C (pdfium,
  zlib) finishes before it can fire;
* it stands aside when the program already uses ``SIGALRM`` or the real-time
  interval timer (its own handler installed, or a timer running), and on
  platforms without ``SIGALRM`` (Windows).

:class:`Expired` derives from ``BaseException``, like ``KeyboardInterrupt``,
so that the ``except Exception`` blocks that keep one broken page from
losing the others do not swallow it.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator

__all__ = ["Expired", "Limit", "time_limit", "remaining"]


class Expired(BaseException):
    """The time budget of the document ran out."""


_deadline: list[float] = []  # monotonic deadlines of the limits in force, innermost last


def remaining() -> float | None:
    """Seconds left in the innermost budget in force, or None when there is none."""
    return max(_deadline[-1] - time.monotonic(), 0.0) if _deadline else None


def _usable() -> bool:
    if not hasattr(signal, "SIGALRM") or not hasattr(signal, "setitimer"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    handler = signal.getsignal(signal.SIGALRM)
    if handler is not signal.SIG_DFL:
        return False  # someone else's alarm, alarms ignored on purpose, or a handler set outside Python
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


class Limit:
    """A budget in force (or not): :meth:`stop` it before cleaning up after :class:`Expired`."""

    def __init__(self, active: bool) -> None:
        self.active = active

    def stop(self) -> None:
        """No more :class:`Expired` from this budget (the timer repeats until stopped)."""
        if self.active:
            self.active = False
            signal.setitimer(signal.ITIMER_REAL, 0.0)


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[Limit]:
    """Raise :class:`Expired` in the block once ``seconds`` of wall-clock time have passed.

    Yields a :class:`Limit`; its ``active`` is False when no limit was asked
    for or none is possible here (see the module notes).
    """
    if not seconds or seconds <= 0 or _deadline or not _usable():
        yield Limit(False)
        return
    limit = Limit(True)

    def expire(signum: int, frame: object) -> None:
        if limit.active:
            raise Expired

    signal.signal(signal.SIGALRM, expire)
    _deadline.append(time.monotonic() + seconds)
    # The timer repeats every second until stopped: an exception raised inside
    # a ctypes callback (pdfium calling back into Python) is printed and dropped.
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield limit
    finally:
        limit.stop()
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        _deadline.pop()
