"""A static scan of the code a student wrote, for what an honest answer never needs.

It reads every code cell that is not an instructor's cell as it was released,
and reports each suspicious line: monkeypatching a library, the checks or
builtins, touching `sys.modules` or `__import__`, running code built from
strings, importing the grader, reaching into IPython, or reading and deleting
files outside the submission. A finding does not change the score: it flags
the submission for an instructor to review, with the offending line.
"""

import ast
import re
from dataclasses import dataclass

GUARDED_MODULES = {"np", "numpy", "math", "builtins", "sys", "random", "course_utils",
                   "checks", "core", "gradcheck", "autograder", "importlib", "inspect"}
DYNAMIC_CALLS = {"exec": "runs code built from a string", "eval": "runs code built from a string",
                 "compile": "compiles code built from a string",
                 "__import__": "imports a module dynamically",
                 "globals": "reaches into the notebook's global namespace",
                 "get_ipython": "reaches into IPython",
                 "setattr": "sets an attribute by name", "delattr": "deletes an attribute"}
FORBIDDEN_IMPORTS = {"autograder": "imports the grader", "builtins": "imports builtins",
                     "importlib": "imports modules dynamically", "ctypes": "uses ctypes",
                     "subprocess": "runs other programs", "shutil": "copies or deletes files",
                     "gc": "reaches into the garbage collector"}
OUTSIDE = re.compile(r"^(/[\w.]|~/|\.\./)|[/\\]\.\.[/\\]")

@dataclass(frozen=True)
class Finding:
    cell: str
    line: int
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.cell}, line {self.line}: `{self.code}` ({self.reason})"


def scan_notebook(notebook, release_sources: set[str]) -> list[Finding]:
    findings = []
    checks = set().union(*(imported_checks(s) for s in release_sources))
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or cell.source.strip() in release_sources:
            continue
        name = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {index + 1}"
        findings += scan_source(cell.source, name, checks)
    return findings


def imported_checks(source: str) -> set[str]:
    """Names a cell imports from `course_utils`: the notebook's check functions."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {alias.asname or alias.name for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("course_utils")
            for alias in node.names}


def scan_source(source: str, cell: str, checks: frozenset | set = frozenset()) -> list[Finding]:
    """Findings in one cell's source; `checks` are names that must keep their meaning."""
    lines = source.splitlines()
    python = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in lines)
    try:
        tree = ast.parse(python)
    except SyntaxError:
        return []  # it will fail when it runs, and lose its points there
    found = []
    for node in ast.walk(tree):
        reason = _suspicious(node) or _replaces_check(node, checks)
        if reason:
            line = getattr(node, "lineno", 1)
            found.append(Finding(cell, line, lines[line - 1].strip(), reason))
    return sorted(set(found), key=lambda f: f.line)


def _suspicious(node) -> str | None:
    if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign | ast.Delete):
        targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
        for target in targets:
            root = _root_name(target)
            if isinstance(target, ast.Attribute | ast.Subscript) and root in GUARDED_MODULES:
                return f"changes `{root}` itself"
    if isinstance(node, ast.Import | ast.ImportFrom):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [
            alias.name for alias in node.names]
        for name in names:
            top = name.split(".")[0]
            if top in FORBIDDEN_IMPORTS:
                return FORBIDDEN_IMPORTS[top]
    if isinstance(node, ast.Attribute) and node.attr in {"modules", "__builtins__", "__dict__",
                                                           "__globals__", "__code__"}:
        return f"touches `{node.attr}`"
    if isinstance(node, ast.Name) and node.id == "__builtins__":
        return "touches `__builtins__`"
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and OUTSIDE.search(
            node.value):
        return "touches files outside the submission folder"
    if isinstance(node, ast.Call):
        name = _call_name(node)
        if name in DYNAMIC_CALLS:
            return DYNAMIC_CALLS[name]
        if name in {"remove", "unlink", "rmtree", "system", "popen"}:
            return "deletes files or runs programs"
        if name in {"fork", "forkpty", "Process", "Pool"}:
            return "starts processes"
    return None


def _replaces_check(node, checks) -> str | None:
    if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name in checks:
        return "replaces a grading function"
    targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else (
        [node.target] if isinstance(node, ast.AugAssign | ast.AnnAssign) else [])
    if any(isinstance(t, ast.Name) and t.id in checks for t in targets):
        return "replaces a grading function"
    return None


def _root_name(node) -> str | None:
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None

