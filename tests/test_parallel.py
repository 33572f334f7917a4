"""Grading at class scale: a local process pool, a Dask cluster and a PostgreSQL gradebook
all give exactly the grades of one worker with SQLite; a worker that dies costs only its
own submission; the exports and the class report say what happened."""

import csv
import os
import re

import nbformat
import pytest

from autograder.batch import dispatch, grade_folder, stored_results
from autograder.batch.gradebook import scores
from autograder.batch.report import frequent_failures, write_reports
from autograder.batch.results import CellResult, Job, Outcome, Result
from autograder.batch.workers import WorkerSettings
from autograder.course.examples import make_submission, write_examples
from tests.postgres import postgres_server

ASSIGNMENT = "01_numpy_basics"


@pytest.fixture(scope="module")
def submissions(tmp_path_factory):
    """The example submissions, one flagged for review and one that is not a notebook."""
    folder = tmp_path_factory.mktemp("class") / "submissions"
    write_examples(folder, [ASSIGNMENT])
    suspicious = make_submission(ASSIGNMENT, "perfect")
    suspicious.cells.append(nbformat.v4.new_code_cell("import subprocess"))
    (folder / "suspicious").mkdir()
    nbformat.write(suspicious, folder / "suspicious" / f"{ASSIGNMENT}.ipynb")
    (folder / "broken").mkdir()
    (folder / "broken" / f"{ASSIGNMENT}.ipynb").write_text("{ not json")
    return folder


@pytest.fixture(scope="module")
def one_worker(submissions, tmp_path_factory):
    workspace = tmp_path_factory.mktemp("one-worker")
    return workspace, grade_folder(submissions, workspace, workers=1)


def summary(results: list[Result]) -> list[tuple]:
    return [(r.student, r.assignment, r.score, r.max_score, r.status, r.reason,
             [(c.grade_id, c.score, c.max_score, steady(c.message)) for c in r.cells])
            for r in results]


def steady(message: str) -> str:
    """Python words a RecursionError by where the limit struck ("... exceeded" or
    "... exceeded in comparison"), which varies from run to run."""
    return re.sub(r"(maximum recursion depth exceeded)[^:`]*", r"\1", message)


def gradebook_scores(workspace):
    return scores(f"sqlite:///{workspace / 'gradebook.db'}")


def test_one_worker_grades_the_class(one_worker):
    workspace, results = one_worker
    assert {r.student: (r.score, r.status) for r in results} == {
        "perfect": (21, "graded"), "variants": (21, "graded"), "typical_mistakes": (7, "graded"),
        "errors": (0, "graded"), "untouched": (0, "graded"), "suspicious": (21, "flagged"),
        "broken": (0, "error")}
    assert gradebook_scores(workspace) == {
        (r.student, ASSIGNMENT): r.score for r in results}


def test_a_process_pool_gives_the_same_grades(submissions, one_worker, tmp_path):
    workspace, expected = one_worker
    results = grade_folder(submissions, tmp_path, workers=2)
    assert summary(results) == summary(expected)
    assert gradebook_scores(tmp_path) == gradebook_scores(workspace)
    assert (tmp_path / "exports" / "grades.csv").read_text() == (
        workspace / "exports" / "grades.csv").read_text()
    assert not (tmp_path / "workers" / "scratch").exists()


def test_a_dask_cluster_gives_the_same_grades(submissions, one_worker, tmp_path):
    distributed = pytest.importorskip("distributed")
    workspace, expected = one_worker
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        results = grade_folder(submissions, tmp_path, scheduler=cluster.scheduler_address)
    assert summary(results) == summary(expected)
    assert gradebook_scores(tmp_path) == gradebook_scores(workspace)
    feedback = {r.student: r.feedback for r in results if r.feedback}
    assert feedback["perfect"].parent.parent == tmp_path / "exports" / "feedback"
    assert "sigmoid" in feedback["perfect"].read_text()


def test_a_postgresql_gradebook_gets_the_same_grades(submissions, one_worker, tmp_path):
    workspace, expected = one_worker
    with postgres_server(tmp_path) as db_url:
        results = grade_folder(submissions, tmp_path / "workspace", workers=2, db_url=db_url)
        assert summary(results) == summary(expected)
        assert scores(db_url) == gradebook_scores(workspace)
    assert not (tmp_path / "workspace" / "gradebook.db").exists()


def die_on_bob(job: Job, settings: WorkerSettings) -> Outcome:
    if job.student == "bob":
        os._exit(1)
    return Outcome(Result(job.student, job.assignment, 1, 1, "graded"))


def test_a_worker_that_dies_costs_only_its_own_submission():
    jobs = [Job(name, ASSIGNMENT, "x.ipynb", b"") for name in ("ada", "bob", "cy", "dee")]
    outcomes = dict(dispatch.run_pool(jobs, WorkerSettings(), 2, task=die_on_bob))
    results = {jobs[i].student: o.result for i, o in outcomes.items()}
    assert sorted(results) == ["ada", "bob", "cy", "dee"]
    assert {name: r.status for name, r in results.items()} == {
        "ada": "graded", "bob": "error", "cy": "graded", "dee": "graded"}
    assert "the grading worker died" in results["bob"].reason


def read_csv(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_lms_export_has_one_row_per_gradable_submission(one_worker):
    workspace, results = one_worker
    rows = read_csv(workspace / "exports" / "lms.csv")
    assert list(rows[0]) == ["student_id", "assignment", "score", "max_score"]
    assert {(r["student_id"], r["assignment"], r["score"], r["max_score"]) for r in rows} == {
        (r.student, ASSIGNMENT, f"{r.score:g}", "21") for r in results}


def test_the_class_report_shows_scores_exercises_failures_and_flags(one_worker):
    workspace, results = one_worker
    pages = write_reports(workspace)
    report = workspace / "exports" / "report"
    assert pages == [report / "index.html", report / f"{ASSIGNMENT}.html"]
    html = pages[1].read_text()
    assert html.count('src="data:image/png;base64,') == 2  # histogram, pass rates
    for exercise in ("basic_sigmoid", "sigmoid_derivative", "stable_softmax"):
        assert f"<td>{exercise}</td>" in html
    assert "name &#x27;S&#x27; is not defined" in html  # a failure of the errors example
    flagged = html.split("Flagged for review (1)")[1].split("Could not be graded")[0]
    assert "suspicious" in flagged and "import subprocess" in flagged
    assert "broken" in html.split("Could not be graded (1)")[1]
    rows = {(r["exercise"], r["part"]): r for r in read_csv(report / f"{ASSIGNMENT}.csv")}
    # 7 submissions, 6 graded: perfect, variants and suspicious pass everything
    sigmoid = rows[("sigmoid", "hidden")]
    assert (sigmoid["graded"], sigmoid["full_marks"], sigmoid["pass_rate"]) == ("6", "3", "0.500")
    assert len(stored_results(workspace)) == 7


def test_frequent_failures_are_counted_per_exercise_and_message():
    def result(student, *failures):
        cells = [CellResult(f"{exercise}-hidden", 0, 2, message) for exercise, message in failures]
        return Result(student, ASSIGNMENT, 0, 2, "graded", cells=cells)

    results = [result("a", ("sigmoid", "FAIL x"), ("softmax", "FAIL y")),
               result("b", ("sigmoid", "FAIL x")),
               result("c", ("softmax", "FAIL x"))]
    assert frequent_failures(results) == [
        ("sigmoid", "FAIL x", 2), ("softmax", "FAIL y", 1), ("softmax", "FAIL x", 1)]


def test_the_report_of_an_empty_workspace_is_empty(tmp_path):
    assert write_reports(tmp_path) == []
