"""Coding Workbench: offline qualitative coding for research teams."""

__version__ = "0.1.0"
