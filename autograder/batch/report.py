"""`dlcourse report`: the class report an instructor reads first after grading.

For each assignment graded in a workspace, `exports/report/<assignment>.html`
(one self-contained page: figures embedded) and `<assignment>.csv`, plus an
`index.html`. A page shows the score histogram, the pass rate of every
exercise (an exercise passes when all its graded cells score full marks), the
most frequent failure messages with their counts, the submissions flagged for
review and those that could not be graded. It reads the results stored by
`dlcourse grade` (`workspace/results/`), so it covers every run so far.
"""

import base64
import io
import statistics
from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402 - after choosing the backend
from matplotlib.ticker import MaxNLocator  # noqa: E402

from autograder.batch import stored_results  # noqa: E402
from autograder.batch.exports import Number, number, write_csv  # noqa: E402
from autograder.batch.results import Result  # noqa: E402

TOP_FAILURES = 15
CSV_COLUMNS = ["exercise", "part", "max_score", "graded", "full_marks", "pass_rate",
               "mean_score", "most_frequent_failure", "failure_count"]


@dataclass
class ExerciseStats:
    name: str
    parts: dict[str, list[tuple[float, float, str]]]  # part -> (score, max, message) each

    @property
    def submissions(self) -> int:
        return max(len(rows) for rows in self.parts.values())

    def passed(self) -> int:
        rows = zip(*self.parts.values(), strict=True)
        return sum(all(score == top for score, top, _ in row) for row in rows)


def write_reports(workspace: Path) -> list[Path]:
    results = stored_results(workspace)
    folder = workspace / "exports" / "report"
    folder.mkdir(parents=True, exist_ok=True)
    by_assignment: dict[str, list[Result]] = {}
    for result in results:
        by_assignment.setdefault(result.assignment, []).append(result)
    pages = []
    for assignment in sorted(by_assignment):
        class_results = by_assignment[assignment]
        exercises = exercise_stats(class_results)
        page = folder / f"{assignment}.html"
        page.write_text(assignment_page(assignment, class_results, exercises), encoding="utf-8")
        write_exercise_csv(folder / f"{assignment}.csv", exercises)
        pages.append(page)
    if pages:
        index = folder / "index.html"
        index.write_text(index_page(by_assignment), encoding="utf-8")
        pages.insert(0, index)
    return pages


def exercise_stats(results: list[Result]) -> list[ExerciseStats]:
    """Per exercise, in notebook order, each graded submission's score on each part."""
    exercises: dict[str, ExerciseStats] = {}
    for result in results:
        for cell in result.cells:
            stats = exercises.setdefault(cell.exercise, ExerciseStats(cell.exercise, {}))
            stats.parts.setdefault(cell.part, []).append(
                (cell.score, cell.max_score, cell.message))
    return list(exercises.values())


def frequent_failures(results: list[Result]) -> list[tuple[str, str, int]]:
    """(exercise, message, count), most frequent first."""
    counts = Counter((cell.exercise, cell.message) for result in results
                     for cell in result.cells if cell.score < cell.max_score and cell.message)
    return [(exercise, message, count)
            for (exercise, message), count in counts.most_common(TOP_FAILURES)]


def write_exercise_csv(path: Path, exercises: list[ExerciseStats]) -> None:
    rows = []
    for stats in exercises:
        for part, scores in stats.parts.items():
            full = sum(score == top for score, top, _ in scores)
            failures = Counter(message for score, top, message in scores
                               if score < top and message).most_common(1)
            message, count = failures[0] if failures else ("", 0)
            rows.append([stats.name, part, number(scores[0][1]), len(scores), full,
                         Number(f"{full / len(scores):.3f}"),
                         Number(f"{statistics.fmean(s for s, _, _ in scores):.3f}"),
                         message, count])
    write_csv(path, CSV_COLUMNS, rows)


# -- HTML --------------------------------------------------------------------------------------

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
h1 { margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid #eee;
         vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; }
.cards { display: flex; gap: 1em; flex-wrap: wrap; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 0.6em 1em; min-width: 7em; }
.card b { display: block; font-size: 1.5em; }
.flagged { color: #8a5a00; } .error { color: #a00; }
code { font-size: 0.9em; white-space: pre-wrap; }
img { max-width: 100%; }
"""


def assignment_page(assignment: str, results: list[Result],
                    exercises: list[ExerciseStats]) -> str:
    max_score = max(r.max_score for r in results)
    scores = [r.score for r in results]
    graded = [r for r in results if r.status != "error"]
    flagged = [r for r in results if r.status == "flagged"]
    errors = [r for r in results if r.status == "error"]
    cards = [("submissions", len(results)), ("graded", len(graded)),
             ("flagged", len(flagged)), ("not gradable", len(errors)),
             ("mean score", f"{statistics.fmean(scores):.1f} / {number(max_score)}"),
             ("median", f"{statistics.median(scores):g}")]
    parts = [f"<h1>{escape(assignment)}</h1>",
             f"<p>Class report of {len(results)} submissions. Scores out of "
             f"{number(max_score)} points.</p>",
             '<div class="cards">' + "".join(
                 f'<div class="card"><b>{escape(str(value))}</b>{escape(label)}</div>'
                 for label, value in cards) + "</div>",
             "<h2>Scores</h2>", _image(histogram(scores, max_score, assignment)),
             "<h2>Exercises</h2>", _image(pass_rate_chart(exercises)),
             exercise_table(exercises),
             "<h2>Most frequent failures</h2>", failure_table(frequent_failures(results)),
             f"<h2>Flagged for review ({len(flagged)})</h2>",
             _people(flagged, "flagged", "Nothing was flagged."),
             f"<h2>Could not be graded ({len(errors)})</h2>",
             _people(errors, "error", "Every submission was graded.")]
    return _html(f"{assignment}: class report", "\n".join(parts))


def exercise_table(exercises: list[ExerciseStats]) -> str:
    html_rows = []
    for stats in exercises:
        points = sum(scores[0][1] for scores in stats.parts.values())
        cells = [f"<td>{escape(stats.name)}</td>", f'<td class="n">{number(points)}</td>',
                 f'<td class="n">{_percent(stats.passed(), stats.submissions)}</td>']
        for part in ("visible", "hidden"):
            scores = stats.parts.get(part, [])
            full = sum(score == top for score, top, _ in scores)
            cells.append(f'<td class="n">{_percent(full, len(scores)) if scores else "-"}</td>')
        mean = sum(statistics.fmean(s for s, _, _ in scores) for scores in stats.parts.values())
        cells.append(f'<td class="n">{mean:.2f}</td>')
        html_rows.append("<tr>" + "".join(cells) + "</tr>")
    head = ("<tr><th>exercise</th><th class=n>points</th><th class=n>passed</th>"
            "<th class=n>visible check</th><th class=n>hidden tests</th>"
            "<th class=n>mean points</th></tr>")
    return f"<table>{head}{''.join(html_rows)}</table>"


def failure_table(failures: list[tuple[str, str, int]]) -> str:
    if not failures:
        return "<p>No failures.</p>"
    rows = "".join(f'<tr><td class="n">{count}</td><td>{escape(exercise)}</td>'
                   f"<td><code>{escape(message)}</code></td></tr>"
                   for exercise, message, count in failures)
    return (f"<table><tr><th class=n>count</th><th>exercise</th><th>message</th></tr>"
            f"{rows}</table>")


def _people(results: list[Result], css: str, empty: str) -> str:
    if not results:
        return f"<p>{empty}</p>"
    rows = "".join(f'<tr class="{css}"><td>{escape(r.student)}</td>'
                   f'<td class="n">{number(r.score)}</td><td>{escape(r.reason)}</td></tr>'
                   for r in sorted(results, key=lambda r: r.student))
    return f"<table><tr><th>student</th><th class=n>score</th><th>reason</th></tr>{rows}</table>"


def index_page(by_assignment: dict[str, list[Result]]) -> str:
    rows = "".join(
        f'<tr><td><a href="{escape(a)}.html">{escape(a)}</a></td>'
        f'<td class="n">{len(rs)}</td>'
        f'<td class="n">{statistics.fmean(r.score for r in rs):.1f} / '
        f'{number(max(r.max_score for r in rs))}</td>'
        f'<td class="n">{sum(r.status == "flagged" for r in rs)}</td>'
        f'<td class="n">{sum(r.status == "error" for r in rs)}</td></tr>'
        for a, rs in sorted(by_assignment.items()))
    table = ("<table><tr><th>assignment</th><th class=n>submissions</th>"
             "<th class=n>mean score</th><th class=n>flagged</th>"
             f"<th class=n>not gradable</th></tr>{rows}</table>")
    return _html("Class report", f"<h1>Class report</h1>{table}")


def _html(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body>\n{body}\n</body></html>\n")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "-"


# -- figures -----------------------------------------------------------------------------------

def histogram(scores: list[float], max_score: float, assignment: str):
    fig, ax = plt.subplots(figsize=(8, 3.2))
    bins = [x - 0.5 for x in range(int(max_score) + 2)]
    ax.hist(scores, bins=bins, color="#4c72b0", edgecolor="white")
    ax.axvline(statistics.fmean(scores), color="#c44e52", linestyle="--",
               label=f"mean {statistics.fmean(scores):.1f}")
    ax.set(xlabel=f"score (out of {number(max_score)})", ylabel="submissions",
           xlim=(-0.5, max_score + 0.5), title=f"{assignment}: scores")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(frameon=False)
    return fig


def pass_rate_chart(exercises: list[ExerciseStats]):
    names = [stats.name for stats in exercises]
    rates = [100 * stats.passed() / stats.submissions for stats in exercises]
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(names) + 1.2))
    ax.barh(names[::-1], rates[::-1], color="#55a868")
    for y, rate in enumerate(rates[::-1]):
        ax.text(min(rate + 1, 92), y, f"{rate:.0f} %", va="center", fontsize=9)
    ax.set(xlim=(0, 100), xlabel="submissions with full marks on the exercise (%)",
           title="pass rate per exercise")
    return fig


def _image(fig) -> str:
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode()
    return f'<img alt="" src="data:image/png;base64,{data}">'
