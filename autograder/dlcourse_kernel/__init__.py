"""Code that runs inside the grading sandbox, beside the student's code.

This package is bound read-only into each sandbox (as the top-level package
`dlcourse_kernel`) and must import nothing else from `autograder`: the sandbox
holds no hidden test, reference or solution, and nothing here may need one.

- `wire`: the plain data that may cross between the sandbox and the grader;
- `bridge`: in the kernel, calls a student's function for the grader;
- `fork_server`: forks a kernel per submission from a process that has already
  imported the kernel's libraries, and ends every process a submission left.
"""
