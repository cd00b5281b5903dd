"""Time: time expressions found and normalised to TIMEX3 values against the article's reference date
(which date that is, and its fallbacks, is decided in `time.reference`)."""
from .extract import extract_timexes, extract_title_timexes

__all__ = ["extract_timexes", "extract_title_timexes"]
