"""The course in JupyterLab, driven by a real browser: nbgrader's exchange end to end.

In a copy of the course, Debian's Chromium (through Playwright, no browser download)
drives the student's lab (`dlcourse lab`) and the instructor's (`dlcourse lab
--instructor`), each on a free loopback port:

student:    Assignment List, fetch 01, a wrong answer (FAIL) then a right one (PASS),
            validate, submit;
instructor: `nbgrader collect`, `dlcourse grade autograder/submitted`, the formgrader,
            `nbgrader release_feedback`;
student:    fetch the feedback and read the score in it, maths typeset offline.

Requests to any host but the loopback fail, as they would offline.

Each step leaves a screenshot in `build/screenshots/` (or `$DLCOURSE_SCREENSHOTS`:
`DLCOURSE_SCREENSHOTS=docs pytest tests/test_browser.py` renews the README's pictures).
"""

import json
import os
import re
import shutil
import time
import urllib.parse
from pathlib import Path

import pytest

from autograder.course import REPO_ROOT
from tests.course_copy import lab_server, make_copy, run

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed "
                               "(pip install -c requirements.lock -e '.[dev]')")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium: on Debian, "
                                "apt-get install chromium (.ci/run does)")

ASSIGNMENT = "01_numpy_basics"
TOKEN = "dlcourse-browser-test"
# A fresh profile per launch is Playwright's own; these keep an offline Chromium quiet.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic", "--disable-gpu", "--disable-dev-shm-usage"]
WRONG = "import math\n\ndef basic_sigmoid(x):\n    return 1 / (1 + math.exp(x))"
RIGHT = "import math\n\ndef basic_sigmoid(x):\n    return 1 / (1 + math.exp(-x))"
WAIT_MS = 180_000  # one step, on a busy 2-core machine


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return make_copy(tmp_path_factory.mktemp("browser") / "dlcourse")


@pytest.fixture(scope="module")
def lab_env(tmp_path_factory):
    """JupyterLab settings of the test's own: cells all rendered (no windowing, so the
    n-th cell is in the page), no news prompt; a workspace that remembers nothing."""
    root = tmp_path_factory.mktemp("lab-settings")
    settings = {"notebook-extension/tracker": {"windowingMode": "none"},
                "apputils-extension/notification": {"fetchNews": "false",
                                                    "checkForUpdates": False}}
    for name, values in settings.items():
        path = root / "settings" / "@jupyterlab" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    return {"JUPYTER_TOKEN": TOKEN, "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(root / "workspaces")}


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots():
    folder = Path(os.environ.get("DLCOURSE_SCREENSHOTS") or REPO_ROOT / "build" / "screenshots")
    folder = folder if folder.is_absolute() else REPO_ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def eventually(condition, seconds: float = WAIT_MS / 1000) -> bool:
    """Whether `condition()` holds within `seconds` (polled)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def open_lab(browser, port: int):
    """A fresh browser context on the lab; anything it asks of a host other than the
    loopback (a CDN) fails, as it would offline."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]|data:|blob:)"),
                  lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(f"http://127.0.0.1:{port}/lab?token={TOKEN}")
    page.wait_for_selector("#jp-main-dock-panel")
    return page


def open_assignment_list(page, absent: tuple[str, ...] = ()):
    """Nbgrader > Assignment List, after checking that the menu lacks `absent` items."""
    page.get_by_text("Nbgrader", exact=True).click()
    for item in absent:
        sync_api.expect(page.locator(".lm-Menu")).not_to_contain_text(item)
    page.get_by_text("Assignment List", exact=True).click()
    page.locator("#released_assignments_list").wait_for()


class Notebook:
    """The open notebook's cells, as a student uses them: select, type, run, read."""

    def __init__(self, page):
        self.page = page
        self.cells = page.locator(".jp-NotebookPanel:visible .jp-Notebook .jp-Cell")

    def select(self, index: int):
        self.cells.nth(index).locator(".jp-InputArea-editor").click()
        sync_api.expect(self.cells.nth(index)).to_have_class(re.compile("jp-mod-active"))

    def type(self, index: int, code: str):
        self.select(index)
        self.page.keyboard.press("Control+a")
        self.page.keyboard.insert_text(code)  # as typed, without the editor's auto-indent

    def run(self, index: int) -> str:
        """Run the cell (Ctrl-Enter) and wait for its new execution count; its output.

        A key press that arrives while the lab is still busy can be lost: pressed again
        when the cell has not even been queued ([*]) after 20 s."""
        prompt = self.cells.nth(index).locator(".jp-InputPrompt")
        before = prompt.inner_text()
        for _ in range(3):
            self.select(index)
            self.page.keyboard.press("Control+Enter")
            if eventually(lambda: prompt.inner_text() != before, 20):
                break
        sync_api.expect(prompt).to_have_text(re.compile(r"\[\d+\]"))
        sync_api.expect(prompt).not_to_have_text(before)
        return self.cells.nth(index).locator(".jp-OutputArea").inner_text()


def test_exchange_workflow_in_jupyterlab(copy, lab_env, browser, shots):
    expect = sync_api.expect
    expect.set_options(timeout=WAIT_MS)
    student_dir = copy / "student"

    # -- student: fetch 01 from the Assignment List, answer, check, validate, submit ------
    with lab_server(copy, env=lab_env) as (port, _):
        page = open_lab(browser, port)
        open_assignment_list(page, absent=("Formgrader", "Course List"))  # instructors'
        released = page.locator("#released_assignments_list .list_item", has_text=ASSIGNMENT)
        expect(page.locator("#released_assignments_list")).to_contain_text("06_lstm")
        page.screenshot(path=shots / "lab-1-assignment-list.png")
        released.get_by_role("button", name="Fetch").click()
        fetched = page.locator("#fetched_assignments_list")
        fetched.locator(".assignment-notebooks-link", has_text=ASSIGNMENT).click()
        fetched.locator(".nested_list_item a", has_text=ASSIGNMENT).click()
        assert (student_dir / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").is_file()

        notebook = Notebook(page)
        expect(page.locator(".jp-NotebookPanel:visible .jp-Notebook-ExecutionIndicator")
               ).to_have_attribute("data-status", "idle")
        notebook.run(2)  # the imports
        notebook.type(4, WRONG)
        notebook.run(4)
        failed = notebook.run(5)
        assert "FAIL basic_sigmoid(3): expected 0.9525741268, got 0.04742587318" in failed
        page.screenshot(path=shots / "lab-2-check-fail.png")
        notebook.type(4, RIGHT)
        notebook.run(4)
        assert "PASS basic_sigmoid" in notebook.run(5)
        page.screenshot(path=shots / "lab-3-check-pass.png")
        page.keyboard.press("Escape")
        page.keyboard.press("Control+s")
        saved = student_dir / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        assert eventually(lambda: "math.exp(-x)" in saved.read_text()), "not saved"

        page.get_by_role("tab", name="Assignments").click()
        fetched.locator(".nested_list_item").get_by_role("button", name="Validate").click()
        dialog = page.locator(".jp-Dialog")
        expect(dialog).to_contain_text("check_sigmoid(sigmoid)")
        assert "check_basic_sigmoid" not in dialog.inner_text()
        page.screenshot(path=shots / "lab-4-validate.png")
        dialog.get_by_role("button", name="Ok").click()
        fetched.get_by_role("button", name="Submit").click()
        submitted = page.locator("#submitted_assignments_list")
        expect(submitted.locator(".nested_list_item")).to_contain_text("UTC")
        page.screenshot(path=shots / "lab-5-submitted.png")
        page.context.close()

    # -- instructor: collect, grade, review in the formgrader, release the feedback -------
    course = copy / "autograder"
    run(copy, "nbgrader", "collect", ASSIGNMENT, cwd=course)
    graded = run(copy, "dlcourse", "grade", "autograder/submitted", "--workers", "1").stdout
    assert re.search(rf"{ASSIGNMENT}\s+3/21\s+graded", graded), graded
    with lab_server(copy, "--instructor", env=lab_env) as (port, _):
        page = open_lab(browser, port)
        page.get_by_text("Nbgrader", exact=True).click()
        page.get_by_text("Formgrader", exact=True).click()
        page.goto(f"http://127.0.0.1:{port}/formgrader/manage_submissions/{ASSIGNMENT}"
                  f"?token={TOKEN}")
        expect(page.locator("table")).to_contain_text("3 / 21")
        assert "needs manual grading" not in page.locator("table").inner_text()
        page.screenshot(path=shots / "lab-6-formgrader.png")
        page.context.close()
    run(copy, "nbgrader", "release_feedback", ASSIGNMENT, cwd=course)

    # -- student: fetch the feedback, read the score --------------------------------------
    with lab_server(copy, env=lab_env) as (port, _):
        page = open_lab(browser, port)
        open_assignment_list(page)
        submitted = page.locator("#submitted_assignments_list")
        submitted.get_by_role("button", name="Fetch Feedback").click()
        submitted.get_by_text("(view feedback)").click()
        page.locator(".jp-DirListing-item", has_text=f"{ASSIGNMENT}.html").dblclick()
        feedback = page.frame_locator(".jp-HTMLViewer iframe")
        expect(feedback.locator("h4").first).to_have_text(f"{ASSIGNMENT} (Score: 3.0 / 21.0)")
        expect(feedback.locator("table.exercise-summary")).to_contain_text("basic_sigmoid")
        page.screenshot(path=shots / "lab-7-feedback.png")

        # the same page in a browser tab: its maths typeset with no network
        fetched_page, = student_dir.glob(f"{ASSIGNMENT}/feedback/*/{ASSIGNMENT}.html")
        address = urllib.parse.quote(str(fetched_page.relative_to(student_dir)))
        page.goto(f"http://127.0.0.1:{port}/files/{address}?token={TOKEN}")
        expect(page.locator("mjx-container").first).to_be_visible()
        page.get_by_text("Exercise 2").first.scroll_into_view_if_needed()
        page.screenshot(path=shots / "lab-8-feedback-maths.png")
        page.context.close()
