"""Figures shared by the notebooks. Nothing here solves a graded exercise."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

# Class 0 red, class 1 blue: light for regions, saturated for examples.
REGION_COLOURS = ListedColormap(["#f4a582", "#92c5de"])
POINT_COLOURS = ListedColormap(["#b2182b", "#2166ac"])


def decision_boundary(predict, X, Y, ax=None, title=None, resolution=200, margin=0.5):
    """Colour the plane by the class `predict` gives it, and scatter the examples on top.

    predict -- a function taking points as columns, shape (2, k), and returning k labels
               (any shape holding k values, e.g. (1, k)); it is called once, on a grid
    X -- (2, m) examples, one per column
    Y -- (1, m) or (m,) labels, 0 or 1
    ax -- the Matplotlib axes to draw on (default: the current axes)
    resolution -- grid points along each axis
    Returns the axes.
    """
    ax = ax if ax is not None else plt.gca()
    x_min, x_max = X[0].min() - margin, X[0].max() + margin
    y_min, y_max = X[1].min() - margin, X[1].max() + margin
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, resolution),
                         np.linspace(y_min, y_max, resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])
    labels = np.asarray(predict(grid), dtype=float).reshape(xx.shape)
    ax.contourf(xx, yy, labels, levels=[-0.5, 0.5, 1.5], cmap=REGION_COLOURS)
    ax.scatter(X[0], X[1], c=np.ravel(Y), cmap=POINT_COLOURS, vmin=0, vmax=1, s=12,
               edgecolors="white", linewidths=0.3)
    ax.set_xlim(x_min, x_max)
    ax.set_ylim(y_min, y_max)
    if title is not None:
        ax.set_title(title)
    return ax
