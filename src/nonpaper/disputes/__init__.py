"""Disputes: claims from different sources that cannot all be true, within one article and across many."""
from .find import find_cross_disputes, find_disputes

__all__ = ["find_cross_disputes", "find_disputes"]
