"""Fuzz the OpenAPI description of /v1 with schemathesis: no 500, every error in the OpenAI shape.

A bounded run here (the fuzzing phase, ten examples per operation);
``make fuzz-api`` runs every phase with more examples.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import KeyFactory
from tests.harness import LiveGateway

ST = Path(sys.executable).with_name("st")


def fuzz(gateway: LiveGateway, key: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run ``st run`` against the live gateway's /openapi.json, /v1 only."""
    return subprocess.run(
        [
            str(ST), "run", gateway.base_url + "/openapi.json",
            "-H", f"Authorization: Bearer {key}",
            "--include-path-regex", "^/v1",
            "--checks", "not_a_server_error,response_schema_conformance",
            "--request-timeout", "30", "--workers", "2", "--no-color", "--seed", "20261129",
            *extra,
        ],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


def test_when_schemathesis_fuzzes_v1_then_no_500_and_every_error_is_openai_shaped(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    phases = os.environ.get("IAG_FUZZ_PHASES", "fuzzing")
    examples = os.environ.get("IAG_FUZZ_EXAMPLES", "10")
    run = fuzz(gateway, make_key("buyer", "auditor"), "--phases", phases, "--max-examples", examples)
    print(run.stdout[-1500:])
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "passed" in run.stdout and "failed" not in run.stdout.split("SUMMARY")[-1]


def test_when_the_openapi_description_is_read_then_v1_bodies_and_errors_are_described(
    gateway: LiveGateway,
) -> None:
    import httpx

    spec = httpx.get(gateway.base_url + "/openapi.json", timeout=30).json()
    chat = spec["paths"]["/v1/chat/completions"]["post"]
    schema = chat["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["model", "messages"] and "reasoning_effort" in schema["properties"]
    error = chat["responses"]["default"]["content"]["application/json"]["schema"]
    assert error["properties"]["error"]["required"] == ["message", "type", "code"]
    assert "/v1/models/{model_id}" in spec["paths"]
