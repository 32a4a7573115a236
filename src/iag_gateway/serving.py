"""Run the gateway under uvicorn: a supervising parent and N ≥ 1 forked workers on one port.

Before anything listens, the parent checks what would otherwise fail in every worker
(settings, policies, templates against the provider configuration, the OIDC configuration,
the head-signing key, Redis) and migrates the database once, so a mistake stops startup
with one line, not N tracebacks, and never becomes a worker restarted forever. « listening »
is printed only once ``/healthz`` answers on the port. For every worker count, one alone
included (a worker killed by SIGBUS or the OOM killer must not take the gateway down):

- the parent loads the models (personal data, usage) and the shipped templates and imports
  litellm once, then forks (``supervisor.Supervisor``): workers share those pages copy-on-write and start
  in milliseconds; each builds its own engines, clients, exporters and thread pools;
  one that dies is forked again, while the parent keeps its listening socket (callers wait
  in its backlog, they are not refused); each worker accepts on its own socket of one
  ``SO_REUSEPORT`` group, so the kernel spreads connections over the workers (``listening_sockets``);
- the check above runs meanwhile in a forked process, on the other core (``checked_alongside``):
  the parent forks no worker before it has succeeded, and its failure is still one line;
- prometheus-client's multiprocess mode: a fresh directory in ``PROMETHEUS_MULTIPROC_DIR``
  (set before any metric exists), summed by whichever worker answers ``/metrics``;
- ``SIGHUP`` to the parent is forwarded to every worker, each reloading its policy;
- quotas and the audit chain are shared through the database (and Redis when configured).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
import urllib.request
from collections.abc import Iterator
from types import FrameType
from typing import Any

from iag_gateway.compiled_patterns import stored_programs
from iag_gateway.listening import listening_sockets
from iag_gateway.metrics import MULTIPROC_ENV, mark_worker_dead
from iag_gateway.settings import Settings
from iag_gateway.supervisor import Supervisor

log = logging.getLogger("iag_gateway.serving")
#: Set by the parent for its workers: the pid whose disappearance must stop them.
SUPERVISOR_ENV = "IAG_SUPERVISOR_PID"


def preflight(settings: Settings) -> None:
    """Fail fast, in one process, on every configuration error a worker would hit."""
    from iag_gateway.audit.heads_config import load_head_key
    from iag_gateway.identity.oidc_config import load_oidc_config
    from iag_gateway.policy.loader import load_policy
    from iag_gateway.policy.provider_check import check_provider_fallbacks
    from iag_gateway.policy.quotas import build_quota_enforcer
    from iag_gateway.policy.template_models import check_templates_resolve
    from iag_gateway.prompts.catalogue import TemplateCatalogue
    from iag_gateway.providers.config import load_provider_config
    from iag_gateway.storage.engine import make_engine
    from iag_gateway.storage.migrate import upgrade

    policy = load_policy(settings.policies_dir, settings.charter_dir).policy
    config = load_provider_config(settings.config)
    check_provider_fallbacks(policy, config.router_settings.fallbacks, str(settings.config))
    check_templates_resolve(TemplateCatalogue.load(settings.templates_dir).all(), policy, config)
    if settings.oidc_config is not None:
        load_oidc_config(settings.oidc_config)
    load_head_key(settings)
    engine = make_engine(settings.database_url)
    try:
        upgrade(engine)
        if settings.redis_url:
            build_quota_enforcer(engine, settings.redis_url).ping()
    finally:
        engine.dispose()


def default_workers() -> int:
    """The worker count of ``serve`` when none is given: the cores this process may use, plus one.

    A worker is often idle with calls in hand: they wait on the audit trail's write
    lock (held by another worker on SQLite; a network round trip on PostgreSQL) or on
    the provider. One worker more than cores keeps the cores busy: measured on 2 cores
    with 1 KB prompts at 50 concurrent calls, 3 workers served 1.2–1.3× the calls of 2 in
    the same run, and 4 no more than 3 (README, « Workers »). Cores are those of the
    scheduler affinity mask (a container's cpuset), not the host's; a CPU quota is not
    seen, so set ``IAG_WORKERS`` under one (the Kubernetes manifests do).
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cores = os.cpu_count() or 1
    return cores + 1


def run(settings: Settings, host: str, port: int, workers: int) -> None:
    """Serve on ``host:port`` until SIGINT/SIGTERM."""
    import uvicorn

    options: dict[str, Any] = {
        "access_log": False,
        "log_level": "warning",
        "log_config": None,
        "timeout_graceful_shutdown": 10,
    }
    sockets = listening_sockets(host, port, workers)
    port = sockets[0].getsockname()[1]  # the one the kernel chose for port 0
    announcer = threading.Thread(target=_announce, args=(host, port), daemon=True)
    metrics_dir = tempfile.mkdtemp(prefix="iag-metrics-")
    _multiprocess_metrics(metrics_dir)
    os.environ[SUPERVISOR_ENV] = str(os.getpid())  # workers exit if this process disappears
    try:
        with collection_deferred(), checked_alongside(settings), stored_programs(settings.cache_dir):
            from iag_gateway.app import build_services, create_app, load_models
            from iag_gateway.prompts.catalogue import TemplateCatalogue
            from iag_gateway.providers.router import import_litellm

            import_litellm()
            models = load_models(settings)
        # once the check passed (a broken template is its one line, not a second one here)
        template_files = TemplateCatalogue.load(settings.templates_dir)

        def serve_worker(slot: int) -> None:
            exit_with_supervisor()
            for other in sockets[:slot] + sockets[slot + 1 :]:
                other.close()  # in this process only: the parent keeps them for their workers
            services = build_services(settings, models, template_files)
            uvicorn.Server(uvicorn.Config(create_app(settings, services), **options)).run(
                sockets=[sockets[slot]]
            )

        supervisor = Supervisor(
            serve_worker,
            workers,
            graceful_s=options["timeout_graceful_shutdown"] + 5,
            on_worker_exit=mark_worker_dead,  # its live gauges (policy served) leave /metrics
        )
        supervisor.run(started=announcer.start)
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)


@contextlib.contextmanager
def collection_deferred(young_threshold: int = 1_000_000) -> Iterator[None]:
    """Hold CPython's cyclic garbage collector back while modules and models load.

    Start-up creates millions of objects (litellm's and openai's pydantic models, spaCy's
    vocabulary) that live as long as the process, and with the default thresholds
    (700, 10, 10) the collector runs about 1,100 times during the load, its full passes
    scanning all of them again: 0.9 of 4.3 CPU seconds on the development machine
    (measured with ``gc.callbacks``, issue #11). Inside the block the young generation
    collects only after ``young_threshold`` net allocations of container objects.
    ``gc.disable()`` would not do: srsly's msgpack reader, used by spaCy, re-enables the
    collector after each file. See https://docs.python.org/3.11/library/gc.html#gc.set_threshold

    When the block succeeds, what it created is moved to the permanent generation
    (``gc.freeze()``) before the previous thresholds come back: the young generation then
    holds about 400,000 objects, and the first allocation after the block would scan them
    all (0.22–0.30 s), then ``Supervisor.run``'s full collection before forking all of them
    again (0.30 s) to find 10 unreachable objects (measured 2026-11-30). The load leaves
    next to no garbage, and what it loaded lives as long as the process.
    """
    previous = gc.get_threshold()
    gc.set_threshold(young_threshold, *previous[1:])
    try:
        yield
        gc.freeze()
    finally:
        gc.set_threshold(*previous)


@contextlib.contextmanager
def checked_alongside(settings: Settings) -> Iterator[None]:
    """Run :func:`preflight` in a forked process while the body runs; leave only once it passed.

    The check (policies, templates, provider configuration, migration: about a second)
    overlaps the parent's imports and model loading on another core. A failing check
    prints its one line from the child, the way the command line does, and the parent
    stops at once with the error's code (``SIGCHLD`` interrupts the body: no waiting
    seconds for models it will not use), before anything else the body raised: as when
    the check ran first. A signal handled while the body runs a finaliser or a weakref
    callback raises where Python drops exceptions (``sys.unraisablehook``): it is then
    sent again, every 20 ms from a thread, until it is raised where it stops the body.
    Library code the signal lands in may also turn it into an exception of its own
    (pydantic-core reports any exception raised while it builds a validator as a
    ``SchemaError``: seen when the failure reached spaCy's import): whatever the body
    raised, a failed check is what is reported.
    """
    outcome: list[int] = []
    caught: list[bool] = []

    def reap(_signum: int, _frame: FrameType | None) -> None:
        if not outcome and pid > 0:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done == pid:
                outcome.append(os.waitstatus_to_exitcode(status))
        if outcome and outcome[0] != 0 and not caught:
            raise _PreflightFailed  # again at every SIGCHLD until the body has stopped

    stopped = threading.Event()

    def nudge() -> None:
        while not stopped.wait(0.02):
            os.kill(os.getpid(), signal.SIGCHLD)

    nudger = threading.Thread(target=nudge, name="preflight-failed", daemon=True)

    def unraisable(report: Any) -> None:
        # Raised while the body ran a weakref callback or a __del__, where Python prints an
        # exception and drops it (the body would go on loading every model, a traceback under
        # the child's line): signal again, from a thread, until it is raised where it stops
        # the body (a signal sent from here would be handled, and dropped, here).
        if isinstance(report.exc_value, _PreflightFailed):
            if nudger.ident is None:  # not started yet
                nudger.start()
            return
        previous_hook(report)

    sys.stderr.flush()
    pid = -1
    previous = signal.signal(signal.SIGCHLD, reap)
    previous_hook, sys.unraisablehook = sys.unraisablehook, unraisable
    try:
        try:
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                os._exit(_preflight_status(settings))
            yield
        finally:
            signal.signal(signal.SIGCHLD, previous)
            if pid > 0 and not outcome:
                outcome.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
    except _PreflightFailed:  # from the body or the lines above: the child's line is printed
        caught.append(True)
        signal.signal(signal.SIGCHLD, previous)
    except BaseException:
        if not outcome or outcome[0] == 0:
            raise  # the body's own failure, the check passed
        caught.append(True)  # the check failed: its line is what is reported, as when it ran first
    finally:
        stopped.set()
        sys.unraisablehook = previous_hook
    if outcome and outcome[0] != 0:
        sys.exit(outcome[0] if outcome[0] > 0 else 1)


class _PreflightFailed(BaseException):
    """Raised in the parent's body by ``SIGCHLD`` when the pre-flight child failed."""


def _preflight_status(settings: Settings) -> int:
    """In the forked child: run the check, report a failure as the command line does, return the exit code."""
    from iag_gateway.exit_on_error import exits_on_error

    try:
        exits_on_error(preflight)(settings)
        return 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    except KeyboardInterrupt:
        return 130
    except BaseException:  # a forked child must never return into the parent's code
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def _multiprocess_metrics(directory: str) -> None:
    """Switch prometheus-client to multiprocess mode (the parent may have imported it already)."""
    os.environ[MULTIPROC_ENV] = directory
    from prometheus_client import values

    values.ValueClass = values.get_value_class()  # type: ignore[no-untyped-call]


def _announce(host: str, port: int, timeout_s: float = 600.0) -> None:
    """Print « listening » when the gateway really answers (not when the socket is bound)."""
    wildcard = host in ("0.0.0.0", "")  # noqa: S104 - comparing, not binding
    probe_host = "127.0.0.1" if wildcard else ("[::1]" if host == "::" else host)
    shown = f"[{host}]" if ":" in host else host
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{probe_host}:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    print(f"iag-gateway listening on http://{shown}:{port}/v1", file=sys.stderr, flush=True)
                    return
        except OSError:
            pass
        time.sleep(0.2)


def exit_with_supervisor() -> None:
    """In a worker: stop (SIGTERM to self) if the parent that started it is gone.

    A parent killed with SIGKILL cannot stop its workers; without this they would keep
    serving on the inherited socket, unsupervised, with no metrics directory.
    """
    expected = os.environ.get(SUPERVISOR_ENV)
    if not expected:
        return

    def watch() -> None:
        while os.getppid() == int(expected):
            time.sleep(1.0)
        log.error("supervisor process %s is gone; stopping this worker", expected)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="iag-supervisor-watch", daemon=True).start()
