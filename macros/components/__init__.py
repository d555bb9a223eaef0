"""Components: pure functions from a Resource and options to a small view model."""
