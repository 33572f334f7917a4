"""One submission: intake, the sandboxed kernel, trusted checks, feedback."""
