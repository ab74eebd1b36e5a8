"""Scorers: run a coder over a gold set and report accuracy (each module: evaluate() -> dict, format_report())."""
