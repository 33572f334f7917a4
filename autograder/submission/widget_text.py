"""Progress bars as text in HTML pages: a widget's last state, written out.

`tqdm.auto` draws its bars as Jupyter widgets. An HTML page shows a widget only by
loading the widget manager from a CDN, so offline (and in our sanitised pages) the
bar vanished. `WidgetsAsText` replaces each widget output by the text its stored
state shows when the cell ended, e.g. `training: 100%|##########| 2000/2000 [00:05<00:00]`,
and drops the widget state, so that the page loads nothing from the network. A widget
whose state was not saved keeps its own text fallback (the bar as it started).
"""

import html
import re

from nbconvert.preprocessors import Preprocessor

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
BAR_WIDTH = 10


class WidgetsAsText(Preprocessor):
    """Widget outputs as plain text from the notebook's saved widget state."""

    def preprocess(self, nb, resources):
        widgets = nb.metadata.pop("widgets", {}) or {}
        self.models = (widgets.get(WIDGET_STATE) or {}).get("state", {})
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            view = output.get("data", {}).pop(WIDGET_VIEW, None)
            if view is not None:
                shown = widget_text(self.models, view.get("model_id"))
                if shown is not None:
                    output.data["text/plain"] = shown
        return cell, resources


def widget_text(models: dict, model_id: str | None) -> str | None:
    """The text a widget shows: labels as written, progress as a bar of `#`."""
    model = models.get(model_id or "")
    if not isinstance(model, dict):
        return None
    state = model.get("state", {})
    name = model.get("model_name", "")
    if name == "HBoxModel":
        parts = [widget_text(models, str(child).removeprefix("IPY_MODEL_"))
                 for child in state.get("children", [])]
        return "".join(p for p in parts if p is not None)
    if name in ("HTMLModel", "LabelModel", "TextModel"):
        return _plain(str(state.get("value", "")))
    if name in ("FloatProgressModel", "IntProgressModel"):
        top = float(state.get("max") or 0)
        done = min(max(float(state.get("value") or 0) / top, 0.0), 1.0) if top else 0.0
        filled = round(done * BAR_WIDTH)
        return "|" + "#" * filled + " " * (BAR_WIDTH - filled) + "|"
    return None


def _plain(label: str) -> str:
    """tqdm's labels are HTML with entities (`&nbsp;`) and figure spaces: their text, for
    a text output."""
    return re.sub(r"[\xa0\u2007]", " ", html.unescape(re.sub(r"<[^>]*>", "", label)))
