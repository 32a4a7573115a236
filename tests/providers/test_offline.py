"""litellm must never reach the internet, at import or call time."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from iag_gateway.providers.demo import compose_answer

PROBE = textwrap.dedent(
    """
    import asyncio, socket, sys
    attempts = []

    def guard(event, args):
        if event == "socket.connect":
            address = args[1]
            host = address[0] if isinstance(address, tuple) else str(address)
            if not (host.startswith("127.") or host in ("::1", "localhost")):
                attempts.append(host)
                raise OSError("network disabled in this test")
        if event == "socket.getaddrinfo" and args[0] not in ("127.0.0.1", "localhost", "::1", None):
            attempts.append(str(args[0]))
            raise OSError("DNS disabled in this test")

    sys.addaudithook(guard)
    from pathlib import Path
    from iag_gateway.providers.config import load_provider_config
    from iag_gateway.providers.router import ProviderRouter
    from iag_gateway.settings import Settings

    router = ProviderRouter(load_provider_config(Settings().config))
    async def main():
        answer = await router.complete("demo-local", [{"role": "user", "content": "Bonjour"}], {"max_tokens": 50})
        chunks = [c async for c in router.stream("demo-local", [{"role": "user", "content": "Bonjour"}], {})]
        return answer, chunks
    from iag_gateway.pii.engine import PiiEngine
    engine = PiiEngine.build(allow_list_files=Settings().pii_allow_lists)
    assert engine.analyze("Écrire à jeanne.martin@example.org ou au 06 12 34 56 78, Mme Jeanne Martin.")
    answer, chunks = asyncio.new_event_loop().run_until_complete(main())
    assert "Bonjour" in answer["choices"][0]["message"]["content"]
    assert chunks
    print("ATTEMPTS", sorted(set(attempts)), flush=True)
    import os
    os._exit(0)  # litellm's logging worker task can stall asyncio's final cancellation
    """
)


def test_when_providers_and_pii_engine_are_built_and_used_then_no_connection_leaves_the_machine() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ATTEMPTS []" in result.stdout


def test_when_demo_answers_then_it_restates_the_request_and_says_what_it_is() -> None:
    answer = compose_answer(
        [
            {"role": "system", "content": "Tu es acheteur public.\nRègles..."},
            {"role": "user", "content": "Objet : gants"},
        ]
    )
    assert "pas un modèle" in answer
    assert "« Objet : gants »" in answer
    assert "Tu es acheteur public." in answer


def test_when_gateway_modules_are_imported_then_litellm_is_not_yet() -> None:
    # litellm reads LITELLM_LOCAL_MODEL_COST_MAP at import: only the router may import it,
    # after setting it. Importing our modules must not import litellm behind its back.
    probe = (
        "import sys, iag_gateway.app, iag_gateway.cli, iag_gateway.pipeline, iag_gateway.responses, "
        "iag_gateway.web.api, iag_gateway.web.form; print('litellm' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "False"
