"""Run the real gateway under uvicorn on 127.0.0.1 in a background thread."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from iag_gateway.app import create_app
from iag_gateway.settings import Settings


def provider_config(path: Path, upstream_base_url: str, *, timeout_s: float = 1.5) -> Path:
    """Write a provider config: the demo model plus two aliases served by the fake upstream."""
    path.write_text(
        f"""
model_list:
  - model_name: demo-local
    litellm_params: {{model: iag-demo/demo}}
  - model_name: onprem-llm
    litellm_params: {{model: openai/echo, api_base: "{upstream_base_url}", api_key: os.environ/IAG_TEST_UPSTREAM_KEY}}
  - model_name: mistral-eu
    litellm_params: {{model: openai/echo, api_base: "{upstream_base_url}", api_key: os.environ/IAG_TEST_UPSTREAM_KEY}}
router_settings:
  timeout: {timeout_s}
  num_retries: 1
""",
        encoding="utf-8",
    )
    return path


@dataclass
class LiveGateway:
    settings: Settings
    port: int
    server: uvicorn.Server
    thread: threading.Thread

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def services(self):  # type: ignore[no-untyped-def]
        return self.server.config.app.state.services  # type: ignore[union-attr]

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_gateway(settings: Settings) -> LiveGateway:
    app = create_app(settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 90
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("gateway did not start")
        time.sleep(0.05)
    return LiveGateway(settings=settings, port=port, server=server, thread=thread)
