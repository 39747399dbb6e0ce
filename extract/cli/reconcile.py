"""`extract reconcile` (being written)."""
