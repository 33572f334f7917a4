"""Tricks that used to forge a score, leak, escape, persist or stop the batch earn nothing
now: the verdicts are the grader's, and the kernel lives in a sandbox."""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograder.batch import grade_folder
from autograder.course import REPO_ROOT
from autograder.submission import kernel_fork
from tests.adversarial.cases import write_case
from tests.adversarial.test_adversarial import settings
from tests.adversarial.tricks import SECRET_WORDS, trick_cases
from tests.sandboxed import needs_sandbox

pytestmark = needs_sandbox
CASES = trick_cases()


def tree_digest(root: Path, names: list[str] | None = None) -> str:
    """A digest of the files under `root` (or of `names` in it): paths, sizes and bytes."""
    digest = hashlib.sha256()
    paths = [root / n for n in names] if names else sorted(p for p in root.rglob("*")
                                                         if p.is_file())
    for path in paths:
        if path.is_file() and not path.is_symlink():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def checkout_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO_ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    return sorted(listed)


def processes_mentioning(word: str) -> list[str]:
    found = []
    for pid in (p for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if word.encode() in command:
            found.append(command.decode(errors="replace"))
    return found


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("tricks")
    for case in CASES:
        write_case(case, root / "submissions")
    site_packages = Path(sys.prefix)
    before = (tree_digest(REPO_ROOT, checkout_files()), tree_digest(site_packages))
    results = grade_folder(root / "submissions", root / "workspace", settings=settings(),
                           workers=1)
    after = (tree_digest(REPO_ROOT, checkout_files()), tree_digest(site_packages))
    return root, {r.student: r for r in results}, before, after


@pytest.mark.parametrize("case", CASES, ids=[c.student for c in CASES])
def test_a_trick_earns_nothing(batch, case):
    _, results, _, _ = batch
    result = results[case.student]
    assert (result.score, result.max_score) == (case.score, case.max_score), result.reason
    if case.status != "any":
        assert result.status == case.status, result.reason
    cells = {c.grade_id: c for c in result.cells}
    for grade_id, (score, _) in case.cells.items():
        assert cells[grade_id].score == score, (grade_id, cells[grade_id].message)


def test_every_submission_has_its_row(batch):
    _, results, _, _ = batch
    assert sorted(results) == sorted(c.student for c in CASES)


def test_nothing_secret_reaches_any_export(batch):
    root, _, _, _ = batch
    for path in (root / "workspace" / "exports").rglob("*"):
        if path.is_file():
            text = path.read_text(errors="replace")
            for word in SECRET_WORDS:
                assert word not in text, (path, word)


def test_the_checkout_and_the_environment_are_unchanged(batch):
    _, _, before, after = batch
    assert after == before
    assert not list(REPO_ROOT.rglob("planted*"))


def test_no_process_outlives_the_batch(batch):
    assert processes_mentioning("dlcourse-left-behind") == []
    servers = {server.process.pid for server in kernel_fork._servers.values()}
    assert servers  # this process graded inline: its servers wait for the next batch
    for server in servers:  # bwrap, its init, the server; no kernel and nothing else
        assert len(descendants(server)) == 2, descendants(server)


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in (p for p in os.listdir("/proc") if p.isdigit()):
        try:
            parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, queue = [], [pid]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found


def test_killing_the_grader_leaves_no_process(tmp_path):
    """`dlcourse grade` killed in the middle: its workers, sandboxes and kernels go too."""
    for case in trick_cases()[:2]:
        write_case(case, tmp_path / "submissions")
    grading = subprocess.Popen([sys.executable, "-m", "autograder.cli", "grade",
                                str(tmp_path / "submissions"), "--workspace",
                                str(tmp_path / "workspace"), "--workers", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and not any(
            b"fork_server" in Path(f"/proc/{p}/cmdline").read_bytes()
            for p in descendants(grading.pid) if Path(f"/proc/{p}").exists()):
        time.sleep(0.2)
    started = descendants(grading.pid)
    assert len(started) > 4  # workers, their sandboxes and servers
    grading.kill()
    grading.wait()
    time.sleep(3)
    alive = [p for p in started if Path(f"/proc/{p}").exists()
             and "Z" not in Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]]
    assert alive == []
