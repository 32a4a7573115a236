"""A fast OpenAI-compatible stand-in for benchmarks (ASGI, served by uvicorn).

It echoes the last user message as the answer (so the gateway's answer scan sees text
of the prompt's size, as with a real model quoting its input). Streamed calls send one
word per chunk at ``BENCH_TOKENS_PER_S`` words per second (0: as fast as possible).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from typing import Any

TOKENS_PER_S = float(os.environ.get("BENCH_TOKENS_PER_S", "0"))


def _answer(request: dict[str, Any]) -> str:
    for message in reversed(request.get("messages") or []):
        if message.get("role") == "user" and isinstance(message.get("content"), str):
            return str(message["content"])
    return "Réponse de test."


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    chunks = []
    more = True
    while more:
        message = await receive()
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    try:
        request = json.loads(b"".join(chunks) or b"{}")
    except json.JSONDecodeError:
        request = {}
    answer = _answer(request)
    words = max(1, len(answer.split()))
    usage = {"prompt_tokens": words, "completion_tokens": words, "total_tokens": 2 * words}
    if request.get("stream"):
        await _stream(send, answer, usage)
        return
    body = {
        "id": "chatcmpl-bench",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "bench",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}
        ],
        "usage": usage,
    }
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


async def _stream(send: Any, answer: str, usage: dict[str, int]) -> None:
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/event-stream")]}
    )
    base = {
        "id": "chatcmpl-bench",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": "bench",
    }
    pieces = answer.split(" ")
    for index, word in enumerate(pieces):
        text = word if index == 0 else " " + word
        chunk = {**base, "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]}
        await send(
            {
                "type": "http.response.body",
                "body": b"data: " + json.dumps(chunk).encode() + b"\n\n",
                "more_body": True,
            }
        )
        if TOKENS_PER_S > 0:
            await asyncio.sleep(1 / TOKENS_PER_S)
    end = {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "usage": usage}
    await send(
        {
            "type": "http.response.body",
            "body": b"data: " + json.dumps(end).encode() + b"\n\ndata: [DONE]\n\n",
            "more_body": True,
        }
    )
    await send({"type": "http.response.body", "body": b""})
