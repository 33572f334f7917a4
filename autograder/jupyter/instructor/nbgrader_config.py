"""nbgrader as the instructor's JupyterLab sees it (`make instructor-lab`): the course
root `autograder/` with its own configuration, whatever folder the lab started in."""

import os

c = get_config()  # noqa: F821 - provided by traitlets when the file is loaded

load_subconfig(os.path.join(os.path.dirname(os.path.abspath(__file__)),  # noqa: F821
                            "..", "..", "nbgrader_config.py"))
