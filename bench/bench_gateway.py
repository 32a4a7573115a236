"""Added latency and throughput of the gateway, against direct calls, in the same run.

Starts a fast fake upstream and the real gateway (auth + policy + PII + audit on,
one worker, SQLite) on loopback, then sends the same load directly and through
the gateway at concurrency 1 and 50. Optionally does the same through a LiteLLM
proxy (``--litellm-proxy /path/to/venv/bin/litellm``) for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PROMPT = "Rédige une phrase d'introduction pour un cahier des charges de fournitures de bureau."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_http(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


async def load(
    url: str, headers: dict[str, str], model: str, total: int, concurrency: int
) -> tuple[list[float], float]:
    body = {"model": model, "messages": [{"role": "user", "content": PROMPT}], "max_tokens": 64}
    latencies: list[float] = []
    queue = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:

        async def worker() -> None:
            for _ in queue:
                start = time.perf_counter()
                response = await client.post(url, json=body, headers=headers)
                latencies.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{url}: {response.status_code} {response.text[:200]}")

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return latencies, total / elapsed


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--litellm-proxy", default=None, help="path to a `litellm` CLI in a separate venv")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="iag-bench-"))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        up_port = free_port()
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "fake_upstream_asgi:app",
                    "--port",
                    str(up_port),
                    "--log-level",
                    "warning",
                    "--no-access-log",
                ],
                cwd=Path(__file__).parent,
            )
        )
        upstream = f"http://127.0.0.1:{up_port}/v1"
        config = tmp / "providers.yaml"
        config.write_text(
            "model_list:\n  - model_name: onprem-llm\n"
            f"    litellm_params: {{model: openai/bench, api_base: '{upstream}', api_key: os.environ/BENCH_KEY}}\n"
            "router_settings: {timeout: 30, num_retries: 0}\n",
            encoding="utf-8",
        )
        # Same charter, with quotas raised so the benchmark measures the path, not the 429s.
        policies = tmp / "policies"
        shutil.copytree(ROOT / "policies", policies)
        limits = policies / "limits.yaml"
        limits.write_text(
            re.sub(r"(requests|tokens): \d+", r"\1: 1000000000", limits.read_text("utf-8")), "utf-8"
        )
        env = {
            **os.environ,
            "BENCH_KEY": "x",
            "IAG_POLICIES_DIR": str(policies),
            "IAG_CONFIG": str(config),
            "IAG_DATABASE_URL": f"sqlite:///{tmp}/g.db",
            "IAG_WATCH_POLICIES": "false",
        }
        gw_port = free_port()
        bin_dir = Path(sys.executable).parent
        key = (
            subprocess.run(
                [
                    str(bin_dir / "iag-gateway"),
                    "keys",
                    "create",
                    "--user",
                    "bench",
                    "--department",
                    "bench",
                    "--role",
                    "buyer",
                    "--trained",
                ],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        procs.append(
            subprocess.Popen([str(bin_dir / "iag-gateway"), "serve", "--port", str(gw_port)], env=env)
        )
        wait_http(f"http://127.0.0.1:{up_port}/")
        wait_http(f"http://127.0.0.1:{gw_port}/healthz")
        targets = {
            "direct": (upstream + "/chat/completions", {}, "bench"),
            "gateway": (
                f"http://127.0.0.1:{gw_port}/v1/chat/completions",
                {"Authorization": f"Bearer {key}"},
                "onprem-llm",
            ),
        }
        if args.litellm_proxy:
            lp_port = free_port()
            lp_config = tmp / "litellm.yaml"
            lp_config.write_text(
                "model_list:\n  - model_name: bench\n"
                f"    litellm_params: {{model: openai/bench, api_base: '{upstream}', api_key: x}}\n",
                encoding="utf-8",
            )
            procs.append(
                subprocess.Popen(
                    [args.litellm_proxy, "--config", str(lp_config), "--port", str(lp_port)],
                    env={**os.environ, "LITELLM_LOCAL_MODEL_COST_MAP": "True"},
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            wait_http(f"http://127.0.0.1:{lp_port}/health/liveliness")
            targets["litellm-proxy"] = (f"http://127.0.0.1:{lp_port}/v1/chat/completions", {}, "bench")
        for url, headers, model in targets.values():  # warm up
            asyncio.run(load(url, headers, model, 50, 5))
        results: dict[tuple[str, int], tuple[float, float, float]] = {}
        for concurrency, total in ((1, args.requests), (50, args.requests * 5)):
            for name, (url, headers, model) in targets.items():
                latencies, rps = asyncio.run(load(url, headers, model, total, concurrency))
                results[(name, concurrency)] = (statistics.median(latencies), pct(latencies, 0.99), rps)
        print(f"\n{'target':<14}{'conc':>5}{'p50 ms':>9}{'p99 ms':>9}{'req/s':>9}")
        for (name, concurrency), (p50, p99, rps) in results.items():
            print(f"{name:<14}{concurrency:>5}{p50:>9.2f}{p99:>9.2f}{rps:>9.0f}")
        d1, g1 = results[("direct", 1)], results[("gateway", 1)]
        print(f"\ngateway added p50 at concurrency 1: {g1[0] - d1[0]:.2f} ms (p99 {g1[1] - d1[1]:.2f} ms)")
        print(
            f"gateway throughput at concurrency 50: {results[('gateway', 50)][2]:.0f} req/s "
            f"({results[('gateway', 50)][2] / results[('direct', 50)][2]:.2f}x direct)"
        )
        if ("litellm-proxy", 50) in results:
            l1, l50 = results[("litellm-proxy", 1)], results[("litellm-proxy", 50)]
            print(
                f"litellm proxy added p50 at concurrency 1: {l1[0] - d1[0]:.2f} ms; throughput at 50: {l50[2]:.0f} "
                f"req/s; gateway/litellm-proxy throughput ratio: {results[('gateway', 50)][2] / l50[2]:.2f}x"
            )
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=20)


if __name__ == "__main__":
    main()
