"""Workbooks the bureau downloads: import templates, and the print look shared with exports."""
