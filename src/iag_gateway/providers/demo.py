"""The built-in demonstration provider: deterministic, offline, and honest about it.

It is not a language model. It restates what it was asked (and which template's
system prompt ran) so that a fresh install answers end to end with no network
and no model weights, and it says so plainly in French in every answer.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

from litellm.llms.custom_llm import CustomLLM
from litellm.types.utils import GenericStreamingChunk, ModelResponse

from iag_gateway.providers.labels import DEMO_NOTICE, DEMO_PROVIDER

_EXCERPT_CHARS = 600
_STREAM_PIECE_CHARS = 24


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return ""


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT_CHARS else text[:_EXCERPT_CHARS] + " […]"


def compose_answer(messages: list[dict[str, Any]]) -> str:
    """Build the demonstration answer from the request, deterministically."""
    system = next((_text_of(m.get("content")) for m in messages if m.get("role") == "system"), "")
    user = next((_text_of(m.get("content")) for m in reversed(messages) if m.get("role") == "user"), "")
    lines = [DEMO_NOTICE, "", f"Vous avez demandé : « {_excerpt(user)} »"]
    if system:
        first_line = next((line for line in system.splitlines() if line.strip()), "")
        lines.append(f"Consigne système appliquée : « {_excerpt(first_line)} »")
    lines.append(f"Messages reçus : {len(messages)}.")
    return "\n".join(lines)


def _count_tokens(text: str) -> int:
    # A crude, deterministic estimate: the demo model has no tokenizer.
    return max(1, len(text.split()))


def _usage(messages: list[dict[str, Any]], answer: str) -> dict[str, int]:
    prompt = sum(_count_tokens(_text_of(m.get("content"))) for m in messages)
    completion = _count_tokens(answer)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _pieces(answer: str) -> Iterator[str]:
    for start in range(0, len(answer), _STREAM_PIECE_CHARS):
        yield answer[start : start + _STREAM_PIECE_CHARS]


class DemoLLM(CustomLLM):
    """litellm custom provider ``iag-demo/<name>``."""

    def completion(self, *args: Any, **kwargs: Any) -> ModelResponse:
        messages: list[dict[str, Any]] = kwargs["messages"]
        answer = compose_answer(messages)
        return ModelResponse(
            id=f"demo-{uuid.uuid4().hex}",
            created=int(time.time()),
            model=f"{DEMO_PROVIDER}/{kwargs.get('model', 'demo')}",
            object="chat.completion",
            choices=[
                {"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}
            ],
            usage=_usage(messages, answer),
        )

    async def acompletion(self, *args: Any, **kwargs: Any) -> ModelResponse:
        return self.completion(*args, **kwargs)

    def streaming(self, *args: Any, **kwargs: Any) -> Iterator[GenericStreamingChunk]:
        messages: list[dict[str, Any]] = kwargs["messages"]
        answer = compose_answer(messages)
        pieces = list(_pieces(answer))
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            yield GenericStreamingChunk(
                text=piece,
                is_finished=last,
                finish_reason="stop" if last else "",
                index=0,
                tool_use=None,
                usage=_usage(messages, answer) if last else None,  # type: ignore[typeddict-item]
            )

    async def astreaming(  # type: ignore[override]
        self, *args: Any, **kwargs: Any
    ) -> AsyncIterator[GenericStreamingChunk]:
        for chunk in self.streaming(*args, **kwargs):
            yield chunk
