"""HTML from nbconvert in the course's labs (and their terminals): maths typeset offline,
MathJax inlined rather than loaded from a CDN (autograder/submission/offline_math.py)."""

from autograder.submission.offline_math import html_exporter_config

c = get_config()  # noqa: F821 - provided by traitlets when the file is loaded
c.merge(html_exporter_config())
