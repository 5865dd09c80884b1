"""Exports a coordinator prints or hands on: the weekly plan as .xlsx and .csv."""
