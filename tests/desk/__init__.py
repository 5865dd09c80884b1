"""Browser tests of the coordinator's desk: real Chromium against a real server."""
