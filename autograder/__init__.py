"""The instructor's side of dlcourse: nbgrader configuration, hidden tests and the
`dlcourse` command (build the student release, check, grade, demo)."""
