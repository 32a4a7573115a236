"""Fault soak: two gateway processes on one database against a recording, faulty provider.

    python -m tests.soak.soak --requests 10000      (``make soak``)

Mixed requests (plain, streamed, template runs, texts carrying personal data) are
spread over two ``iag-gateway serve`` processes (one worker each) sharing one SQLite
audit trail. The fake provider records every call and injects faults chosen by the
request: 429 with Retry-After, 5xx, timeouts, streams cut mid-answer, clean closes without
a finish reason, plain bodies cut short. Part-way through, one gateway (``serve`` and its
worker) is killed with SIGKILL and restarted. With ``--cut-shm N``, SQLite's shared-memory
file is also truncated N times while both serve (issue #10): a worker that dies of it is
restarted by its ``serve`` and counted by signal from that log line. Each request carries
a nonce, and the soak's policy keeps the pseudonymised texts in the trail, so every call
the provider saw can be matched to its audit record. The report: requests sent, answered,
refused by status, original personal values found in what left the gateway (must be 0),
provider calls vs calls with a record, calls never completed, worker deaths, and
``audit verify``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.e2e import processes
from tests.e2e.processes import (
    GatewayProcess,
    _launch,
    _wait_ready,
    cli,
    copy_policies,
    create_key,
    gateway_env,
    running,
)
from tests.fakes.upstream import FakeUpstream
from tests.harness import provider_config

FAULTS = (
    "",
    "",
    "",
    "",
    "",
    "[[ratelimit]]",
    "[[fail500]]",
    "[[slow]]",
    "[[cut]]",
    "[[noterm]]",
    "[[cutplain]]",
)
FIRST = ("Roseline", "Gwenaël", "Maëlys", "Hervé", "Soizic", "Yannick", "Brigitte", "Thierry")
LAST = ("Quéméner", "Le Goff", "Kerbrat", "Tanguy", "Riou", "Le Bihan", "Guillou", "Morvan")
TEMPLATE = "achats-reformulation-specification"
NONCE = re.compile(r"soak(\d{7})")
WORKER_DEATH = re.compile(r"worker \d+ exited \((?:killed by )?([^)]+)\)")


@dataclass
class Report:
    sent: int = 0
    answered: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    leaks: int = 0
    upstream_calls: int = 0
    upstream_requests: int = 0
    with_record: int = 0
    never_completed: int = 0
    shm_cuts: int = 0
    deaths: Counter[str] = field(default_factory=Counter)
    chain: str = ""
    chain_ok: bool = False
    seconds: float = 0.0

    @property
    def without_record(self) -> int:
        return self.upstream_requests - self.with_record

    def table(self) -> str:
        refused = ", ".join(f"{status}: {n}" for status, n in sorted(self.refused.items())) or "none"
        deaths = ", ".join(f"{cause}: {n}" for cause, n in sorted(self.deaths.items())) or "none"
        rows = [
            ("requests sent", self.sent),
            ("answered (2xx)", self.answered),
            ("refused by status", refused),
            ("original personal values in egress", self.leaks),
            ("provider calls (HTTP requests seen)", self.upstream_calls),
            ("requests that reached the provider", self.upstream_requests),
            ("  of which with an audit record", self.with_record),
            ("  of which WITHOUT a record", self.without_record),
            ("calls never completed (killed mid-call)", self.never_completed),
            ("shared-memory file truncations", self.shm_cuts),
            ("worker or gateway deaths besides the kill -9", deaths),
            ("audit verify", self.chain),
            ("duration (s)", f"{self.seconds:.1f}"),
        ]
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def _person(rng: random.Random) -> tuple[str, list[str]]:
    """A text with personal data, and the original values that must never leave."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    phone = "06 " + " ".join(f"{rng.randrange(100):02d}" for _ in range(4))
    email = f"{first.lower()}.{rng.randrange(1000)}@exemple.fr".replace("ë", "e").replace("é", "e")
    text = f"Merci de recontacter Mme {first} {last} au {phone} ou par courriel à {email}."
    return text, [phone, email]


class Soak:
    def __init__(self, total: int, workers: int, seed: int, workdir: Path) -> None:
        self.total = total
        self.workers = workers
        self.rng = random.Random(seed)
        self.workdir = workdir
        self.report = Report()
        self.originals: set[str] = set()
        self.lock = threading.Lock()
        self.gateways: list[GatewayProcess] = []
        self.down: set[int] = set()
        self.keys: list[str] = []
        self.progress = 0  # print a line every N requests (0: silent)
        self.killer: threading.Thread | None = None
        self.kill_at = -1
        self.cut_at: set[int] = set()
        self.env: dict[str, str] = {}
        self.restarting: set[int] = set()

    def setup(self, upstream: FakeUpstream) -> dict[str, str]:
        policies = copy_policies(self.workdir / "policies")
        limits = policies / "limits.yaml"
        text = re.sub(r"requests: \d+", "requests: 1000000", limits.read_text(encoding="utf-8"))
        text = re.sub(r"tokens: \d+", "tokens: 1000000000", text)
        limits.write_text(text.replace("requests: 1000000\n", "requests: 120\n", 1), encoding="utf-8")
        main = policies / "policy.yaml"
        main.write_text(
            main.read_text(encoding="utf-8").replace(
                "store_redacted_text: false", "store_redacted_text: true"
            ),
            encoding="utf-8",
        )
        config = provider_config(self.workdir / "providers.yaml", upstream.base_url, timeout_s=1.0)
        env = gateway_env(f"sqlite:///{self.workdir / 'soak.db'}", config, policies_dir=policies)
        assert cli(env, "db", "upgrade").returncode == 0
        self.keys = [create_key(env, f"agent-soak-{n}", "buyer") for n in range(8)]
        return env

    def one(self, index: int) -> None:
        rng = random.Random(self.rng.random() + index)
        nonce = f"soak{index:07d}"
        kind = rng.choice(("plain", "plain", "stream", "stream", "template"))
        fault = "" if kind == "template" else rng.choice(FAULTS)
        text, originals = _person(rng) if rng.random() < 0.6 else ("Rédige une phrase sur les gants.", [])
        with self.lock:
            self.originals.update(originals)
            self.report.sent += 1
        slot = index % len(self.gateways)
        if slot in self.down:
            slot = 1 - slot
        gateway = self.gateways[slot]
        key = self.keys[index % len(self.keys)]
        headers = {"Authorization": f"Bearer {key}"}
        content = f"{nonce} {text} {fault}".strip()
        try:
            if kind == "template":
                url = f"{gateway.base_url}/v1/templates/{TEMPLATE}/run"
                body: dict[str, Any] = {
                    "inputs": {
                        "objet": f"Fourniture de gants {nonce}",
                        "type_marche": "Fournitures",
                        "niveau": "Corrections ciblées",
                        "texte_original": content,
                    }
                }
            else:
                url = f"{gateway.base_url}/v1/chat/completions"
                body = {"model": "onprem-llm", "messages": [{"role": "user", "content": content}]}
                body["stream"] = kind == "stream"
            response = httpx.post(url, json=body, headers=headers, timeout=30)
            status = str(response.status_code)
            if response.status_code == 200 and kind == "stream" and "[DONE]" not in response.text:
                status = "200 stream ended by an error event"
        except httpx.TransportError as exc:
            status = type(exc).__name__
            if gateway.process.poll() is not None:
                self.revive(slot, gateway)
        with self.lock:
            if status == "200":
                self.report.answered += 1
            else:
                self.report.refused[status] += 1
            done = self.report.answered + sum(self.report.refused.values())
        if done == self.kill_at and self.killer is not None:
            self.killer.start()
        if done in self.cut_at:
            with self.lock:
                self.report.shm_cuts += 1
            os.truncate(self.workdir / "soak.db-shm", 0)
        if self.progress and done % self.progress == 0:
            print(f"soak: {done}/{self.total} answered or refused", file=sys.stderr, flush=True)

    def revive(self, slot: int, dead: GatewayProcess) -> None:
        """Count a ``serve`` that died on its own and restart it, as systemd would.

        A dead worker is restarted by ``serve`` itself and counted from its log line.
        """
        with self.lock:
            if (
                slot in self.restarting
                or self.gateways[slot] is not dead
                or (slot == 1 and slot in self.down)
            ):
                return
            self.restarting.add(slot)
            self.down.add(slot)
            code = dead.process.returncode
            self.report.deaths[signal.Signals(-code).name if code < 0 else f"exit {code}"] += 1
        dead.stop()
        log = self.workdir / f"gateway-{slot}-revived-{sum(self.report.deaths.values())}.log"
        revived = _launch(self.env, dead.port, log)
        _wait_ready(revived, time.monotonic() + processes.STARTUP_TIMEOUT_S)
        with self.lock:
            self.gateways[slot] = revived
            self.down.discard(slot)
            self.restarting.discard(slot)

    def kill_and_restart(self, env: dict[str, str]) -> None:
        victim = self.gateways[1]
        victim.kill()  # serve and its worker, first, so calls in flight on it are cut
        self.down.add(1)
        victim.process.wait(timeout=30)
        victim.stop()
        restarted = _launch(env, victim.port, self.workdir / "gateway-b-restarted.log")
        _wait_ready(restarted, time.monotonic() + processes.STARTUP_TIMEOUT_S)
        self.gateways[1] = restarted
        self.down.discard(1)

    def run(self) -> Report:
        started = time.monotonic()
        upstream = FakeUpstream(slow_s=1.5).start()
        try:
            env = self.env = self.setup(upstream)
            logs = [self.workdir / "gateway-a.log", self.workdir / "gateway-b.log"]
            with running([(env, logs[0]), (env, logs[1])]) as gateways:
                self.gateways = list(gateways)
                # The kill lands while requests are in flight on both processes.
                self.killer = threading.Thread(target=self.kill_and_restart, args=(env,))
                self.kill_at = self.total // 3
                with ThreadPoolExecutor(self.workers) as pool:
                    list(pool.map(self.one, range(self.total)))
                self.killer.join()
                self.gateways[1].stop()
            self.check(env, upstream)
        finally:
            upstream.stop()
        self.report.seconds = time.monotonic() - started
        return self.report

    def check(self, env: dict[str, str], upstream: FakeUpstream) -> None:
        egress = upstream.sent_text()
        report = self.report
        for log in self.workdir.glob("gateway-*.log"):
            report.deaths.update(WORKER_DEATH.findall(log.read_text(encoding="utf-8", errors="replace")))
        report.leaks = sum(1 for value in self.originals if value in egress)
        report.upstream_calls = len(upstream.received)
        seen = set(NONCE.findall(egress))
        report.upstream_requests = len(seen)
        with sqlite3.connect(self.workdir / "soak.db") as db:
            rows = db.execute("SELECT prompt_text FROM audit_event WHERE prompt_text IS NOT NULL").fetchall()
        recorded = {nonce for (text,) in rows for nonce in NONCE.findall(text)}
        report.with_record = len(seen & recorded)
        verify = cli(env, "audit", "verify")
        report.chain_ok = verify.returncode == 0
        lines = (verify.stdout + verify.stderr).strip().splitlines()
        report.chain = "; ".join(lines) or f"exit {verify.returncode}"
        match = re.search(r"(\d+) call\(s\) sent to a provider never completed", verify.stdout)
        report.never_completed = int(match.group(1)) if match else 0


def run_soak(
    total: int,
    *,
    workers: int = 12,
    seed: int = 20261129,
    workdir: Path | None = None,
    progress: int = 0,
    cut_shm: int = 0,
) -> Report:
    """Run the soak and return its report (see the module docstring)."""
    if workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix="iag-soak-"))
    soak = Soak(total, workers, seed, workdir)
    soak.progress = progress
    # Cuts spread over the run, away from the kill -9 at a third.
    soak.cut_at = {total * (2 * n + 1) // (2 * cut_shm + 1) + 7 for n in range(cut_shm)}
    return soak.run()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=12)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--cut-shm", type=int, default=0, help="truncate SQLite's -shm file N times")
    parser.add_argument(
        "--startup-timeout", type=float, default=600.0, help="seconds a gateway may take to start"
    )
    args = parser.parse_args()
    processes.STARTUP_TIMEOUT_S = args.startup_timeout  # a loaded machine starts spaCy slowly
    report = run_soak(args.requests, workers=args.workers, seed=args.seed, progress=500, cut_shm=args.cut_shm)
    print(report.table())
    print(
        json.dumps(
            {"leaks": report.leaks, "without_record": report.without_record, "chain_ok": report.chain_ok}
        )
    )
    if report.leaks or report.without_record or not report.chain_ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
