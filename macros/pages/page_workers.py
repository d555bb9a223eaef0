"""Report pages rendered on every core: a page's rendering reads only the loaded catalogue and the pages' front
matter, so the publishing build forks workers once those are loaded (the workers share their memory) and takes
each page back as a page_cache.Rendered, in the pages' order. A small site, the preview (a threaded server:
no fork there) and a machine with one core render in this process.
"""
from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import traceback

from ..errors import Problem
from .page_cache import Rendered, rendered
from .page_macros import BuildContext
from .report_pages import PageInfo, render_report_page

PER_WORKER = 25   # fewer pages than this per worker: starting workers and sending pages back costs more
_JOB: tuple | None = None   # what the forked workers render: (infos, context, appendix, debug)


def render_pages(infos: list[PageInfo], context: BuildContext, appendix: str, *, debug: bool = False,
                 parallel: bool = False) -> list[Rendered | Problem]:
    """Each page rendered, or the Problem of an engine bug while rendering it (raised with debug)."""
    global _JOB
    workers = min(len(infos) // PER_WORKER, os.cpu_count() or 1)
    if not parallel or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [render_one(info, context, appendix, debug) for info in infos]
    _JOB = (infos, context, appendix, debug)
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_render_at, range(len(infos)), chunksize=max(1, len(infos) // (workers * 8))))
    finally:
        _JOB = None


def _render_at(index: int) -> Rendered | Problem:
    infos, context, appendix, debug = _JOB
    return render_one(infos[index], context, appendix, debug)


def render_one(info: PageInfo, context: BuildContext, appendix: str, debug: bool = False) -> Rendered | Problem:
    try:
        page, macros = render_report_page(info, context, appendix)
    except Exception as error:  # a bug in the engine, not the communicator's mistake: locate it and go on
        if debug:
            raise
        traceback.clear_frames(error.__traceback__)
        return Problem("RV900", f"internt fel när sidan byggdes: {type(error).__name__}: {error}",
                       "kör scripts/build --debug för detaljer och rapportera felet", page=info.place)
    return rendered(page, macros, context)
