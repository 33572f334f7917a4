"""Progress bars drawn as widgets show, as text, in HTML pages made offline."""

import nbformat
from nbclient import NotebookClient

from autograder.submission.offline_math import export_html
from autograder.submission.widget_text import widget_text

BAR = "from tqdm.auto import tqdm\nfor i in tqdm(range(40), desc='training'):\n    pass\n"


def test_a_tqdm_bar_is_written_out_from_its_saved_state(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BAR)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    NotebookClient(notebook, timeout=60, kernel_name="python3").execute()
    assert "widgets" in notebook.metadata  # the bar was a widget, its state saved
    nbformat.write(notebook, tmp_path / "bar.ipynb")
    page = export_html(tmp_path / "bar.ipynb", tmp_path / "html").read_text()
    assert "training: 100%|##########| 40/40" in page
    assert "widget-state" not in page and "unpkg" not in page


def test_progress_is_drawn_in_tenths_and_unknown_widgets_keep_their_own_text():
    models = {
        "box": {"model_name": "HBoxModel", "state": {"children": [
            "IPY_MODEL_left", "IPY_MODEL_bar", "IPY_MODEL_right"]}},
        "left": {"model_name": "HTMLModel", "state": {"value": "fit:&nbsp; 30%"}},
        "bar": {"model_name": "FloatProgressModel", "state": {"value": 3, "max": 10}},
        "right": {"model_name": "HTMLModel", "state": {"value": " 3/10"}},
        "slider": {"model_name": "IntSliderModel", "state": {"value": 3}},
    }
    assert widget_text(models, "box") == "fit:  30%|###       | 3/10"
    assert widget_text(models, "slider") is None
    assert widget_text(models, "missing") is None
