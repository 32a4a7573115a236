"""What the benchmarks share: processes on loopback, wrk runs, CPU time of a process tree.

Everything runs on 127.0.0.1 and stops by itself; wrk (Debian's package) generates load
from a separate process so the load generator's cost is not charged to the target.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
PROXY_VENV = BENCH / ".litellm-proxy-venv"
PROXY_LOCK = BENCH / "litellm-proxy-requirements.txt"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local auth = os.getenv("BENCH_AUTH")
if auth and #auth > 0 then wrk.headers["Authorization"] = auth end
-- one JSON body per line, sent in turn (every connection draws the next one)
local bodies = {}
for line in io.lines(os.getenv("BENCH_BODIES")) do bodies[#bodies + 1] = line end
local next_body = 0
request = function()
  next_body = next_body % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[next_body])
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "status_errors": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_http(url: str, timeout: float = 180, ok: tuple[int, ...] = (200,)) -> float:
    """Poll ``url`` until it answers one of ``ok``; return the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if httpx.get(url, timeout=1).status_code in ok:
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"{url} did not come up in {timeout} s")


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and all its live descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        ppid = int(fields[1])
        children.setdefault(ppid, []).append(int(entry.name))
        stats[int(entry.name)] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += stats.get(current, 0.0)
        todo.extend(children.get(current, []))
    return total


def tree_rss_mb(pid: int) -> float:
    """Proportional set size (MB) of ``pid`` and its descendants: shared pages counted once."""
    total = 0.0
    for child in [pid, *_descendants(pid)]:
        try:
            for line in Path(f"/proc/{child}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                raw = (entry / "stat").read_text()
            except OSError:
                continue
            if int(raw[raw.rindex(")") + 2 :].split()[1]) == pid:
                found.append(int(entry.name))
                found.extend(_descendants(int(entry.name)))
    return found


@dataclass
class WrkResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def run_wrk(
    url: str, bodies: Sequence[dict[str, object]], auth: str, concurrency: int, seconds: int
) -> WrkResult:
    """Drive ``url`` with wrk at ``concurrency`` connections for ``seconds``, POSTing ``bodies``
    in turn (from the first again once all were sent)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk is missing: apt-get install wrk (make bench installs it)")
    with tempfile.TemporaryDirectory() as tmp:
        script, payload = Path(tmp) / "post.lua", Path(tmp) / "bodies.jsonl"
        script.write_text(WRK_SCRIPT)
        payload.write_text(
            "".join(json.dumps(body, ensure_ascii=False) + "\n" for body in bodies), encoding="utf-8"
        )
        out = subprocess.run(
            [wrk, "-t1", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "30s", "-s", str(script), url],
            env={**os.environ, "BENCH_BODIES": str(payload), "BENCH_AUTH": auth},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    match = re.search(r"WRKJSON (\{.*\})", out)
    if match is None:
        raise RuntimeError(f"wrk printed no summary:\n{out}")
    data = json.loads(match.group(1))
    return WrkResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=data["status_errors"] + data["socket_errors"],
    )


def start(
    cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None, quiet: bool = True
) -> subprocess.Popen[bytes]:
    out = subprocess.DEVNULL if quiet else None
    return subprocess.Popen(cmd, env=env or dict(os.environ), cwd=cwd, stdout=out, stderr=out)


def start_upstream(tokens_per_s: float = 0) -> tuple[subprocess.Popen[bytes], str]:
    """The echoing fake provider; returns the process and its ``/v1`` base URL."""
    port = free_port()
    proc = start(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "fake_upstream_asgi:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env={**os.environ, "BENCH_TOKENS_PER_S": str(tokens_per_s)},
        cwd=BENCH,
    )
    wait_http(f"http://127.0.0.1:{port}/", ok=(200, 405))
    return proc, f"http://127.0.0.1:{port}/v1"


def ensure_litellm_proxy() -> Path:
    """Build (once) the LiteLLM proxy's own venv from its hashed lock; return its CLI."""
    cli = PROXY_VENV / "bin" / "litellm"
    stamp = PROXY_VENV / ".lock-digest"
    digest = hashlib.sha256(PROXY_LOCK.read_bytes()).hexdigest()
    if cli.exists() and stamp.exists() and stamp.read_text() == digest:
        return cli
    shutil.rmtree(PROXY_VENV, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(PROXY_VENV)], check=True)
    subprocess.run(
        [
            str(PROXY_VENV / "bin" / "pip"),
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--require-hashes",
            "--no-deps",
            "-r",
            str(PROXY_LOCK),
        ],
        check=True,
    )
    stamp.write_text(digest)
    return cli


def start_litellm_proxy(upstream: str, tmp: Path, workers: int = 1) -> tuple[subprocess.Popen[bytes], str]:
    cli = ensure_litellm_proxy()
    port = free_port()
    config = tmp / "litellm.yaml"
    config.write_text(
        "model_list:\n  - model_name: bench\n"
        f"    litellm_params: {{model: openai/bench, api_base: '{upstream}', api_key: x}}\n"
        "litellm_settings: {telemetry: false}\n",
        encoding="utf-8",
    )
    proc = start(
        [str(cli), "--config", str(config), "--port", str(port), "--num_workers", str(workers)],
        env={**os.environ, "LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_TELEMETRY": "False"},
    )
    wait_http(f"http://127.0.0.1:{port}/health/liveliness")
    return proc, f"http://127.0.0.1:{port}/v1/chat/completions"


def gateway_env(upstream: str, tmp: Path) -> dict[str, str]:
    """A gateway deployment on SQLite with the shipped charter, quotas raised out of the way."""
    config = tmp / "providers.yaml"
    config.write_text(
        "model_list:\n  - model_name: onprem-llm\n"
        f"    litellm_params: {{model: openai/bench, api_base: '{upstream}', api_key: os.environ/BENCH_KEY}}\n"
        "router_settings: {timeout: 30, num_retries: 0}\n",
        encoding="utf-8",
    )
    policies = tmp / "policies"
    shutil.copytree(ROOT / "policies", policies)
    limits = policies / "limits.yaml"
    limits.write_text(
        re.sub(r"(requests|tokens): \d+", r"\1: 1000000000", limits.read_text("utf-8")), "utf-8"
    )
    return {
        **os.environ,
        "BENCH_KEY": "x",
        "IAG_POLICIES_DIR": str(policies),
        "IAG_CONFIG": str(config),
        "IAG_DATABASE_URL": f"sqlite:///{tmp}/g.db",
        "IAG_WATCH_POLICIES": "false",
    }


def create_key(env: dict[str, str]) -> str:
    cli = str(Path(sys.executable).parent / "iag-gateway")
    subprocess.run([cli, "db", "upgrade"], env=env, capture_output=True, text=True, check=True)
    out = subprocess.run(
        [cli, "keys", "create", "--user", "bench", "--department", "bench", "--role", "buyer", "--trained"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.strip().splitlines()[-1]


def start_gateway(env: dict[str, str], workers: int) -> tuple[subprocess.Popen[bytes], str, float]:
    """Start ``iag-gateway serve``; return the process, its chat URL and seconds to the first answer."""
    port = free_port()
    cli = str(Path(sys.executable).parent / "iag-gateway")
    started = time.monotonic()
    proc = start([cli, "serve", "--port", str(port), "--workers", str(workers)], env=env)
    wait_http(f"http://127.0.0.1:{port}/healthz")
    return proc, f"http://127.0.0.1:{port}/v1/chat/completions", time.monotonic() - started


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
