"""Rapportverket's engine: data → components → pages → renderers.

macros/site.py (Site) owns a build; macros/adapters/ hand its output to mkdocs or Zensical; macros/cli/ is the
command line that scripts/ wrap. Nothing outside macros/adapters/ imports a renderer.
"""
