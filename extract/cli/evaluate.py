"""`extract evaluate` (being written)."""
