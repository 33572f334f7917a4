"""What an HTML page would run in a browser, found by parsing it."""

from html.parser import HTMLParser
from pathlib import Path


class ActiveContent(HTMLParser):
    """The scripts, frames, event handlers and script URLs of an HTML page."""

    def __init__(self):
        super().__init__()
        self.scripts: list[list] = []
        self.active: list[tuple] = []
        self.text: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script":
            self.scripts.append([values.get("src"), values.get("type"), ""])
            self._script = True
        if tag in {"iframe", "frame", "object", "embed", "applet", "base", "form", "meta"} and (
                tag != "meta" or "http-equiv" in values):
            self.active.append((tag, values))
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.active.append((tag, name, value))
            if (value or "").strip().lower().startswith(("javascript:", "vbscript:",
                                                           "data:text")):
                self.active.append((tag, name, value))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False

    def handle_data(self, data):
        if self._script:
            self.scripts[-1][2] += data
        else:
            self.text.append(data)


def active_content(page: Path | str) -> ActiveContent:
    """The active content of a page (a file) or of HTML text (a string)."""
    parser = ActiveContent()
    parser.feed(page.read_text(encoding="utf-8") if isinstance(page, Path) else page)
    return parser
