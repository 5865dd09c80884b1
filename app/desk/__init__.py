"""The coordinator's desk: one page at ``/`` that shows, fixes and publishes the week."""
