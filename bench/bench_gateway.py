"""Throughput, latency and CPU per call: direct, the LiteLLM proxy and the gateway, same run.

Run: make bench   (or .venv/bin/python bench/bench_gateway.py --seconds 10)

Starts an echoing fake provider, the LiteLLM proxy (its own venv, built once from
bench/litellm-proxy-requirements.txt) and the gateway with everything on
(authentication, policy, usage rules, French personal data on prompt and answer,
quotas, audit; SQLite) with 1 worker and with N workers, then drives each with wrk
at concurrency 1, 10 and 50, with 1 KB and 10 KB French prompts carrying names,
phone numbers and e-mail addresses. Prints req/s, p50, p99, CPU per call (the
target's process tree, upstream excluded) and the ratios to direct and to the proxy.
"""

from __future__ import annotations

import argparse
import os
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
from prompts import french_prompt


def body(model: str, size: int) -> dict[str, object]:
    return {"model": model, "messages": [{"role": "user", "content": french_prompt(size)}], "max_tokens": 512}


def measure(
    pid: int, url: str, payload: dict[str, object], auth: str, concurrency: int, seconds: int
) -> tuple[WrkResult, float]:
    before = tree_cpu_seconds(pid)
    result = run_wrk(url, payload, auth, concurrency, seconds)
    cpu_ms = (tree_cpu_seconds(pid) - before) * 1000 / max(result.requests, 1)
    return result, cpu_ms


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=8, help="wrk duration per cell")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 2, help="N for the multi-worker gateway"
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1024, 10240])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--no-proxy", action="store_true", help="skip the LiteLLM proxy")
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
            proxy, proxy_url = start_litellm_proxy(upstream, tmp)
            procs.append(proxy)
            targets["litellm-proxy"] = (proxy.pid, proxy_url, "", "bench")
        env = gateway_env(upstream, tmp)
        key = create_key(env)
        startup: dict[str, tuple[float, float]] = {}
        for workers in sorted({1, args.workers}):
            gateway, url, ready_s = start_gateway(env, workers)
            procs.append(gateway)
            first = time.monotonic()
            httpx.post(
                url, json=body("onprem-llm", 1024), headers={"Authorization": f"Bearer {key}"}, timeout=60
            ).raise_for_status()
            startup[f"gateway-{workers}w"] = (ready_s, ready_s + time.monotonic() - first)
            targets[f"gateway-{workers}w"] = (gateway.pid, url, f"Bearer {key}", "onprem-llm")
        for _pid, url, auth, model in targets.values():  # warm up
            run_wrk(url, body(model, 1024), auth, 4, 2)
        rows = []
        for size in args.sizes:
            for concurrency in args.concurrency:
                cell = {}
                for name, (pid, url, auth, model) in targets.items():
                    result, cpu_ms = measure(pid, url, body(model, size), auth, concurrency, args.seconds)
                    cell[name] = (result, cpu_ms)
                rows.append((size, concurrency, cell))
                _print_cell(size, concurrency, cell)
        memory = {
            name: tree_rss_mb(pid) for name, (pid, *_rest) in targets.items() if name.startswith("gateway")
        }
        print(f"\nmachine: {os.cpu_count()} cores; wrk {args.seconds} s per cell; prompts {args.sizes} bytes")
        for name, (ready_s, answered_s) in startup.items():
            print(
                f"{name}: ready (/healthz) {ready_s:.1f} s after start, first answer {answered_s:.1f} s; PSS {memory[name]:.0f} MB"
            )
    finally:
        stop(procs)


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
