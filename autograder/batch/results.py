"""What grading one submission produces, in a form that crosses processes and machines."""

from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class CellResult:
    grade_id: str
    score: float
    max_score: float
    message: str = ""

    @property
    def exercise(self) -> str:
        return self.grade_id.rsplit("-", 1)[0]

    @property
    def part(self) -> str:
        return self.grade_id.rsplit("-", 1)[-1]


@dataclass
class Result:
    student: str
    assignment: str | None
    score: float
    max_score: float
    status: str  # graded | flagged | error
    reason: str = ""
    cells: list[CellResult] = field(default_factory=list)
    feedback: Path | None = None

    def to_json(self) -> dict:
        return {**asdict(self), "feedback": str(self.feedback) if self.feedback else None}

    @classmethod
    def from_json(cls, data: dict) -> "Result":
        data = dict(data)
        cells = [CellResult(**c) for c in data.pop("cells")]
        feedback = data.pop("feedback")
        return cls(**data, cells=cells, feedback=Path(feedback) if feedback else None)


@dataclass
class Job:
    """One submission to grade: everything a worker needs, on any machine."""

    student: str
    assignment: str
    filename: str
    content: bytes
    review: list[str] = field(default_factory=list)  # why an instructor should look
    notices: list[str] = field(default_factory=list)  # what the student is told


@dataclass
class Outcome:
    """A worker's answer: the result, the notebooks it made and where its time went."""

    result: Result
    submitted: str | None = None  # the notebook as graded, JSON
    autograded: str | None = None  # the notebook after grading, JSON
    feedback_html: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # by phase
