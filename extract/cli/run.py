"""`extract run` (being written)."""
