"""A wall-clock sampling profiler for one command: `python -m macros.bench.sampler OUT.json -m mkdocs build …`.

Every ~2 ms a thread records the main thread's whole stack, weighted by the time since the previous sample,
so time spent waiting (for Pagefind, for the disk) counts as well. profile.py groups the stacks.
"""
from __future__ import annotations

import json
import runpy
import sys
import threading
import time

INTERVAL_S = 0.002


def sample_main_thread(main_id: int, stop: threading.Event, frames: dict, stacks: dict) -> None:
    last = time.perf_counter()
    while not stop.is_set():
        time.sleep(INTERVAL_S)
        now = time.perf_counter()
        frame = sys._current_frames().get(main_id)
        stack = []
        while frame is not None:   # innermost first
            code = frame.f_code
            key = (code.co_filename, code.co_name, code.co_firstlineno)
            stack.append(frames.setdefault(key, len(frames)))
            frame = frame.f_back
        stacks[tuple(stack)] = stacks.get(tuple(stack), 0.0) + (now - last)
        last = now


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[2] != "-m":
        print("användning: python -m macros.bench.sampler UT.json -m MODUL [argument …]", file=sys.stderr)
        return 2
    out, module, args = sys.argv[1], sys.argv[3], sys.argv[4:]
    frames: dict = {}
    stacks: dict = {}
    stop = threading.Event()
    sampler = threading.Thread(target=sample_main_thread, args=(threading.get_ident(), stop, frames, stacks), daemon=True)
    started = time.perf_counter()
    sampler.start()
    sys.argv = [module, *args]
    code = 0
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as stopped:
        code = stopped.code if isinstance(stopped.code, int) else (0 if stopped.code is None else 1)
    finally:
        stop.set()
        sampler.join()
        names = sorted(frames, key=frames.get)
        with open(out, "w", encoding="utf-8") as handle:
            json.dump({"seconds": time.perf_counter() - started, "frames": names,
                       "stacks": [[list(s), w] for s, w in stacks.items()]}, handle)
    return code


if __name__ == "__main__":
    sys.exit(main())
