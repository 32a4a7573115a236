"""Shape each streamed provider chunk as the caller must see it (scan → restore, streamed).

One ``StreamRelay`` per streamed call holds the state a stream needs: the answer
scan that releases text as soon as it is settled (``StreamScanner``), one restorer
for the text and one buffer per tool call. Tool-call arguments are held until the
provider ends the call, then scanned and restored as a whole (they are JSON: values
are escaped where they land) and sent in the finishing chunk; clients join argument
fragments by index, so one fragment is as good as many. Chunks carry the gateway's id and alias, never the
provider's; usage is sent only when the caller asked (``stream_options.include_usage``),
in its own chunk with ``choices: []``, as OpenAI does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from iag_gateway.exchange import Exchange
from iag_gateway.responses import completion_id, visible_mention
from iag_gateway.stages.invoke import clean_text

Scan = Callable[[str], Awaitable[str]]
# provider text in, the part of the answer now scanned and shown out; ``end``: release everything
StreamScan = Callable[[str, bool], Awaitable[str]]


class StreamRelay:
    """Turn provider chunks into caller chunks for one exchange; ``None`` means "send nothing"."""

    def __init__(
        self, ex: Exchange, *, restore: bool, scan: Scan, stream_scan: StreamScan, metadata: dict[str, Any]
    ) -> None:
        assert ex.pseudonymizer is not None
        self._ex = ex
        self._scan = scan
        self._stream_scan = stream_scan
        self._metadata: dict[str, Any] | None = metadata
        self._pseudonymizer = ex.pseudonymizer if restore else None
        self._restorer = ex.pseudonymizer.stream_restorer(json_string=ex.json_mode) if restore else None
        self._tool_arguments: dict[int, str] = {}
        self._id = completion_id(ex)

    async def shape(self, chunk: dict[str, Any]) -> dict[str, Any] | None:
        """The chunk to send for ``chunk`` (usage already taken by the caller), or ``None``."""
        usage = chunk.pop("usage", None)
        choices = chunk.get("choices") or []
        for choice in choices:
            await self._choice(choice)
        chunk["id"] = self._id
        chunk["model"] = self._ex.model
        if not any(_carries_something(choice) for choice in choices):
            if usage is None or not self._ex.include_usage:
                return None
            chunk["choices"] = []
        if usage is not None and self._ex.include_usage:
            chunk["usage"] = usage
        return self._labelled(chunk)

    def _labelled(self, chunk: dict[str, Any]) -> dict[str, Any]:
        if self._metadata is not None:  # the first chunk sent carries the gateway's labels
            chunk["iag"], self._metadata = self._metadata, None
        return chunk

    async def _choice(self, choice: dict[str, Any]) -> None:
        ex = self._ex
        delta = choice.setdefault("delta", {})
        content = delta.get("content")
        if content:
            content, replaced = clean_text(content)
            ex.replaced_characters += replaced
            shown = await self._stream_scan(content, False)
            delta["content"] = self._restorer.feed(shown) if self._restorer else shown
        for call in delta.get("tool_calls") or []:
            function = call.get("function") or {}
            if isinstance(function.get("arguments"), str):
                index = int(call.get("index") or 0)
                self._tool_arguments[index] = self._tool_arguments.get(index, "") + function["arguments"]
                function["arguments"] = ""
        if choice.get("finish_reason"):
            ex.finish_reason = choice["finish_reason"]
            await self._finish(delta)

    async def _finish(self, delta: dict[str, Any]) -> None:
        """Release what was held: the answer's last words, the tool calls, the AI mention."""
        ex = self._ex
        held = await self._stream_scan("", True)
        tail = (self._restorer.feed(held) + self._restorer.flush()) if self._restorer else held
        mention = None if ex.json_mode else visible_mention(ex)  # JSON mode: headers and ``iag`` only
        if mention:
            tail += "\n\n" + mention
        if tail:
            delta["content"] = (delta.get("content") or "") + tail
        if self._tool_arguments:
            calls = []
            for index, arguments in sorted(self._tool_arguments.items()):
                arguments, replaced = clean_text(arguments)
                ex.replaced_characters += replaced
                shown = await self._scan(arguments)
                if self._pseudonymizer is not None:
                    shown = self._pseudonymizer.restore(shown, json_string=True)
                calls.append({"index": index, "function": {"arguments": shown}})
            delta["tool_calls"] = [*(delta.get("tool_calls") or []), *calls]
            self._tool_arguments.clear()


def _carries_something(choice: dict[str, Any]) -> bool:
    delta = choice.get("delta") or {}
    # A tool-call fragment whose arguments are held back says nothing until it names the call.
    calls = [c for c in delta.get("tool_calls") or [] if c.get("id") or (c.get("function") or {}).get("name")]
    return bool(choice.get("finish_reason") or delta.get("content") or delta.get("role") or calls)
