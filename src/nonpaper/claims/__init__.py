"""Claims: what each source asserts (a date, an order, a status, a value, a duration, a denial), in a
form the disputes stage can set side by side."""
from .extract import extract_claims

__all__ = ["extract_claims"]
