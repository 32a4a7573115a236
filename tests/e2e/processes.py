"""Run real ``iag-gateway`` processes and CLI commands, on 127.0.0.1, for end-to-end tests.

Nothing is imported from the gateway here: every interaction goes through the
installed ``iag-gateway`` entry point, its environment variables and HTTP, as an
operator would. Gateways are started together and awaited together (each one
spends seconds loading spaCy and litellm), and always stopped by the caller's
``running`` block.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

REPO = Path(__file__).resolve().parents[2]
SHIPPED_POLICIES = REPO / "policies"
IAG = Path(sys.executable).with_name("iag-gateway")
STARTUP_TIMEOUT_S = 120.0
UPSTREAM_KEY = "sk-test-not-a-secret"


def free_ports(count: int) -> list[int]:
    """Ports free on 127.0.0.1, held together while chosen so they are distinct."""
    with ExitStack() as stack:
        sockets = [
            stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) for _ in range(count)
        ]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def children(pid: int) -> set[int]:
    """The live child processes of ``pid`` (Linux ``/proc``)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def gateway_env(
    database_url: str, config: Path, *, policies_dir: Path | None = None, watch_policies: bool = False
) -> dict[str, str]:
    """The environment of a gateway or CLI command; inherited ``IAG_*`` variables are dropped."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("IAG_")}
    env.update(
        IAG_ENV="test",
        IAG_DATABASE_URL=database_url,
        IAG_CONFIG=str(config),
        IAG_WATCH_POLICIES="true" if watch_policies else "false",
        IAG_WORKERS="1",  # one worker per gateway unless a test asks for more
        IAG_TEST_UPSTREAM_KEY=os.environ.get("IAG_TEST_UPSTREAM_KEY", UPSTREAM_KEY),
    )
    if policies_dir is not None:
        env["IAG_POLICIES_DIR"] = str(policies_dir)
    return env


def cli(env: dict[str, str], *args: str, timeout_s: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``iag-gateway ARGS`` and return its exit code and output."""
    return subprocess.run(
        [str(IAG), *args], env=env, capture_output=True, text=True, timeout=timeout_s, check=False
    )


def create_key(env: dict[str, str], user: str, *roles: str, department: str = "pole-achats") -> str:
    """Create a trained key with the CLI (migrating first); the key is alone on the last stdout line."""
    upgraded = cli(env, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    role_args = [arg for role in roles for arg in ("--role", role)]
    result = cli(env, "keys", "create", "--user", user, "--department", department, *role_args, "--trained")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def copy_policies(dest: Path) -> Path:
    """A private, editable copy of the shipped ``policies/`` directory."""
    shutil.copytree(SHIPPED_POLICIES, dest)
    return dest


def replace_once(path: Path, old: str, new: str) -> None:
    """Edit a policy file in place; fail loudly if the shipped text moved."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found exactly once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@dataclass
class GatewayProcess:
    """One ``iag-gateway serve`` process; stdout and stderr go to ``log_path``."""

    process: subprocess.Popen[bytes]
    port: int
    log_path: Path
    _log: IO[bytes] = field(repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def send_signal(self, signum: signal.Signals) -> None:
        self.process.send_signal(signum)

    def workers(self) -> set[int]:
        """The pids of the workers ``serve`` forked (its live children)."""
        return children(self.process.pid)

    def kill(self) -> None:
        """SIGKILL ``serve`` and its workers together, as the OOM killer or a cgroup kill would."""
        self.process.send_signal(signal.SIGSTOP)  # it cannot fork a replacement while we look
        workers = self.workers()
        self.process.kill()
        for pid in workers:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._log.close()


def _launch(env: dict[str, str], port: int, log_path: Path) -> GatewayProcess:
    log = log_path.open("wb")
    try:
        process = subprocess.Popen(
            [str(IAG), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    except BaseException:
        log.close()
        raise
    return GatewayProcess(process=process, port=port, log_path=log_path, _log=log)


def _wait_ready(gateway: GatewayProcess, deadline: float) -> None:
    while True:
        code = gateway.process.poll()
        if code is not None:
            raise RuntimeError(f"gateway exited with {code} during startup:\n{gateway.log_text()}")
        try:
            if httpx.get(gateway.base_url + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"gateway not ready after {STARTUP_TIMEOUT_S} s:\n{gateway.log_text()}")
        time.sleep(0.2)


@contextmanager
def running(specs: Sequence[tuple[dict[str, str], Path]]) -> Iterator[list[GatewayProcess]]:
    """Start one gateway per (environment, log file), in parallel; stop them all on exit."""
    gateways: list[GatewayProcess] = []
    try:
        for (env, log_path), port in zip(specs, free_ports(len(specs)), strict=True):
            gateways.append(_launch(env, port, log_path))
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        for gateway in gateways:
            _wait_ready(gateway, deadline)
        yield gateways
    finally:
        for gateway in gateways:
            gateway.stop()


def chat(base_url: str, key: str, content: str, *, model: str = "onprem-llm", **extra: Any) -> httpx.Response:
    """POST one chat completion with httpx (no client-side retries)."""
    return httpx.post(
        base_url + "/v1/chat/completions",
        json={"model": model, "messages": [{"role": "user", "content": content}], **extra},
        headers={"Authorization": f"Bearer {key}"},
        timeout=60,
    )


def export_jsonl(env: dict[str, str], *args: str) -> list[dict[str, Any]]:
    """``iag-gateway audit export --format jsonl`` parsed, one dict per record."""
    result = cli(env, "audit", "export", "--format", "jsonl", *args)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
