"""The web UI and JSON API (issue 7)."""
