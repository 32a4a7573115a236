"""A fake OpenAI-compatible provider on 127.0.0.1, so litellm's real network path runs.

It echoes the last user message (``echo: ...``) and keeps every body it received,
so tests can prove what left the gateway. Control words in the prompt select a
behaviour: ``[[slow]]`` (sleeps past the gateway's timeout), ``[[fail500]]``,
``[[ratelimit]]`` (429 with Retry-After: 7), ``[[cut]]`` (stream cut mid-way),
``[[invent]]`` (answers with a phone number the caller never gave), ``[[slowstream]]`` (streams
slowly), ``[[leak-nir]]``
(answers with a social security number the caller never gave), ``[[noterm]]`` (the stream
ends cleanly without a finish reason nor ``[DONE]``), ``[[cutplain]]`` (a plain answer cut
short of its Content-Length), ``[[surrogate]]`` (an answer holding a lone surrogate),
``[[toolcall]]`` (a tool call whose arguments echo the prompt), ``[[json]]`` (the echo as a
JSON object), ``[[badrequest]]`` (400 ``context_length_exceeded`` quoting the prompt).

Asked by the gateway's usage guard (a system message demanding ``VERDICT:``), it
answers ``VERDICT: <x>`` for ``[[verdict:<x>]]`` in the conversation, an answer out
of format for ``[[verdict-garbage]]``, and sleeps past the guard's timeout for
``[[slow-guard]]`` (the caller's own call is not slowed).
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

STREAM_PIECE = 3  # small pieces so placeholders are split across chunks
_VERDICT = re.compile(r"\[\[verdict:([a-z_]+)\]\]")


def _is_guard_question(body: dict[str, Any]) -> bool:
    return any(
        m.get("role") == "system" and "VERDICT:" in str(m.get("content", ""))
        for m in body.get("messages", [])
    )


def _last_user_text(body: dict[str, Any]) -> str:
    for message in reversed(body.get("messages", [])):
        if message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, list):
                return " ".join(p.get("text", "") for p in content)
            return str(content or "")
    return ""


class FakeUpstream:
    """Start with ``start()``; ``received`` holds the decoded request bodies."""

    def __init__(self, slow_s: float = 3.0) -> None:
        self.received: list[dict[str, Any]] = []
        self.slow_s = slow_s
        self._lock = threading.Lock()
        # Its own path prefix: a gateway left by another test (pytest-xdist runs two at once)
        # may still send to this port once its own upstream is gone; that is not this test's call.
        self._prefix = f"/fake-{secrets.token_hex(4)}"
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                raw = self.rfile.read(length)
                if not self.path.startswith(upstream._prefix + "/"):
                    return upstream._json(
                        self, 404, {"error": {"message": "not this upstream", "type": "not_found"}}
                    )
                body = json.loads(raw or b"{}")
                with upstream._lock:
                    upstream.received.append(body)
                upstream.answer(self, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{self._prefix}/v1"

    def start(self) -> FakeUpstream:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def sent_text(self) -> str:
        """Everything the provider ever received, as one string."""
        with self._lock:
            return json.dumps(self.received, ensure_ascii=False)

    def answer(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        prompt = _last_user_text(body)
        if _is_guard_question(body):
            return self._verdict(handler, body, prompt)
        if "[[slow]]" in prompt:
            time.sleep(self.slow_s)
        if "[[fail500]]" in prompt:
            return self._json(handler, 500, {"error": {"message": "boom", "type": "server_error"}})
        if "[[ratelimit]]" in prompt:
            return self._json(
                handler, 429, {"error": {"message": "slow down", "type": "rate_limit"}}, {"Retry-After": "7"}
            )
        if "[[badrequest]]" in prompt:
            return self._json(
                handler,
                400,
                {
                    "error": {
                        "message": f"This model's maximum context length is 8 tokens; your prompt: {prompt}",
                        "type": "invalid_request_error",
                        "param": "messages",
                        "code": "context_length_exceeded",
                    }
                },
            )
        text = "echo: " + prompt
        if "[[json]]" in prompt:
            text = json.dumps({"echo": prompt}, ensure_ascii=False)
        if "[[surrogate]]" in prompt:
            text = "Réponse avec un caractère cassé : \ud800 fin."
        if "[[invent]]" in prompt:
            text = "Voici la réponse. Appelez le 06 12 34 56 78. Bonne journée."
        if "[[leak-nir]]" in prompt:
            body_digits = "1840775123456"
            text = f"Dossier retrouvé. Le NIR est {body_digits} {97 - int(body_digits) % 97:02d}. Fin."
        usage = {
            "prompt_tokens": len(prompt.split()),
            "completion_tokens": len(text.split()),
            "total_tokens": len(prompt.split()) + len(text.split()),
        }
        tool_arguments = (
            json.dumps({"texte": prompt}, ensure_ascii=False) if "[[toolcall]]" in prompt else None
        )
        if body.get("stream"):
            return self._stream(
                handler,
                text,
                usage,
                cut="[[cut]]" in prompt,
                pause=0.2 * ("[[slowstream]]" in prompt),
                terminate="[[noterm]]" not in prompt,
                tool_arguments=tool_arguments,
            )
        message: dict[str, Any] = {"role": "assistant", "content": text}
        if tool_arguments is not None:
            message["tool_calls"] = [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "noter", "arguments": tool_arguments},
                }
            ]
        self._json(
            handler,
            200,
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", "fake"),
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                "usage": usage,
            },
            cut="[[cutplain]]" in prompt,
        )

    def _verdict(self, handler: BaseHTTPRequestHandler, body: dict[str, Any], prompt: str) -> None:
        if "[[slow-guard]]" in prompt:
            time.sleep(self.slow_s)
        match = _VERDICT.search(prompt)
        text = f"VERDICT: {match[1]}" if match else "VERDICT: allowed"
        if "[[verdict-garbage]]" in prompt:
            text = "Difficile à dire ; cela ressemble peut-être à une demande clinique."
        self._json(
            handler,
            200,
            {
                "id": "chatcmpl-guard",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", "fake"),
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
            },
        )

    @staticmethod
    def _json(
        handler: BaseHTTPRequestHandler,
        status: int,
        payload: dict[str, Any],
        headers: dict[str, str] | None = None,
        cut: bool = False,
    ) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        if cut:  # the provider hangs up half-way through the body it announced
            handler.send_header("connection", "close")
            handler.close_connection = True
            data = data[: len(data) // 2]
        handler.end_headers()
        handler.wfile.write(data)

    @staticmethod
    def _stream(
        handler: BaseHTTPRequestHandler,
        text: str,
        usage: dict[str, int],
        cut: bool,
        pause: float = 0.0,
        terminate: bool = True,
        tool_arguments: str | None = None,
    ) -> None:
        handler.send_response(200)
        handler.send_header("content-type", "text/event-stream")
        handler.send_header("transfer-encoding", "chunked")
        handler.send_header("connection", "close")
        handler.end_headers()
        handler.close_connection = True

        def write(data: bytes) -> None:
            # HTTP/1.1 chunked framing, so a hang-up before the last chunk is a visible cut.
            handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            handler.wfile.flush()

        def send(payload: dict[str, Any]) -> None:
            write(b"data: " + json.dumps(payload).encode() + b"\n\n")

        base = {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": "fake",
        }
        pieces = [text[i : i + STREAM_PIECE] for i in range(0, len(text), STREAM_PIECE)]
        for index, piece in enumerate(pieces):
            if cut and index == len(pieces) // 2:
                return  # the provider hangs up mid-stream, before the terminating chunk
            try:
                send({**base, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
            except (BrokenPipeError, ConnectionResetError):
                return  # the gateway went away (its caller hung up)
            time.sleep(pause)
        if tool_arguments is not None:
            call = {
                "index": 0,
                "id": "call_1",
                "type": "function",
                "function": {"name": "noter", "arguments": ""},
            }
            send({**base, "choices": [{"index": 0, "delta": {"tool_calls": [call]}, "finish_reason": None}]})
            for i in range(0, len(tool_arguments), STREAM_PIECE):
                piece = {"index": 0, "function": {"arguments": tool_arguments[i : i + STREAM_PIECE]}}
                send(
                    {
                        **base,
                        "choices": [{"index": 0, "delta": {"tool_calls": [piece]}, "finish_reason": None}],
                    }
                )
        if not terminate:  # a clean end of the HTTP body, but no finish reason and no [DONE]
            handler.wfile.write(b"0\r\n\r\n")
            handler.wfile.flush()
            return
        finish = "tool_calls" if tool_arguments is not None else "stop"
        send({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": finish}]})
        send({**base, "choices": [], "usage": usage})
        write(b"data: [DONE]\n\n")
        handler.wfile.write(b"0\r\n\r\n")
        handler.wfile.flush()
