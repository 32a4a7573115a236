"""litellm builds its success payload only for a registered success callback (issue #11)."""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Iterator
from typing import Any

import pytest

from iag_gateway.providers.router import offline_litellm_environment
from iag_gateway.providers.success_logging import skip_unobserved_success_logging
from tests.fakes.upstream import FakeUpstream
from tests.providers.routers import echo_router


def _custom_logger_class() -> type[Any]:
    offline_litellm_environment()
    from litellm.integrations.custom_logger import CustomLogger

    class SeenSuccesses(CustomLogger):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.payloads: list[Any] = []

        async def async_log_success_event(
            self, kwargs: dict[str, Any], response_obj: Any, start_time: Any, end_time: Any
        ) -> None:
            self.payloads.append(kwargs.get("standard_logging_object"))

    return SeenSuccesses


def _logging_object(callbacks: list[Any] | None) -> Any:
    from litellm.litellm_core_utils.litellm_logging import Logging

    logging_obj = Logging(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Bonjour"}],
        stream=False,
        call_type="acompletion",
        start_time=datetime.datetime.now(),
        litellm_call_id="test-call",
        function_id="test",
        dynamic_async_success_callbacks=callbacks,
    )
    logging_obj.update_environment_variables(
        model="gpt-4o-mini", user=None, optional_params={}, litellm_params={"custom_llm_provider": "openai"}
    )
    return logging_obj


def _response() -> Any:
    from litellm.types.utils import ModelResponse

    return ModelResponse(
        model="gpt-4o-mini",
        choices=[{"message": {"role": "assistant", "content": "Salut"}}],
        usage={"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
    )


def _succeed(logging_obj: Any) -> None:
    response = _response()
    now = datetime.datetime.now()
    asyncio.new_event_loop().run_until_complete(
        logging_obj.async_success_handler(result=response, start_time=now, end_time=now)
    )


@pytest.fixture
def skipping() -> Iterator[None]:
    offline_litellm_environment()
    skip_unobserved_success_logging()
    yield


def test_when_no_success_callback_is_registered_then_no_logging_payload_is_built(skipping: None) -> None:
    logging_obj = _logging_object(callbacks=None)
    _succeed(logging_obj)
    assert "standard_logging_object" not in logging_obj.model_call_details


def test_when_a_success_callback_is_registered_then_it_receives_the_payload_as_before(skipping: None) -> None:
    seen = _custom_logger_class()()
    logging_obj = _logging_object(callbacks=[seen])
    _succeed(logging_obj)
    assert "standard_logging_object" in logging_obj.model_call_details
    assert len(seen.payloads) == 1 and seen.payloads[0]["response_cost"] is not None


def test_when_no_success_callback_is_registered_then_the_call_is_not_priced(skipping: None) -> None:
    assert _logging_object(callbacks=None)._response_cost_calculator(result=_response()) is None


def test_when_a_success_callback_is_registered_then_the_call_is_priced_as_before(skipping: None) -> None:
    seen = _custom_logger_class()()
    cost = _logging_object(callbacks=[seen])._response_cost_calculator(result=_response())
    assert isinstance(cost, float) and cost > 0


def test_when_installed_twice_then_the_handler_is_wrapped_once(skipping: None) -> None:
    from litellm.litellm_core_utils.litellm_logging import Logging

    first = Logging.async_success_handler
    skip_unobserved_success_logging()
    assert Logging.async_success_handler is first


def test_when_a_deployment_registers_a_logger_then_router_calls_still_reach_it(
    upstream: FakeUpstream,
) -> None:
    router = echo_router(upstream.base_url)
    import litellm
    from litellm.litellm_core_utils.logging_worker import GLOBAL_LOGGING_WORKER

    seen = _custom_logger_class()()
    litellm.callbacks = [seen]
    # litellm's logging worker is process-wide and bound to the first event loop that used
    # it; earlier tests ran (and closed) other loops, so it starts afresh on this one.
    GLOBAL_LOGGING_WORKER._queue, GLOBAL_LOGGING_WORKER._worker_task = None, None

    async def call_and_wait() -> dict[str, Any]:
        answer = await router.complete("onprem-llm", [{"role": "user", "content": "Bonjour"}], {})
        for _ in range(100):  # litellm's logging worker runs the callback after the answer
            if seen.payloads:
                break
            await asyncio.sleep(0.05)
        await router.aclose()
        return answer

    try:
        answer = asyncio.new_event_loop().run_until_complete(call_and_wait())
    finally:
        litellm.callbacks = []
        litellm.success_callback, litellm.failure_callback = [], []
        litellm._async_success_callback, litellm._async_failure_callback = [], []
    assert answer["choices"][0]["message"]["content"].startswith("echo: ")
    assert len(seen.payloads) == 1
