"""Where the per-document work runs: this process, a local process pool, or Dask.

Each executor takes a lazy stream of tasks and yields results as they finish,
with at most ``in_flight`` tasks submitted and not yet returned, so that the
memory of a run does not grow with the corpus. Results come back in completion
order; nothing downstream depends on that order (the store is keyed by content
hash and every exported table is sorted by stable keys).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import ConfigError
from ._worker import process_task

__all__ = ["execute", "describe_executor"]

Task = dict[str, Any]
Result = dict[str, Any]

#: Documents a local worker process reads before it is replaced by a fresh one.
TASKS_PER_WORKER = 200
_DIED = "the worker process died while reading this file (out of memory, or a crash in a library)"


def execute(
    tasks: Iterable[Task],
    *,
    jobs: int = 1,
    processes: bool | None = None,
    scheduler: Any = None,
    in_flight: int | None = None,
    worker: Callable[[Task], Result] = process_task,
) -> Iterator[Result]:
    """Run ``worker`` on every task and yield the results as they finish.

    Args:
        tasks: the tasks (a generator is read lazily).
        jobs: local worker processes.
        processes: use a process pool even for one job (None: when ``jobs`` > 1).
        scheduler: a Dask scheduler address or ``distributed.Client``; wins over ``jobs``.
        in_flight: tasks submitted and not yet returned, at most (default 4 per worker).
        worker: the function run on each task (must be importable by the workers).
    """
    if scheduler is not None:
        yield from _dask(tasks, scheduler, in_flight, worker)
    elif jobs > 1 or processes:
        yield from _pool(tasks, jobs, in_flight or 4 * jobs, worker)
    else:
        for task in tasks:
            yield worker(task)


def describe_executor(*, jobs: int, processes: bool | None, scheduler: Any) -> str:
    """A one-line account of where the work ran, for the run log."""
    if scheduler is not None:
        address = scheduler if isinstance(scheduler, str) else getattr(scheduler, "scheduler", None)
        return f"dask ({getattr(address, 'address', address)})"
    if jobs > 1 or processes:
        return f"{jobs} worker process{'es' if jobs > 1 else ''}"
    return "in process"


def _died(task: Task, why: str) -> Result:
    return {
        "source": task["source"],
        "id": task.get("id"),
        "key": task.get("key"),
        "document": None,
        "rows": {},
        "failures": [{"stage": "extract", "error": why}],
    }


def _pool(tasks: Iterable[Task], jobs: int, limit: int, worker: Callable[[Task], Result]) -> Iterator[Result]:
    context = _context()
    stream = iter(tasks)
    # Tasks in flight when a worker died: one of them killed it, the others were
    # lost with the pool. Each is run again alone, so that only the culprit fails.
    suspects: deque[Task] = deque()
    pool: ProcessPoolExecutor | None = None
    try:
        while True:
            if pool is None:
                pool = _new_pool(jobs, context)
            if suspects:
                task = suspects.popleft()
                try:
                    result = pool.submit(worker, task).result()
                except BrokenProcessPool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = None
                    yield _died(task, _DIED)
                    continue
                except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                    result = _died(task, f"internal error: {type(exc).__name__}: {exc}")
                yield result
                continue
            pending: dict[Future[Result], Task] = {}
            _fill(pool, pending, stream, limit, worker)
            broken = False
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    task = pending.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        broken = True
                        suspects.append(task)
                        continue
                    except Exception as exc:  # noqa: BLE001
                        result = _died(task, f"internal error: {type(exc).__name__}: {exc}")
                    yield result
                if broken:
                    suspects.extend(pending.values())
                    pending.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = None
                    break
                _fill(pool, pending, stream, limit, worker)
            if not broken:
                return
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(jobs: int, context: multiprocessing.context.BaseContext) -> ProcessPoolExecutor:
    """A pool whose workers are replaced every :data:`TASKS_PER_WORKER` documents (Python >= 3.11).

    A worker keeps the high-water mark of its memory: replacing it now and then
    keeps a long run's memory at what a few documents need, not the largest
    ones it happened to meet.
    """
    if sys.version_info >= (3, 11) and context.get_start_method() != "fork":  # fork cannot replace workers
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context, max_tasks_per_child=TASKS_PER_WORKER)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context)


def _context() -> multiprocessing.context.BaseContext:
    """Spawn worker processes, unless the main program cannot be re-imported by them.

    Spawn, because the main process holds an open SQLite connection (and
    maybe threads) that a forked child would inherit. But a spawned child
    re-runs the main module's file; a program read from stdin (``python -``)
    has none, and there fork is the only way.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path and not os.path.exists(path) and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _fill(
    pool: ProcessPoolExecutor, pending: dict[Future[Result], Task], stream: Iterator[Task], limit: int,
    worker: Callable[[Task], Result],
) -> None:
    """Submit tasks until ``limit`` are in flight or the stream ends."""
    while len(pending) < limit:
        task = next(stream, None)
        if task is None:
            return
        pending[pool.submit(worker, task)] = task


def _dask(tasks: Iterable[Task], scheduler: Any, in_flight: int | None, worker: Callable[[Task], Result]) -> Iterator[Result]:
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise ConfigError(
            "--scheduler needs Dask distributed, which is not installed; install the extra: "
            "pip install 'policytext[dask]'"
        ) from exc
    own = isinstance(scheduler, str)
    if own:
        try:
            client = Client(scheduler, set_as_default=False)  # connect timeout: Dask's config
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); is it running?") from exc
    else:
        client = scheduler
    try:
        threads = sum(client.nthreads().values()) or 1
        limit = in_flight or 4 * threads
        stream = iter(tasks)
        futures = as_completed(loop=client.loop, with_results=False)
        owner: dict[str, Task] = {}

        def submit() -> bool:
            task = next(stream, None)
            if task is None:
                return False
            future = client.submit(worker, task, pure=False)
            owner[future.key] = task
            futures.add(future)
            return True

        for _ in range(limit):
            if not submit():
                break
        for future in futures:
            task = owner.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker killed mid-task, a lost connection
                result = _died(task, f"the Dask worker failed on this file: {type(exc).__name__}: {exc}")
            future.release()
            yield result
            submit()
    finally:
        if own:
            client.close()
