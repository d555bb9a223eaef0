"""Rapportverket's engine. This file is the mkdocs-macros adapter: define_env registers the macros.

The engine itself (data, format, components, charts, render, session) imports and runs without mkdocs.
"""
from __future__ import annotations


def define_env(env) -> None:  # called by mkdocs-macros at on_config
    from .adapter import register
    register(env)


def on_pre_page_macros(env) -> None:
    from .adapter import before_page
    before_page(env)


def on_post_build(env) -> None:
    from .adapter import after_build
    after_build(env)
