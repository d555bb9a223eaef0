"""The review of a change: scripts/diff compares two Git revisions of a project as the core loads them."""
