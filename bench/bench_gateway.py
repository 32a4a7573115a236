"""Throughput, latency and CPU per call: direct, the LiteLLM proxy and the gateway, same run.

Run: make bench   (or .venv/bin/python bench/bench_gateway.py --seconds 10)

Starts an echoing fake provider, the LiteLLM proxy (its own venv, built once from
bench/litellm-proxy-requirements.txt) with 1 worker (the reference of the ratios) and with
as many workers as cores, and the gateway with everything on (authentication, policy, usage
rules, French personal data on prompt and answer, quotas, audit; SQLite) with 1 worker, as
many workers as cores and serve's default (cores + 1), then drives each with wrk at
concurrency 1, 10 and 50, with 1 KB and 10 KB French prompts carrying names, phone numbers
and e-mail addresses: ``--distinct`` different prompts per cell (3,000: other people, invented
surnames, other numbers; ``prompts.py``), sent in turn, never reused by a later cell, every
target given the same ones (``--distinct 1``: one prompt for every call, as before 2026-12-01).
Prints req/s, p50, p99, CPU per call (the target's process tree, upstream excluded) and the
ratios to direct and to the 1-worker proxy.

A gateway's CPU per call is counted once it has drained (calls still queued when wrk stops
are finished, or cancelled, after wrk's last second) and divided by the calls the gateway
itself counted (``iag_requests_total``), so queued work is neither lost nor charged to fewer
calls. After the grid, ``--pairs`` alternated cells of the 1-worker proxy and serve's
default gateway (1 KB, c=50) print the headline ratio's spread and median. Start-up: seconds
and CPU seconds to a ready ``/healthz`` (once with an empty ``IAG_CACHE_DIR``, then as every
later start: with the stored tokenizer program), and PSS (shared pages counted once) after
the load. ``--baseline-src`` runs a second gateway from another checkout's ``src`` (``git
worktree add`` or ``git archive``) in the same run, for before/after figures on the same
machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    WrkResult,
    create_key,
    gateway_env,
    run_wrk,
    start_gateway,
    start_litellm_proxy,
    start_upstream,
    stop,
    tree_cpu_seconds,
    tree_rss_mb,
)
from iag_gateway.serving import default_workers
from prompts import french_prompt


def body(model: str, prompt: str) -> dict[str, object]:
    return {"model": model, "messages": [{"role": "user", "content": prompt}], "max_tokens": 512}


class Prompts:
    """The prompts of each cell: ``distinct`` variants never handed out before (1: variant 0 always)."""

    def __init__(self, distinct: int) -> None:
        self.distinct = distinct
        self._next = 1

    def cell(self, size: int) -> list[str]:
        """The cell's prompts of ``size`` bytes, written once for all its targets."""
        if self.distinct <= 1:
            return [french_prompt(size)]
        variants = range(self._next, self._next + self.distinct)
        self._next += self.distinct
        return [french_prompt(size, variant) for variant in variants]


#: Where a gateway's calls spent their time, per target, from its last measured cell:
#: stage -> milliseconds per call (wall clock, the stages' own spans).
STAGES_MS: dict[str, dict[str, float]] = {}


def measure(
    pid: int, url: str, payloads: list[dict[str, object]], auth: str, concurrency: int, seconds: int
) -> tuple[WrkResult, float]:
    gateway = bool(auth)
    before = tree_cpu_seconds(pid)
    calls_before = served_calls(url) if gateway else 0
    stages_before = stage_totals(url) if gateway else {}
    result = run_wrk(url, payloads, auth, concurrency, seconds)
    # Every target finishes what it was given before the next cell starts, and its CPU is
    # counted once it has: the LiteLLM proxy works about a CPU second after a c=50 cell
    # (calls wrk gave up on, its logging queue), which the next target's cell paid for.
    wait_idle(pid)
    calls = result.requests
    if gateway:
        calls = served_calls(url) - calls_before
        after = stage_totals(url)
        STAGES_MS[url] = {
            stage: (seconds - stages_before.get(stage, (0.0, 0))[0]) * 1000 / max(calls, 1)
            for stage, (seconds, _count) in after.items()
        }
    cpu_ms = (tree_cpu_seconds(pid) - before) * 1000 / max(calls, 1)
    return result, cpu_ms


def stage_totals(url: str) -> dict[str, tuple[float, int]]:
    """Seconds spent and spans counted per pipeline stage (``iag_stage_seconds``), all workers summed."""
    text = httpx.get(url.replace("/v1/chat/completions", "/metrics"), timeout=30).text
    totals: dict[str, list[float]] = {}
    for line in text.splitlines():
        for suffix, index in (("_sum{", 0), ("_count{", 1)):
            if line.startswith("iag_stage_seconds" + suffix):
                stage = line.split('stage="', 1)[1].split('"', 1)[0]
                totals.setdefault(stage, [0.0, 0.0])[index] += float(line.rsplit(" ", 1)[1])
    return {stage: (seconds, int(count)) for stage, (seconds, count) in totals.items()}


def served_calls(url: str) -> int:
    """Chat calls the gateway counted (every outcome, cancelled included), all workers summed."""
    text = httpx.get(url.replace("/v1/chat/completions", "/metrics"), timeout=30).text
    return int(
        sum(
            float(line.rsplit(" ", 1)[1])
            for line in text.splitlines()
            if line.startswith("iag_requests_total{") and 'route="chat"' in line
        )
    )


def wait_idle(pid: int, timeout_s: float = 120.0) -> None:
    """Wait until the process tree stops using CPU (its queued calls are done)."""
    deadline = time.monotonic() + timeout_s
    last = tree_cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = tree_cpu_seconds(pid)
        if now - last < 0.02:
            return
        last = now


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=8, help="wrk duration per cell")
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=sorted({default_workers() - 1, default_workers()}),
        help="worker counts of the multi-worker gateways, besides 1 (default: the cores, and serve's default)",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1024, 10240])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument(
        "--distinct",
        type=int,
        default=3000,
        help="different prompts per cell, sent in turn (default: 3000, more than a governed target "
        "serves in a cell, so none repeats; only direct calls go round them again)",
    )
    parser.add_argument("--no-proxy", action="store_true", help="skip the LiteLLM proxy")
    parser.add_argument(
        "--proxy-workers",
        type=int,
        nargs="+",
        default=sorted({1, default_workers() - 1}),
        help="worker counts of the LiteLLM proxy (default: 1, the ratios' reference, and the cores)",
    )
    parser.add_argument(
        "--baseline-src", type=Path, help="also run gateways from this src directory (before/after)"
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=4,
        help="after the grid, alternated cells of the 1-worker proxy and serve's default gateway "
        "(1 KB, c=50): the spread of the headline ratio (0: none)",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="iag-bench-"))
    procs = []
    try:
        upstream_proc, upstream = start_upstream()
        procs.append(upstream_proc)
        targets: dict[str, tuple[int, str, str, str]] = {
            "direct": (upstream_proc.pid, upstream + "/chat/completions", "", "bench")
        }
        if not args.no_proxy:
            for proxy_workers in sorted({1, *args.proxy_workers}):
                proxy, proxy_url = start_litellm_proxy(upstream, tmp, proxy_workers)
                procs.append(proxy)
                name = "litellm-proxy" if proxy_workers == 1 else f"litellm-proxy-{proxy_workers}w"
                targets[name] = (proxy.pid, proxy_url, "", "bench")
        env = {**gateway_env(upstream, tmp), "IAG_CACHE_DIR": str(tmp / "cache")}
        key = create_key(env)
        # A first start compiles spaCy's French tokenizer pattern and stores it in IAG_CACHE_DIR;
        # every start measured below reads it back (compiled_patterns.py).
        cold, _url, cold_s = start_gateway(env, 1)
        cold_cpu_s = tree_cpu_seconds(cold.pid)
        stop([cold])
        print(f"gateway-1w, first start (empty IAG_CACHE_DIR): ready {cold_s:.1f} s ({cold_cpu_s:.1f} CPU s)")
        startup: dict[str, tuple[float, float, float]] = {}
        variants = {"gateway": env}
        if args.baseline_src:
            variants = {"base": {**env, "PYTHONPATH": str(args.baseline_src.resolve())}, **variants}
        for prefix, variant_env in variants.items():
            for workers in sorted({1, *args.workers}):
                gateway, url, ready_s = start_gateway(variant_env, workers)
                ready_cpu_s = tree_cpu_seconds(gateway.pid)
                procs.append(gateway)
                first = time.monotonic()
                httpx.post(
                    url,
                    json=body("onprem-llm", french_prompt(1024)),
                    headers={"Authorization": f"Bearer {key}"},
                    timeout=60,
                ).raise_for_status()
                name = f"{prefix}-{workers}w"
                startup[name] = (ready_s, ready_s + time.monotonic() - first, ready_cpu_s)
                targets[name] = (gateway.pid, url, f"Bearer {key}", "onprem-llm")
        prompts = Prompts(args.distinct)
        for pid, url, auth, model in targets.values():  # warm up
            run_wrk(url, [body(model, french_prompt(1024))], auth, 4, 2)
            wait_idle(pid)
        rows = []
        for size in args.sizes:
            for concurrency in args.concurrency:
                cell = {}
                drawn = prompts.cell(size)
                for name, (pid, url, auth, model) in targets.items():
                    payloads = [body(model, prompt) for prompt in drawn]
                    result, cpu_ms = measure(pid, url, payloads, auth, concurrency, args.seconds)
                    cell[name] = (result, cpu_ms)
                rows.append((size, concurrency, cell))
                _print_cell(size, concurrency, cell)
                if concurrency == 1:
                    _print_stages(cell, targets)
        if args.pairs and "litellm-proxy" in targets:
            _alternated_pairs(targets, f"gateway-{default_workers()}w", args.pairs, args.seconds, prompts)
        memory = {name: tree_rss_mb(targets[name][0]) for name in startup}
        print(
            f"\nmachine: {os.cpu_count()} cores; wrk {args.seconds} s per cell; prompts {args.sizes} bytes, "
            f"{args.distinct} different ones per cell"
        )
        for name, (ready_s, answered_s, ready_cpu_s) in startup.items():
            print(
                f"{name}: ready (/healthz) {ready_s:.1f} s after start ({ready_cpu_s:.1f} CPU s), "
                f"first answer {answered_s:.1f} s; PSS {memory[name]:.0f} MB"
            )
    finally:
        stop(procs)


def _alternated_pairs(
    targets: dict[str, tuple[int, str, str, str]], gateway: str, pairs: int, seconds: int, prompts: Prompts
) -> None:
    """Print the gateway / 1-worker proxy ratio at c=50 (1 KB) over alternated cells, and its median.

    One cell of each is at the mercy of the machine's drift (this VM's speed moves by tens of
    per cent within minutes): the cells alternate, the order flipping at each pair
    (proxy, gateway, gateway, proxy, ...), so a drift weighs on both alike.
    """
    if gateway not in targets:
        gateway = next(name for name in reversed(targets) if name.startswith("gateway-"))
    ratios = []
    for index in range(pairs):
        order = ["litellm-proxy", gateway] if index % 2 == 0 else [gateway, "litellm-proxy"]
        rps = {}
        drawn = prompts.cell(1024)
        for name in order:
            pid, url, auth, model = targets[name]
            payloads = [body(model, prompt) for prompt in drawn]
            rps[name] = measure(pid, url, payloads, auth, 50, seconds)[0].rps
        ratios.append(rps[gateway] / rps["litellm-proxy"] if rps["litellm-proxy"] else 0.0)
    shown = ", ".join(f"{ratio:.2f}" for ratio in ratios)
    print(
        f"\n1 KB, c=50, {gateway} / litellm-proxy in {pairs} alternated pairs: {shown}; median {statistics.median(ratios):.2f}"
    )


def _print_stages(
    cell: dict[str, tuple[WrkResult, float]], targets: dict[str, tuple[int, str, str, str]]
) -> None:
    """Where the 1-worker gateway's calls spent their time at c=1: milliseconds per call by stage.

    Wall clock of each stage's span (``iag_stage_seconds``, the gateway's own histogram), per
    call; ``record`` is both audit appends (the "in flight" one before the provider is called,
    the final one before the answer leaves), ``invoke`` is litellm's call path and the
    provider's answer; the rest of the mean latency is the HTTP server, the ASGI stack and the
    hand-offs between the event loop and the threads.
    """
    for name in ("gateway-1w", "base-1w"):
        if name not in cell:
            continue
        stages = STAGES_MS.get(targets[name][1], {})
        result = cell[name][0]
        mean_ms = 1000 * result.seconds / max(result.requests, 1)  # one call at a time
        order = (
            "authenticate",
            "receive",
            "redact",
            "authorize",
            "render",
            "record",
            "invoke",
            "scan",
            "restore",
        )
        shown = ", ".join(f"{stage} {stages[stage]:.2f}" for stage in order if stage in stages)
        outside = mean_ms - sum(stages.values())
        print(
            f"  {name} at c=1, ms per call by stage: {shown}; outside the stages {outside:.2f} (of {mean_ms:.2f})"
        )


def _print_cell(size: int, concurrency: int, cell: dict[str, tuple[WrkResult, float]]) -> None:
    direct = cell["direct"][0]
    proxy = cell.get("litellm-proxy", (None, 0.0))[0]
    print(f"\n{size // 1024} KB prompt, concurrency {concurrency}")
    print(
        f"  {'target':<16}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms/call':>13}{'errors':>8}{'x proxy':>9}{'+p50 vs direct':>16}"
    )
    for name, (result, cpu_ms) in cell.items():
        ratio = f"{result.rps / proxy.rps:.2f}" if proxy and proxy.rps else "-"
        print(
            f"  {name:<16}{result.rps:>8.1f}{result.p50_ms:>9.1f}{result.p99_ms:>9.1f}{cpu_ms:>13.1f}"
            f"{result.errors:>8}{ratio:>9}{result.p50_ms - direct.p50_ms:>16.1f}"
        )


if __name__ == "__main__":
    main()
