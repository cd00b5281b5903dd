"""Events: what happened, dated by the time expressions near it, ordered by who asserts each ordering."""
from .extract import extract_events

__all__ = ["extract_events"]
