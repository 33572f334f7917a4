"""nbgrader configuration of the course. The course root is this folder.

Plain `nbgrader` commands run from here use it as it is; `dlcourse` loads it and
points the root at a grading workspace of its own.
"""

import os

import nbgrader

c = get_config()  # noqa: F821 - provided by traitlets when the file is loaded

here = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = here
c.CourseDirectory.source_directory = os.path.join("..", "solutions")
c.CourseDirectory.release_directory = os.path.join("..", "notebooks")
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(here, "gradebook.db")
c.CourseDirectory.course_id = "dlcourse"

# nbgrader's exchange (release, fetch, submit, collect, feedback): `exchange/` beside
# this folder, or $DLCOURSE_EXCHANGE (on a shared JupyterHub, a folder all users reach).
c.Exchange.root = os.environ.get("DLCOURSE_EXCHANGE") or os.path.join(here, "..", "exchange")

# Answer cells in the student release.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# A NumPy warning on stderr must not zero a passing test cell: drop stderr
# output that is a warning before nbgrader scores the cell.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = r"\w*Warning\b"

# Restore test cells that a student deleted, from the gradebook.
c.OverwriteCells.add_missing_cells = True

# Per-cell time limit. A loop that swallows KeyboardInterrupt must fail its own
# cell, not the whole submission.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
c.Execute.raise_on_iopub_timeout = False

# At autograde, cells run under autograder.submission.execute.GuardedExecute: it also
# replaces a kernel stuck after a timeout, reports a dead kernel, limits memory,
# bounds the whole notebook's time and caps each cell's output.
c.Autograde.autograde_preprocessors = [
    "autograder.submission.execute.GuardedExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.GuardedExecute.memory_limit_gb = 4.0
c.GuardedExecute.max_processes = 512  # processes and threads, where cgroups allow
c.GuardedExecute.notebook_timeout = 900
c.GuardedExecute.notebook_timeouts = {}  # e.g. {"05_cnn_from_scratch": 300}
# Figures grade nothing: grading kernels draw none (True: feedback shows the plots).
c.GuardedExecute.render_figures = False
# The cells after the last graded one (training, figures, timing demos) grade
# nothing: they are not run (True: run them, and show their results in the feedback).
c.GuardedExecute.run_ungraded_tail = False
# Every kernel's process group is killed after its notebook: no need to wait for it.
c.Execute.shutdown_kernel = "immediate"
# Grading kernels talk to the grader on loopback only; keep their start-up
# notice about unencrypted local sockets out of the instructor's terminal.
c.Execute.extra_arguments = ["--IPKernelApp.log_level=ERROR"]

# Feedback for students: no hidden-test source, no tracebacks into the grader.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "autograder.submission.feedback.HideGraderInternals",
    "autograder.submission.widget_text.WidgetsAsText",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
# `nbgrader generate_feedback` writes the same pages as `dlcourse grade`.
c.GenerateFeedback.exporter_class = "autograder.submission.feedback.FeedbackExporter"
# Feedback pages: a summary naming each exercise with its visible and hidden points,
# failure messages that wrap, maths typeset offline (MathJax inlined, no CDN).
_nbgrader_templates = os.path.join(os.path.dirname(nbgrader.__file__), "server_extensions",
                                   "formgrader", "templates")
c.FeedbackExporter.template_name = "dlcourse_feedback"
c.FeedbackExporter.extra_template_basedirs = [os.path.join(here, "templates"), _nbgrader_templates]
c.FeedbackExporter.extra_template_paths = [
    _nbgrader_templates,
    os.path.join(_nbgrader_templates, "..", "static", "node_modules", "bootstrap", "dist", "css")]
c.FeedbackExporter.filters = {"offline_mathjax": "autograder.submission.offline_math.mathjax_html",
                              "exercise_rows": "autograder.submission.feedback_page.exercise_rows"}
