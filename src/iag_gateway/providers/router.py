"""Reach providers through litellm's Router, and translate its errors into ours.

This is the only module (with ``demo.py`` and ``http_client.py``) that imports litellm. It is imported
lazily by ``create_app`` after :func:`offline_litellm_environment` has run, because
litellm fetches its model cost map from the internet at import time unless told
not to.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx

from iag_gateway.errors import (
    GatewayError,
    UpstreamError,
    UpstreamRateLimited,
    UpstreamRejected,
    UpstreamTimeout,
)
from iag_gateway.providers.config import ProviderConfig, resolve_env
from iag_gateway.providers.http_client import shared_provider_client

PROVIDER_MODEL_KEY = "_iag_provider_model"
#: What ``ProviderRouter`` imports from litellm (imported ahead by ``import_litellm``).
LITELLM_MODULES = (
    "litellm",
    "litellm.router",
    "litellm.types.router",
    "litellm.litellm_core_utils.get_supported_openai_params",
)
#: Provider statuses that are the caller's error, passed through (401/403/404 are ours: 502).
PASSED_THROUGH = frozenset({400, 413, 422})
_PROVIDER_MESSAGE = re.compile(r"Exception - (?P<text>.*?)(?:\nmodel=|\Z)", re.DOTALL)


def offline_litellm_environment() -> None:
    """Make litellm use its bundled cost map and tokenizers; never call home."""
    os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
    os.environ.setdefault("LITELLM_LOG", "ERROR")
    os.environ["LITELLM_TELEMETRY"] = "False"
    # Outside PRODUCTION, ``import litellm`` loads the first .env found above its own install
    # directory (the repository's, for a .venv inside it) into the gateway's environment.
    os.environ["LITELLM_MODE"] = "PRODUCTION"


def import_litellm() -> None:
    """Import litellm and the parts the router uses, without creating any client.

    A forking server calls this before its workers start, so that they share the
    modules' memory and do not each pay the import (about two CPU seconds).
    """
    offline_litellm_environment()
    for module in LITELLM_MODULES:
        importlib.import_module(module)


class ProviderRouter:
    """Route model aliases to deployments (timeouts, retries, fallbacks) via litellm."""

    def __init__(self, config: ProviderConfig) -> None:
        offline_litellm_environment()
        import litellm
        from litellm.router import Router
        from litellm.types.router import RetryPolicy

        from iag_gateway.providers.demo import DemoLLM
        from iag_gateway.providers.labels import DEMO_PROVIDER
        from iag_gateway.providers.success_logging import skip_unobserved_success_logging

        litellm.telemetry = False
        litellm.suppress_debug_info = True
        litellm.turn_off_message_logging = True
        litellm.drop_params = True
        # Not litellm's aiohttp transport: it hides a provider hanging up mid-stream (litellm
        # then invents a normal end). Providers reached through the openai SDK send through
        # httpx-aiohttp's transport instead (http_client.py), which reports a cut body; the
        # others through httpx's own.
        litellm.disable_aiohttp_transport = True
        litellm.aclient_session = self._http = shared_provider_client()
        litellm.callbacks = []
        litellm.success_callback = []
        litellm.failure_callback = []
        for name in ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        if not any(item.get("provider") == DEMO_PROVIDER for item in litellm.custom_provider_map):
            litellm.custom_provider_map.append({"provider": DEMO_PROVIDER, "custom_handler": DemoLLM()})
        from litellm.utils import custom_llm_setup

        custom_llm_setup()  # type: ignore[no-untyped-call]

        self._litellm = litellm
        self.config = config
        settings = config.router_settings
        model_list = [
            {
                "model_name": d.model_name,
                "litellm_params": resolve_env(d.litellm_params),
                "model_info": d.model_info,
            }
            for d in config.model_list
        ]
        self._router: Any = Router(
            model_list=model_list,
            timeout=settings.timeout,
            num_retries=settings.num_retries,
            retry_policy=RetryPolicy(
                RateLimitErrorRetries=0,
                TimeoutErrorRetries=0,
                BadRequestErrorRetries=0,
                AuthenticationErrorRetries=0,
                InternalServerErrorRetries=settings.num_retries,
            ),
            fallbacks=list(settings.fallbacks),
            disable_cooldowns=True,
        )
        # The Router registers callbacks that count each deployment's usage for routing
        # strategies and cooldowns we do not use; they ran after every call (per-call CPU).
        litellm.success_callback, litellm.failure_callback = [], []
        litellm._async_success_callback, litellm._async_failure_callback = [], []
        # Emptied lists do not stop litellm building its success payload for nobody.
        skip_unobserved_success_logging()
        self._demo_prefix = DEMO_PROVIDER + "/"

    async def aclose(self) -> None:
        """Close the running loop's connections to the providers (at the lifespan's end)."""
        await self._http.aclose_loop()

    def is_demo(self, alias: str) -> bool:
        return (self.config.provider_model(alias) or "").startswith(self._demo_prefix)

    def supported_params(self, alias: str) -> frozenset[str]:
        """The OpenAI request fields litellm says the alias's first deployment accepts (empty if unknown)."""
        from litellm.litellm_core_utils.get_supported_openai_params import get_supported_openai_params

        provider, _, model = (self.config.provider_model(alias) or "").partition("/")
        try:
            names = get_supported_openai_params(model=model, custom_llm_provider=provider)
        except Exception:  # an unknown provider: forward none of the optional fields
            return frozenset()
        return frozenset(names or ())

    def knows(self, alias: str) -> bool:
        return self.config.provider_model(alias) is not None

    async def complete(
        self, alias: str, messages: list[dict[str, Any]], params: dict[str, Any]
    ) -> dict[str, Any]:
        """Return the provider's answer as an OpenAI-shaped dict.

        ``PROVIDER_MODEL_KEY`` names the deployment that really answered (after a
        fallback, not the alias's first one), for the audit record.
        """
        try:
            response = await self._router.acompletion(model=alias, messages=messages, **params)
        except Exception as exc:
            raise self.translate(exc) from exc
        result: dict[str, Any] = response.model_dump(warnings=False)
        result[PROVIDER_MODEL_KEY] = _deployment(response)
        return result

    async def ask(self, alias: str, messages: list[dict[str, Any]], *, timeout_s: float) -> str:
        """Return the text of one short completion: one attempt, no fallback, ``timeout_s`` seconds.

        For the gateway's own questions to a model (the usage guard), never a caller's.
        """
        try:
            response = await self._router.acompletion(
                model=alias,
                messages=messages,
                timeout=timeout_s,
                num_retries=0,
                disable_fallbacks=True,
                max_tokens=20,
                temperature=0,
            )
        except Exception as exc:
            raise self.translate(exc) from exc
        choices = getattr(response, "choices", None) or []
        message = getattr(choices[0], "message", None) if choices else None
        return str(getattr(message, "content", None) or "")

    async def stream(
        self, alias: str, messages: list[dict[str, Any]], params: dict[str, Any]
    ) -> AsyncIterator[dict[str, Any]]:
        """Yield OpenAI-shaped chunk dicts; the last ones carry ``usage``."""
        try:
            response = await self._router.acompletion(
                model=alias, messages=messages, stream=True, stream_options={"include_usage": True}, **params
            )
            async for chunk in response:
                dumped: dict[str, Any] = chunk.model_dump(exclude_none=True, warnings=False)
                if _invented_end(response, dumped):
                    raise UpstreamError(
                        "Le fournisseur du modèle a interrompu la réponse avant la fin (aucune fin signalée)."
                    )
                dumped[PROVIDER_MODEL_KEY] = _deployment(chunk)
                yield dumped
        except GatewayError:
            raise
        except Exception as exc:
            raise self.translate(exc) from exc

    def translate(self, exc: BaseException) -> GatewayError:
        """Map a litellm/openai/httpx exception to the gateway's error tree."""
        lm = self._litellm
        name = type(exc).__name__
        if isinstance(exc, lm.Timeout) or "Timeout" in name:
            return UpstreamTimeout("Le fournisseur du modèle n'a pas répondu à temps.")
        if isinstance(exc, lm.RateLimitError):
            return UpstreamRateLimited(
                "Le fournisseur du modèle limite le débit des requêtes : réessayez plus tard.",
                _retry_after(exc),
            )
        status = getattr(exc, "status_code", None)
        if status in PASSED_THROUGH:
            code = "context_length_exceeded" if isinstance(exc, lm.ContextWindowExceededError) else None
            param = getattr(exc, "param", None) or ("messages" if code else None)
            return UpstreamRejected(
                "Le fournisseur du modèle a refusé la requête ; sa réponse : « "
                + _provider_message(exc)
                + " »",
                status=int(status),
                provider_code=code or getattr(exc, "code", None) or "upstream_rejected",
                param=param if isinstance(param, str) else None,
            )
        if _no_answer(exc):
            # litellm reports a connection failure as a status 500 of its own: no provider answered
            return UpstreamError("Le fournisseur du modèle a échoué : connexion impossible, sans réponse.")
        detail = f" (statut {status} du fournisseur)" if isinstance(status, int) else ""
        return UpstreamError(f"Le fournisseur du modèle a échoué{detail}.")


def _no_answer(exc: BaseException) -> bool:
    """Whether ``exc`` comes from a connection that could not be opened (refused, unknown host).

    litellm wraps the OpenAI SDK's ``APIConnectionError`` (itself over httpx's and aiohttp's
    connection errors) in an ``InternalServerError`` with status 500: the chain of causes says.
    """
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, httpx.ConnectError | ConnectionRefusedError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _invented_end(stream: Any, chunk: dict[str, Any]) -> bool:
    """Tell whether litellm made up this chunk's finish reason (the provider sent none).

    When a provider's stream simply stops, litellm's stream wrapper ends it with
    ``finish_reason: "stop"`` of its own; the finish reason the provider really sent is
    kept in ``received_finish_reason`` / ``intermittent_finish_reason``. Trust only those.
    """
    if not any(choice.get("finish_reason") for choice in chunk.get("choices") or []):
        return False
    # The Router wraps the provider's stream wrapper in a fallback wrapper of its own, whose
    # generator holds the real one as ``model_response`` while it runs.
    generator = getattr(stream, "_async_generator", None)
    frame = getattr(generator, "ag_frame", None)
    inner = frame.f_locals.get("model_response") if frame is not None else None
    source = inner if inner is not None else stream
    if not hasattr(source, "received_finish_reason"):
        return False  # another wrapper: nothing to tell its chunks from the provider's
    sent = getattr(source, "received_finish_reason", None)
    return (sent or getattr(source, "intermittent_finish_reason", None)) is None


def _provider_message(exc: BaseException) -> str:
    """The provider's own words, out of litellm's message (which prefixes its class names)."""
    text = str(getattr(exc, "message", "") or exc)
    matches = list(_PROVIDER_MESSAGE.finditer(text))
    found = matches[-1].group("text").strip() if matches else text
    return found[:2000] or "requête invalide."


def _deployment(response: Any) -> str | None:
    hidden = getattr(response, "_hidden_params", None) or {}
    name = hidden.get("litellm_model_name") if isinstance(hidden, dict) else None
    return str(name) if name else None


def _retry_after(exc: BaseException) -> int:
    value = None
    # litellm keeps the provider's headers apart from the (rebuilt) response object.
    for headers in (
        getattr(exc, "litellm_response_headers", None),
        getattr(getattr(exc, "response", None), "headers", None),
    ):
        if headers is not None and hasattr(headers, "get") and headers.get("retry-after"):
            value = headers.get("retry-after")
            break
    try:
        return max(1, int(float(value))) if value is not None else 1
    except ValueError:
        return 1
