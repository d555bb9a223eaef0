"""scripts/serve: förhandsgranska webbplatsen med live reload (sidan laddas om när du sparar en sida eller en CSV).

Användning: scripts/serve [--port 8000] [--config-file mkdocs.yml]
Fel visas överst på sidorna i webbläsaren (och i terminalen) i stället för att förhandsvisningen stannar.
"""
from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/serve", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000, help="porten på 127.0.0.1 (standard 8000)")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"), help="projektets mkdocs.yml (standard: i mappen du står i)")
    args = parser.parse_args(argv)
    import logging
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    from ..adapters.mkdocs_serve import serve
    print(f"Förhandsvisning på http://127.0.0.1:{args.port}/ — avsluta med Ctrl+C", flush=True)
    try:
        serve(args.config_file.resolve(), args.port)
    except KeyboardInterrupt:
        return 0
    return 0
