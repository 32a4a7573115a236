"""Routers for the provider tests: one OpenAI-compatible deployment, optionally a demo fallback."""

from __future__ import annotations

from typing import Any

from iag_gateway.providers.config import ProviderConfig
from iag_gateway.providers.router import ProviderRouter


def echo_router(api_base: str, *, fallback_to_demo: bool = False) -> ProviderRouter:
    """A router whose ``onprem-llm`` is the server at ``api_base`` (no retry, 5 s timeout).

    With ``fallback_to_demo``, a failing ``onprem-llm`` falls back to ``demo-local``.
    """
    model_list: list[dict[str, Any]] = [
        {
            "model_name": "onprem-llm",
            "litellm_params": {
                "model": "openai/echo",
                "api_base": api_base,
                "api_key": "os.environ/IAG_TEST_UPSTREAM_KEY",
            },
        }
    ]
    settings: dict[str, Any] = {"num_retries": 0, "timeout": 5}
    if fallback_to_demo:
        model_list.append({"model_name": "demo-local", "litellm_params": {"model": "iag-demo/demo"}})
        settings["fallbacks"] = [{"onprem-llm": ["demo-local"]}]
    return ProviderRouter(
        ProviderConfig.model_validate({"model_list": model_list, "router_settings": settings})
    )
