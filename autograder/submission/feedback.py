"""What a student's feedback may show: their code, their outputs and the failure
messages, never the source of hidden tests or tracebacks into the grader, and no
active content from the student: the page is opened by the student and by
instructors, so a `<script>` or an `onerror=` written into a Markdown cell or
displayed with `display(HTML(...))` must arrive as harmless text.

Sanitising is nbconvert's own (its `sanitize_html` option, which drops JavaScript and
widget outputs and the widget state, and its `SanitizeHTML` preprocessor, which keeps
only safe output types), with bleach's allowlists widened to the HTML that Markdown
makes. Rendered Markdown is cleaned after rendering, because nbgrader's feedback
template renders Markdown cells without nbconvert's cleaning. Output metadata is
dropped: the template writes image sizes into attributes without quotes. Disallowed
tags are escaped, not removed, so the student still reads what they wrote.
"""

import json
import re
from pathlib import Path

import bleach
from bleach.css_sanitizer import CSSSanitizer
from jinja2 import pass_context
from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbconvert.preprocessors.sanitize import SanitizeHTML
from nbgrader.converters import GenerateFeedback
from nbgrader.preprocessors import NbGraderPreprocessor

from autograder.submission.execute import GRADER_ERRORS

REMEMBERED_CELLS = 20_000  # highlighted cells or Markdown sources kept per exporter
HIDDEN_REGION = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[ \t]*\n?",
                           re.MULTILINE | re.DOTALL)


def hide_hidden_tests(source: str) -> str:
    return HIDDEN_REGION.sub("", source).rstrip("\n")


def error_summary(output) -> str:
    """One line for an error output: the check's message, the grader's, or `Name: value`."""
    if output.get("ename") == "CheckFailure":
        return f"FAIL {output.get('evalue', '')}"
    if output.get("ename") in GRADER_ERRORS:
        return output.get("evalue", "")
    return f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"


class HideGraderInternals(NbGraderPreprocessor):
    """Remove hidden-test regions, cut tracebacks to one line."""

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type == "code":
            cell.source = hide_hidden_tests(cell.source)
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    output.traceback = [error_summary(output)]
        return cell, resources


# What rendered Markdown and HTML outputs may contain: text structure, tables, links
# and images; no scripts, frames, forms, event handlers or `javascript:` URLs.
SAFE_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "dd", "del",
    "details", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "kbd", "li", "ol", "p", "pre", "s", "samp", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var"})
SAFE_ATTRIBUTES = {"*": {"class", "id", "title", "align", "style"},
                   "a": {"href", "name"}, "img": {"src", "alt", "width", "height"},
                   "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"},
                   "ol": {"start"}}
SAFE_PROTOCOLS = frozenset({"http", "https", "mailto", "data"})
CSS = CSSSanitizer()  # bleach's list of harmless CSS properties


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if name not in SAFE_ATTRIBUTES["*"] | SAFE_ATTRIBUTES.get(tag, set()):
        return False
    if value.strip().lower().startswith("data:"):  # embedded images only
        return tag == "img" and name == "src" and value.strip().lower().startswith("data:image/")
    return True


def sanitized(html: str) -> str:
    """`html` with only safe tags, attributes and URLs; any other tag is escaped to text."""
    return bleach.clean(html, tags=SAFE_TAGS, attributes=_allowed_attribute,
                        protocols=SAFE_PROTOCOLS, strip=False, strip_comments=True,
                        css_sanitizer=CSS)


class SanitizeStudentContent(SanitizeHTML):
    """nbconvert's `SanitizeHTML` with our allowlists: outputs of safe types only (no
    JavaScript, no widgets, no SVG), HTML and Markdown outputs cleaned, output metadata
    dropped. Markdown cells are cleaned once rendered (`FeedbackExporter.markdown2html`)."""

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type == "markdown":
            return cell, resources
        for output in cell.get("outputs", []):
            if "metadata" in output:
                output.metadata = {}
        return super().preprocess_cell(cell, resources, cell_index)

    def sanitize_html_tags(self, html_str):
        return sanitized(html_str)


def remembered(cache: dict, key, make):
    """`cache[key]`, made by `make()` the first time; the cache empties when full."""
    if key not in cache:
        if len(cache) >= REMEMBERED_CELLS:
            cache.clear()
        cache[key] = make()
    return cache[key]


class RememberingHighlight(Highlight2HTML):
    """Pygments highlighting that remembers its results: most cells are the same in every
    submission, and highlighting them was a third of a feedback page's time."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.remembered: dict[tuple, str] = {}

    def __call__(self, source, language=None, metadata=None):
        key = (source, language, json.dumps(metadata or {}, sort_keys=True, default=str))
        return remembered(self.remembered, key,
                          lambda: super(RememberingHighlight, self).__call__(
                              source, language, metadata))


class FeedbackExporter(HTMLExporter):
    """nbconvert's HTML exporter without its final pass, which parses the whole page again
    with BeautifulSoup to add `tabindex` to JupyterLab-styled cells and `alt` text to
    images. nbgrader's feedback page is classic-styled and grading draws no figures, so the
    pass changes nothing there, and it took half the time of a feedback page.

    It also remembers highlighted code and rendered Markdown (without attachments) from
    one page to the next: the instructions are the same in every submission."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.markdown: dict[str, str] = {}
        self.highlight: RememberingHighlight | None = None

    @pass_context
    def markdown2html(self, context, source):
        """Markdown rendered, then sanitised: this is where a student's HTML would act."""
        if context.get("cell", {}).get("attachments") or self.embed_images:
            return sanitized(super().markdown2html(context, source))
        return remembered(self.markdown, source, lambda: sanitized(
            super(FeedbackExporter, self).markdown2html(context, source)))

    def from_notebook_node(self, nb, resources=None, **kw):
        info = nb.metadata.get("language_info", {})
        lexer = info.get("pygments_lexer", info.get("name"))
        if self.highlight is None or self.highlight.pygments_lexer != lexer:
            self.highlight = RememberingHighlight(pygments_lexer=lexer, parent=self)
        self.register_filter("highlight_code", self.filters.get("highlight_code", self.highlight))
        resources = self._init_resources(resources)
        self.register_filter("filter_data_type", WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources))
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


class FeedbackWriter:
    """Feedback pages from autograded notebooks, with nbgrader's `GenerateFeedback`
    settings, its HTML exporter built once rather than once per submission. Sanitising
    is always on, whatever the configuration says: it is not a setting."""

    def __init__(self, coursedir, config):
        converter = GenerateFeedback(coursedir=coursedir, config=config)
        self.exporter = FeedbackExporter(parent=converter, config=converter.config)
        self.exporter.sanitize_html = True
        self.exporter.register_filter("clean_html", sanitized)  # one allowlist everywhere
        for preprocessor in converter.preprocessors:
            self.exporter.register_preprocessor(preprocessor)
        self.exporter.register_preprocessor(SanitizeStudentContent(parent=self.exporter),
                                            enabled=True)
        self.db_url = coursedir.db_url

    def html(self, autograded: Path, assignment: str, student: str) -> str:
        resources = {"unique_key": assignment, "output_files_dir": f"{assignment}_files",
                     "nbgrader": {"student": student, "assignment": assignment,
                                  "notebook": assignment, "db_url": self.db_url}}
        html, _ = self.exporter.from_filename(str(autograded), resources=resources)
        return html
