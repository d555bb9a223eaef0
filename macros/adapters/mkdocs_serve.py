"""The preview (make serve): mkdocs serve with live reload, under a policy that allows only its one script.

mkdocs serve puts an inline script into every page it serves, which the site's Content-Security-Policy would block.
The preview gives that script a nonce and the pages' policy allows exactly that nonce; the published site's
policy is unchanged. Problems are shown on the pages themselves (Site preview mode), so the browser never hangs.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from mkdocs.commands import serve as mkdocs_serve
from mkdocs.livereload import LiveReloadServer

from .mkdocs_plugin import PREVIEW_NONCE


def _with_nonce(inject):
    """mkdocs' injector, with the nonce on the script it adds (the last bare <script> of the page)."""
    def injected(self, content: bytes, epoch: int) -> bytes:
        before, tag, after = inject(self, content, epoch).rpartition(b"<script>")
        if not tag:
            return before + after
        return before + f'<script nonce="{os.environ[PREVIEW_NONCE]}">'.encode() + after
    return injected


def serve(config_file: Path, port: int, host: str = "127.0.0.1") -> None:
    os.environ[PREVIEW_NONCE] = secrets.token_urlsafe(18)
    original = LiveReloadServer._inject_js_into_html
    LiveReloadServer._inject_js_into_html = _with_nonce(original)
    try:
        # dirty: a rebuild renders only the pages whose content changed (the core's files know: CoreFile);
        # not strict: mkdocs counts its own note about dirty builds as a warning, and problems show on the pages
        mkdocs_serve.serve(config_file=str(config_file), livereload=True, build_type="dirty", strict=False,
                           dev_addr=f"{host}:{port}")
    finally:
        LiveReloadServer._inject_js_into_html = original
