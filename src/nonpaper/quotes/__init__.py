"""Quotes: every quotation (direct, mixed, indirect) with its cue and its speaker."""
from .extract import extract_quotes

__all__ = ["extract_quotes"]
