"""Helpers that students import: visible checks, gradient checking, dataset loaders, plots.

Nothing here solves a graded exercise.
"""
