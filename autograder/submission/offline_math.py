"""Maths in HTML pages with no network: MathJax 3 inlined, never loaded from a CDN.

MathJax's single-file build `tex-svg.js` (from the `django-static-mathjax` package,
which ships MathJax 3.2.2 and nothing else) is stored in the page gzip-compressed and
base64-encoded, and unpacked by the browser (`DecompressionStream`) when the page
opens: about 0.9 MB per page, which then typesets offline, opened from a disk, a
JupyterLab server or an e-mail alike. nbconvert's templates call the `mathjax` macro of
`templates/base/mathjax.html.j2`, which renders `mathjax_html`: feedback pages (see
`nbgrader_config.py`), `dlcourse html NOTEBOOK`, and HTML exported from the course's labs.
"""

import base64
import functools
import gzip
from importlib.resources import files
from pathlib import Path

from markupsafe import Markup
from nbconvert import HTMLExporter
from traitlets.config import Config

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
MATHJAX = files("mathjax") / "static" / "mathjax" / "es5" / "tex-svg.js"
CONFIG = r"""window.MathJax = {
  tex: {inlineMath: [["$", "$"], ["\\(", "\\)"]], displayMath: [["$$", "$$"], ["\\[", "\\]"]],
        processEscapes: true, processEnvironments: true, tags: "ams"},
  svg: {fontCache: "global"}
};"""
LOADER = """(function () {
  var packed = atob("%s"), bytes = new Uint8Array(packed.length);
  for (var i = 0; i < packed.length; i++) bytes[i] = packed.charCodeAt(i);
  var code = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  new Response(code).text().then(function (source) {
    var script = document.createElement("script");
    script.textContent = source;
    document.head.appendChild(script);
  });
})();"""


@functools.cache
def _packed() -> str:
    """tex-svg.js, gzip-compressed (no time stamp: the same bytes every time), in base64."""
    return base64.b64encode(gzip.compress(MATHJAX.read_bytes(), 9, mtime=0)).decode("ascii")


def mathjax_html(url=None) -> Markup:
    """The `<script>` elements that typeset the page's TeX; `url` (nbconvert's CDN
    address) is ignored."""
    return Markup(f'<script>\n{CONFIG}\n</script>\n<script>\n{LOADER % _packed()}\n</script>')


def html_exporter_config() -> Config:
    """nbconvert settings for HTML with offline maths and progress bars as text (see
    `widget_text`), for any `HTMLExporter`."""
    config = Config()
    config.HTMLExporter.preprocessors = ["autograder.submission.widget_text.WidgetsAsText"]
    config.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    config.HTMLExporter.filters = {
        "offline_mathjax": "autograder.submission.offline_math.mathjax_html"}
    return config


def export_html(notebook: Path, output_dir: Path) -> Path:
    """`notebook` as an HTML page in `output_dir`, maths typeset offline."""
    body, _ = HTMLExporter(config=html_exporter_config()).from_filename(str(notebook))
    output_dir.mkdir(parents=True, exist_ok=True)
    page = output_dir / f"{notebook.stem}.html"
    page.write_text(body, encoding="utf-8")
    return page
