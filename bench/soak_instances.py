"""Three gateway processes behind one PostgreSQL and one Redis, under a bounded load.

Checks what #13 asks of a scaled deployment and prints the figures:
- quotas exact: one user's burst spread over the three instances gets exactly the
  per-minute limit (the policy copy sets it to LIMIT), every other call 429;
- audit chain intact: ``iag-gateway audit verify`` over the shared database;
- policy reload reaches all three: after SIGHUP, each instance's ``/readyz`` names the
  new version;
- ``/metrics`` totals add up: the sum of ``iag_requests_total`` over the three instances
  equals the calls sent.

Only loopback; bounded in count and time. Run: ``make soak`` (needs PostgreSQL on
127.0.0.1:5432 and ``redis-server``). Exit status 0 only if every check holds.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import tests.e2e.processes as processes
from tests.e2e.processes import (
    chat,
    cli,
    copy_policies,
    create_key,
    free_ports,
    gateway_env,
    replace_once,
    running,
)
from tests.fakes.upstream import FakeUpstream
from tests.harness import provider_config

from iag_gateway.storage.testing import postgres_available, scratch_postgres

INSTANCES = 3
LIMIT = 12
CALLS = 45


def total_requests(url: str) -> float:
    text = httpx.get(url + "/metrics", timeout=10).text
    return sum(
        float(m.group(1)) for m in re.finditer(r"^iag_requests_total\{[^}]*\} ([0-9.e+]+)$", text, re.M)
    )


def main() -> int:
    if not postgres_available():
        print("PostgreSQL is not reachable on 127.0.0.1:5432", file=sys.stderr)
        return 2
    processes.STARTUP_TIMEOUT_S = 600.0  # three spaCy loads on a small, shared machine
    tmp = Path(tempfile.mkdtemp(prefix="iag-soak-"))
    upstream = FakeUpstream().start()
    [redis_port] = free_ports(1)
    redis = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(redis_port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    checks: dict[str, bool] = {}
    try:
        policies = copy_policies(tmp / "policies")
        replace_once(
            policies / "limits.yaml",
            "    window: minute\n    requests: 20\n",
            f"    window: minute\n    requests: {LIMIT}\n",
        )
        with scratch_postgres() as url:
            env = gateway_env(
                url, provider_config(tmp / "p.yaml", upstream.base_url, timeout_s=10), policies_dir=policies
            )
            env["IAG_REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            key = create_key(env, "agent-charge", "buyer")
            started = time.monotonic()
            with running([(env, tmp / f"gateway-{i}.log") for i in range(INSTANCES)]) as gateways:
                print(f"{INSTANCES} instances ready in {time.monotonic() - started:.1f} s")
                second = time.gmtime().tm_sec
                if second > 40:
                    time.sleep(61 - second)  # the burst stays inside one quota minute

                def one(i: int) -> int:
                    return chat(gateways[i % INSTANCES].base_url, key, f"Résumé du lot {i}.").status_code

                t0 = time.monotonic()
                with ThreadPoolExecutor(max_workers=9) as pool:
                    statuses = list(pool.map(one, range(CALLS)))
                elapsed = time.monotonic() - t0
                ok, limited = statuses.count(200), statuses.count(429)
                print(
                    f"burst: {CALLS} calls in {elapsed:.1f} s over {INSTANCES} instances: {ok} × 200, {limited} × 429"
                )
                checks["quotas exact"] = ok == LIMIT and limited == CALLS - LIMIT

                totals = [total_requests(g.base_url) for g in gateways]
                print(
                    f"/metrics iag_requests_total per instance: {totals} (sum {sum(totals):.0f}, sent {CALLS})"
                )
                checks["metrics add up"] = sum(totals) == CALLS

                replace_once(policies / "policy.yaml", 'version: "2025.06-1"', 'version: "2025.06-soak"')
                for gateway in gateways:
                    gateway.send_signal(signal.SIGHUP)
                time.sleep(3)
                versions = [
                    httpx.get(g.base_url + "/readyz", timeout=10).json()["policy"]["version"]
                    for g in gateways
                ]
                print(f"policy served after SIGHUP: {versions}")
                checks["reload reaches all"] = set(versions) == {"2025.06-soak"}
            verify = cli(env, "audit", "verify")
            print(verify.stdout.strip() or verify.stderr.strip())
            checks["chain intact"] = verify.returncode == 0
    finally:
        redis.terminate()
        redis.wait(timeout=10)
        upstream.stop()
    for name, passed in checks.items():
        print(f"{'PASS' if passed else 'FAIL'}  {name}")
    return 0 if checks and all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
