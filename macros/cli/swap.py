"""Replacing site/ with a new build in one atomic step, and tidying what an interrupted build left.

On Linux the two folders are exchanged with renameat2(RENAME_EXCHANGE): at every instant site/ is either the old
complete tree or the new one; the old tree then sits in the build folder and is removed. Where the call is missing,
site/ is renamed to site.old/ first and the next build puts it back if it was killed in between.
"""
from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import shutil
from pathlib import Path
from typing import Iterator

AT_FDCWD = -100
RENAME_EXCHANGE = 2
STOP_AT = "RV_TEST_STOP_AT"   # fault injection for the tests: die right before or after the swap


def work_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}-build-"


def _stop(point: str) -> None:
    if os.environ.get(STOP_AT) == point:
        os._exit(137)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        call = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = call(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    if result != 0:
        error = ctypes.get_errno()
        if error in (22, 38, 95):   # EINVAL, ENOSYS, EOPNOTSUPP: not on this file system
            return False
        raise OSError(error, os.strerror(error), str(b))
    return True


def replace_atomically(new: Path, site_dir: Path) -> None:
    """Make new the site_dir; the old tree is removed afterwards."""
    _stop("before-swap")
    if not site_dir.exists() and not site_dir.is_symlink():
        os.rename(new, site_dir)
        _stop("after-swap")
        return
    if _exchange(new, site_dir):
        _stop("after-swap")
        shutil.rmtree(new, ignore_errors=True)
        return
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(site_dir, old)
    os.rename(new, site_dir)
    _stop("after-swap")
    shutil.rmtree(old, ignore_errors=True)


def clean_leftovers(site_dir: Path) -> None:
    """Remove build folders of interrupted builds; put site.old/ back if a fallback swap was cut short."""
    parent = site_dir.parent
    if not parent.is_dir():
        return
    old = site_dir.with_name(site_dir.name + ".old")
    if old.is_dir() and not site_dir.exists():
        os.rename(old, site_dir)
    shutil.rmtree(old, ignore_errors=True)
    for leftover in list(parent.glob(work_prefix(site_dir) + "*")) + list(parent.glob(".site-build-*")):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def build_lock(site_dir: Path) -> Iterator[None]:
    """One build at a time per site folder: a second one waits instead of tidying away the first one's work."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(site_dir.with_name(f".{site_dir.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
