"""Yuanjiao (援教): the web service that stores a county's rural teaching-support world."""
