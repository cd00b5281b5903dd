"""Text: the spaCy parse of an article (`parse`) and what every stage reads off it (`names`)."""
