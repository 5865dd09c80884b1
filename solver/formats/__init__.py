"""Readers for public benchmark file formats (pure parsing, no solving)."""
