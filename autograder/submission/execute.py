"""Run a submission's cells so that no answer can take the grading down with it.

`GuardedExecute` replaces nbgrader's `Execute` at autograde. On top of it:

- every test cell (visible check or hidden test) runs in this, the grader's,
  process, from the course's own source, against the student's functions in the
  kernel (`autograder.submission.trusted`): what the kernel prints, displays or reports
  never decides a point;
- the kernel runs in the sandbox of `autograder.submission.sandbox` (no privileges, no
  network, no view of the grader's files or processes), forked from a server that
  has imported its libraries (`autograder.submission.kernel_fork`); after the notebook every
  process it started is ended and its folder deleted;
- a cell that runs past `Execute.timeout` fails alone with "timed out after N s";
  if the kernel ignores the interrupt (a loop that swallows `KeyboardInterrupt`),
  it is replaced by a fresh kernel that replays the cells that completed;
- a kernel that dies fails its cell and every later cell with "kernel died";
- each grading kernel gets a memory limit (`memory_limit_gb`), and a
  `MemoryError` is reported as "memory limit exceeded"; each worker's kernels
  share a limit on processes and threads (`max_processes`);
- the whole notebook has a time budget (`notebook_timeout`, or
  `notebook_timeouts[assignment]`); cells past it fail with "not run";
- a cell's stored output is capped at `max_output_chars`;
- the cells after the last graded one (training runs, figures, timing demos) are
  not run unless `run_ungraded_tail` is set: they cannot change a grade, and the
  first of them says so in the feedback;
- each kernel's BLAS uses `kernel_threads` threads (1): the grading workers are the
  parallelism, and kernels with a thread per core each only slow each other down.
"""

import copy
import math
from pathlib import Path
from time import monotonic

from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError
from nbclient.util import run_sync
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade, is_solution
from traitlets import Bool, Dict, Float, Integer

from autograder.course import SOLUTIONS
from autograder.dlcourse_kernel.bridge import NO_FIGURES
from autograder.submission.kernel_fork import ForkingKernelManager
from autograder.submission.sandbox import SandboxSettings
from autograder.submission.trusted import (
    CallTimeout,
    ChannelBroken,
    KernelBridge,
    KernelDead,
    KernelStuck,
    KernelTrouble,
    TrustedCells,
    test_cell_sources,
)

TIMEOUT_ERROR = "CellTimeout"
KERNEL_DIED = "KernelDied"
NOT_RUN = "NotRun"
CHANNEL_BROKEN = "GraderChannelBroken"
TAIL_NOTE = ("[not run by the grader: no graded cell follows, so this cell and those after it "
             "cannot change your score. Run them in Jupyter to see their results.]\n")
# errors the grader writes, not Python
GRADER_ERRORS = {TIMEOUT_ERROR, KERNEL_DIED, NOT_RUN, CHANNEL_BROKEN}

_timings: dict[str, float] = {}


def last_timings() -> dict[str, float]:
    """Seconds the last notebook spent starting kernels and running cells, in this process."""
    return dict(_timings)


def error_output(ename: str, message: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=message,
                        traceback=[f"{ename}: {message}"])


class GuardedExecute(Execute):
    memory_limit_gb = Float(4.0, help="Address-space limit of each grading kernel, GiB "
                                      "(0: none).").tag(config=True)
    max_processes = Integer(512, help="Processes and threads a grading kernel may run at "
                                      "once, its own included (where cgroups allow)."
                            ).tag(config=True)
    notebook_timeout = Integer(900, help="Time budget of a whole notebook, s.").tag(config=True)
    notebook_timeouts = Dict(help="Per-assignment time budgets, s, by assignment id."
                             ).tag(config=True)
    max_output_chars = Integer(100_000, help="Output kept per cell, in characters."
                               ).tag(config=True)
    kernel_threads = Integer(1, help="Threads each grading kernel's BLAS and OpenMP may use. "
                                     "Parallelism comes from grading workers, one kernel "
                                     "each: more threads per kernel only fight over the "
                                     "cores.").tag(config=True)
    render_figures = Bool(False, help="Draw the notebook's matplotlib figures into the "
                                      "graded notebook and feedback (slower, larger)."
                          ).tag(config=True)
    sandbox = Bool(True, help="Run kernels in the bubblewrap sandbox (False: as plain "
                              "processes with the grader's own access; --no-sandbox)."
                   ).tag(config=True)
    run_ungraded_tail = Bool(False, help="Also run the cells after the last graded or "
                                         "answer cell (demos, training, figures: they "
                                         "grade nothing).").tag(config=True)
    start_attempts = Integer(3, help="Kernels started, one after the other, before a "
                                     "kernel that dies while starting fails the notebook."
                             ).tag(config=True)
    interrupt_grace = Integer(5, help="Seconds an interrupted kernel has to answer.").tag(
        config=True)

    def preprocess(self, nb, resources=None, km=None):
        self._prepare(nb, km, resources)
        run_sync(self._run_guarded)()
        return self.nb, self.resources

    def _prepare(self, nb, km, resources) -> None:
        # The same set-up as nbconvert's ExecutePreprocessor.preprocess.
        NotebookClient.__init__(self, nb, km)
        self.kernel_manager_class = ForkingKernelManager
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        nbgrader = (resources or {}).get("nbgrader", {})
        assignment = nbgrader.get("assignment")
        sources = {}
        if assignment:
            sources = test_cell_sources(
                SOLUTIONS / assignment / f"{nbgrader.get('notebook', assignment)}.ipynb")
        self.trusted = TrustedCells(assignment, sources, self.nb)
        self.settings = SandboxSettings(self.sandbox, int(self.memory_limit_gb * 2**30),
                                        self.max_processes, self.kernel_threads)
        self.budget = self.notebook_timeouts.get(assignment, self.notebook_timeout)
        self.cell_timeout = self.timeout
        self.output_chars: dict[int, int] = {}

    async def _run_guarded(self) -> None:
        started = monotonic()
        _timings.update(kernel=0.0, cells=0.0)
        pending = self._cells_to_run()
        completed: list[int] = []
        while pending:
            starting = monotonic()
            await self._start_kernel()
            manager = self.km
            async with self.async_setup_kernel():  # started: this only shuts it down after
                _timings["kernel"] += monotonic() - starting
                running = monotonic()
                await self._replay(completed)
                while pending:
                    index = pending.pop(0)
                    cell = self.nb.cells[index]
                    remaining = self.budget - (monotonic() - started)
                    if remaining <= 0:
                        cell.outputs.append(error_output(
                            NOT_RUN, f"not run: the notebook used up its time budget of "
                                      f"{self.budget} s"))
                        continue
                    timeout = min(self.cell_timeout, remaining)
                    if self.trusted.is_trusted(cell):
                        outcome = self._run_trusted(cell, timeout)
                    elif is_grade(cell) and not is_solution(cell):
                        cell.outputs = [error_output(NOT_RUN, "not run: this is not one of "
                                                     "the assignment's test cells")]
                        continue
                    else:
                        if not self._end_trusted_loop():
                            pending.insert(0, index)
                            break  # the kernel is replaced, and this cell runs in the next
                        outcome = await self._execute(cell, index, timeout)
                    if outcome == "ok" and not self.trusted.is_trusted(cell):
                        completed.append(index)
                    elif outcome == "dead":
                        for later in pending:
                            self.nb.cells[later].outputs = [error_output(
                                KERNEL_DIED, "not run: the kernel died in an earlier cell")]
                        pending = []
                    elif outcome == "stuck":
                        break  # leave the context: the kernel is shut down, a new one starts
                _timings["cells"] += monotonic() - running
                self.bridge.close()
            manager.end_all()

    def _run_trusted(self, cell, timeout: float) -> str:
        """A test cell, run here; the kernel is replaced when it hangs or dies meanwhile."""
        try:
            cell.outputs = self.trusted.run(cell, self.bridge, timeout)
            _explain_memory_errors(cell, self.memory_limit_gb)
        except ChannelBroken:
            cell.outputs = [error_output(CHANNEL_BROKEN, "the kernel broke off its "
                                         "conversation with the grader")]
            return "stuck"
        except (CallTimeout, KernelStuck):
            cell.outputs = [error_output(TIMEOUT_ERROR, f"timed out after {timeout:.0f} s: "
                                         "the student's function did not return")]
            return "stuck"
        except KernelDead:
            cell.outputs = [self._died()]
            return "dead"
        return "ok"

    def _end_trusted_loop(self) -> bool:
        """Before a cell of the notebook: end the loop that served the test cells before it
        (consecutive test cells share one); False if the kernel must be replaced."""
        self.trusted.forget()
        self.bridge.deadline = monotonic() + self.interrupt_grace
        try:
            self.bridge.finish()
        except KernelTrouble:
            return False
        return True

    def _died(self):
        return error_output(KERNEL_DIED, "kernel died while running this cell (the process "
                                         "exited or crashed; each grading kernel may use "
                                         f"{self.memory_limit_gb:g} GiB)")

    def create_kernel_manager(self):
        manager = super().create_kernel_manager()
        manager.settings = self.settings
        folder = self.resources.get("metadata", {}).get("path")
        manager.files = Path(folder) if folder else None
        manager.exec_lines = () if self.render_figures else (NO_FIGURES,)
        return manager

    async def _start_kernel(self) -> None:
        """Start a kernel in its sandbox and connect to it. A kernel that dies while it
        starts (two kernels drew the same free port, say) is replaced, up to
        `start_attempts` times."""
        for attempt in range(1, self.start_attempts + 1):
            self.km = self.create_kernel_manager()
            try:
                await self.async_start_new_kernel()
                await self.async_start_new_kernel_client()
                self.bridge = KernelBridge(self.km.get_connection_info(),
                                           self.km.provisioner.process, self.interrupt_grace,
                                           self.km.folder.channel)
                return
            except (RuntimeError, OSError) as error:
                self.log.warning("a grading kernel did not start: %s", error)
                if self.km is not None and self.km.has_kernel:
                    await self._async_cleanup_kernel()
                if attempt == self.start_attempts:
                    raise
                self.log.warning("a grading kernel died while starting; starting another")

    def _cells_to_run(self) -> list[int]:
        """Indices of the code cells to run: up to the last graded or answer cell. The
        first cell left out gets a note saying why, for the feedback."""
        code = [i for i, c in enumerate(self.nb.cells) if c.cell_type == "code"]
        if self.run_ungraded_tail:
            return code
        graded = [i for i in code if is_grade(self.nb.cells[i]) or is_solution(self.nb.cells[i])]
        last = graded[-1] if graded else code[-1] if code else -1
        tail = [i for i in code if i > last]
        if tail:
            self.nb.cells[tail[0]].outputs = [NotebookNode(
                output_type="stream", name="stdout", text=TAIL_NOTE)]
        return [i for i in code if i <= last]

    async def _execute(self, cell, index: int, timeout: float) -> str:
        self.timeout = max(1, math.ceil(timeout))  # the budget runs out within the cell
        message = (f"timed out after {self.timeout} s: the cell did not finish "
                   "(a loop that never ends?)")
        self.error_on_timeout = {"ename": TIMEOUT_ERROR, "evalue": message,
                                 "traceback": [message]}
        try:
            await self.async_execute_cell(cell, index, store_history=True)
        except DeadKernelError:
            cell.outputs.append(self._died())
            return "dead"
        _explain_memory_errors(cell, self.memory_limit_gb)
        if not any(o.output_type == "error" and o.ename == TIMEOUT_ERROR for o in cell.outputs):
            return "ok"
        cell.outputs = [o for o in cell.outputs
                        if not (o.output_type == "error" and o.ename == "KeyboardInterrupt")]
        return "ok-timeout" if await self._responsive() else "stuck"

    async def _responsive(self) -> bool:
        """Whether the kernel answers again after the interrupt."""
        msg_id = self.kc.kernel_info()
        deadline = monotonic() + self.interrupt_grace
        while (left := deadline - monotonic()) > 0:
            try:
                reply = await self.kc.get_shell_msg(timeout=left)
            except Exception:  # noqa: BLE001 - queue.Empty when no reply came in time
                return False
            if reply["parent_header"].get("msg_id") == msg_id:
                return True
        return False

    async def _replay(self, indices: list[int]) -> None:
        """Re-run completed cells in a fresh kernel, keeping their recorded outputs."""
        for index in indices:
            recorded = self.nb.cells[index]
            self.timeout = self.cell_timeout
            try:
                await self.async_execute_cell(copy.deepcopy(recorded), index, store_history=True)
            except DeadKernelError:
                return
            finally:
                self.nb.cells[index] = recorded  # nbclient stores the copy in its place

    def output(self, outs, msg, display_id, cell_index):
        """Store a cell's output until it reaches `max_output_chars`, then drop the rest."""
        used = self.output_chars.get(cell_index, 0)
        if used > self.max_output_chars:
            return None
        content = msg.get("content", {})
        used += len(str(content.get("text", ""))) + len(str(content.get("data", "")))
        self.output_chars[cell_index] = used
        if used > self.max_output_chars:
            outs.append(NotebookNode(output_type="stream", name="stdout", text=(
                f"\n[output truncated by the grader after {self.max_output_chars:,} "
                "characters]\n")))
            return None
        return super().output(outs, msg, display_id, cell_index)


def _explain_memory_errors(cell, limit_gb: float) -> None:
    for output in cell.outputs:
        if output.output_type == "error" and "MemoryError" in f"{output.ename} {output.evalue}":
            output.evalue = (f"memory limit exceeded: each grading kernel may use "
                             f"{limit_gb:g} GiB ({output.evalue})")
