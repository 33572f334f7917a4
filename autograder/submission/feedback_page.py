"""The feedback page's summary: one row per exercise with its visible check and its
hidden tests, named, instead of nbgrader's list of anonymous "Test cell" links."""

PARTS = ("visible", "hidden")


def exercise_rows(nb) -> list[dict]:
    """Per exercise, in notebook order: its name, the anchor of its first graded cell,
    and "score / points" of its visible check, its hidden tests and both ("" when the
    exercise has no such part). Test cells are `NAME-visible` / `NAME-hidden`; any other
    graded cell is an exercise of its own."""
    rows: dict[str, dict] = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("grade") or meta.get("solution"):
            continue
        name, _, part = meta["grade_id"].rpartition("-")
        if part not in PARTS:
            name, part = meta["grade_id"], "visible"
        row = rows.setdefault(name, {"exercise": name, "anchor": meta["grade_id"],
                                     "score": 0.0, "points": 0.0})
        score, points = float(meta.get("score") or 0), float(meta.get("points") or 0)
        row[part] = _fraction(score, points)
        row["score"] += score
        row["points"] += points
    for row in rows.values():
        row["total"] = _fraction(row.pop("score"), row.pop("points"))
        for part in PARTS:
            row.setdefault(part, "")
    return list(rows.values())


def _fraction(score: float, points: float) -> str:
    return f"{score:g} / {points:g}"
