"""The benchmark (scripts/bench): a synthetic archive built by this project, the naive way and plain mkdocs-material.

archive → systems → measure (build), browser, serve → report. Nothing here is imported by a build.
"""
