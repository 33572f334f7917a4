"""Where grading jobs run: in this process, in a local process pool, or on a Dask cluster.

Each backend takes the jobs and yields `(index, outcome)` as outcomes arrive, in
whatever order they finish. A worker that dies takes only its own job with it:
that job gets an `error` outcome and the rest go on.
"""

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from autograder.batch.results import Job, Outcome, Result
from autograder.batch.workers import WorkerSettings, grade_job

Outcomes = Iterator[tuple[int, Outcome]]


def run_inline(jobs: list[Job], settings: WorkerSettings) -> Outcomes:
    for index, job in enumerate(jobs):
        yield index, grade_job(job, settings)


def run_pool(jobs: list[Job], settings: WorkerSettings, workers: int,
             task=grade_job) -> Outcomes:
    """A pool of `workers` processes, kept a few jobs ahead. When a worker process dies,
    the jobs it broke are tried again one at a time, each in a pool of its own, so that
    only the job that kills its worker fails."""
    suspects: list[int] = []
    yield from _pool_pass(task, jobs, list(range(len(jobs))), settings, workers, suspects)
    for index in suspects:
        yield from _pool_pass(task, jobs, [index], settings, 1, None)


def _pool_pass(task, jobs, queue, settings, workers, suspects) -> Outcomes:
    while queue:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=die_with_parent) as pool:
            running: dict[Future, int] = {}
            while queue or running:
                while queue and len(running) < 2 * workers:
                    index = queue.pop(0)
                    running[pool.submit(task, jobs[index], settings)] = index
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                failed = []
                for future in done:
                    index = running.pop(future)
                    try:
                        outcome = future.result()
                    except BrokenProcessPool:
                        failed.append(index)
                        continue
                    yield index, outcome
                if failed:  # the pool is broken: every job still in it failed with it
                    failed += running.values()
                    if suspects is None:
                        for index in failed:
                            yield index, worker_died(jobs[index])
                    else:
                        suspects += failed
                    break


def die_with_parent() -> None:
    """In a worker: end when the grading process does (killed included), and with the
    worker its fork server, sandbox and kernels, which end with their own parents."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:
            os._exit(1)


def run_dask(jobs: list[Job], settings: WorkerSettings, address: str) -> Outcomes:
    """The jobs as tasks of the Dask cluster at `address`; this process only collects."""
    try:
        from distributed import Client, as_completed
    except ImportError as error:
        raise SystemExit("--scheduler needs Dask: pip install 'dlcourse[dask]'") from error
    with Client(address) as client:
        futures = {client.submit(grade_job, job, settings, pure=False,
                                 key=f"grade-{job.student}-{job.assignment}-{index}"): index
                   for index, job in enumerate(jobs)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                yield index, future.result()
            except Exception as error:  # noqa: BLE001 - e.g. KilledWorker: say so, go on
                yield index, worker_died(jobs[index], f"{type(error).__name__}: {error}")


def worker_died(job: Job, detail: str = "its process exited") -> Outcome:
    return Outcome(Result(job.student, job.assignment, 0, 0, "error",
                          f"the grading worker died while grading this submission ({detail})"))
