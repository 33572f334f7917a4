"""HTML that the course's labs export (File > Save and Export Notebook As > HTML):
maths typeset offline, MathJax inlined rather than loaded from a CDN."""

from autograder.submission.offline_math import html_exporter_config

c = get_config()  # noqa: F821 - provided by traitlets when the file is loaded
c.merge(html_exporter_config())
