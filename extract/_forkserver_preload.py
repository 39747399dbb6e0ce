"""Imported once by the fork server that starts `extract run`'s worker processes.

With the "forkserver" start method, Python starts one server process, imports the
modules named in its preload list there, and forks every pool worker from it. This
module builds the default pipeline in that server, so each worker starts with the
pipeline already built (shared copy-on-write) instead of importing spaCy and
building its own: about a second of CPU a worker. A worker whose configuration
differs (`--model`, another patterns folder) builds its own as before.

Nothing here may raise: the fork server only survives an ImportError from its
preload modules, and a pipeline that cannot be built is reported by the first batch.
"""

try:
    from extract.runner import preload_pipeline

    preload_pipeline()
except Exception:  # noqa: BLE001 - see above; the worker reports the real error
    pass
