"""Streaming: when the first visible text arrives, and in how many pieces, direct vs gateway.

Run: make bench-stream

The fake provider streams the echoed 1 KB French prompt (names, phones, e-mails) one
word per chunk at 50 words per second. For direct calls and through the gateway
(which scans every piece of the answer before it is shown and restores the
placeholders), prints the time to the response headers (the gateway sends them once the
prompt is analysed and the provider's first chunk is in), to the first non-empty content
delta and to the end, and the number of chunks carrying text, median over the calls. First
text minus headers is what the answer scan holds back before anything can be read.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import create_key, gateway_env, start_gateway, start_upstream, stop
from prompts import french_prompt


def one_call(url: str, auth: str, model: str, prompt: str) -> tuple[float, float, float, int]:
    """Return (ms to first event, ms to first visible text, ms to end, chunks with text) for one call."""
    body = {"model": model, "stream": True, "messages": [{"role": "user", "content": prompt}]}
    headers = {"Authorization": auth} if auth else {}
    started = time.perf_counter()
    first = None
    pieces = 0
    with httpx.stream("POST", url, json=body, headers=headers, timeout=120) as response:
        response.raise_for_status()
        opened = time.perf_counter()  # headers: the gateway sends them once it holds the first chunk
        for line in response.iter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            chunk = json.loads(line[6:])
            for choice in chunk.get("choices") or []:
                if (choice.get("delta") or {}).get("content"):
                    pieces += 1
                    if first is None:
                        first = time.perf_counter()
    end = time.perf_counter()
    ms = [((moment or end) - started) * 1000 for moment in (opened, first, end)]
    return ms[0], ms[1], ms[2], pieces


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=5)
    parser.add_argument("--tokens-per-s", type=float, default=50)
    parser.add_argument("--size", type=int, default=1024)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="iag-bench-stream-"))
    procs = []
    try:
        upstream_proc, upstream = start_upstream(args.tokens_per_s)
        procs.append(upstream_proc)
        env = gateway_env(upstream, tmp)
        key = create_key(env)
        gateway, url, _ = start_gateway(env, 1)
        procs.append(gateway)
        prompt = french_prompt(args.size)
        targets = {
            "direct": (upstream + "/chat/completions", "", "bench"),
            "gateway": (url, f"Bearer {key}", "onprem-llm"),
        }
        one_call(url, f"Bearer {key}", "onprem-llm", prompt)  # warm up
        results = {}
        for name, (target, auth, model) in targets.items():
            runs = [one_call(target, auth, model, prompt) for _ in range(args.calls)]
            results[name] = tuple(statistics.median(r[i] for r in runs) for i in range(4))
        print(
            f"\nstreamed {args.size // 1024} KB echo at {args.tokens_per_s:.0f} words/s, median of {args.calls} calls"
        )
        print(f"  {'target':<10}{'headers ms':>12}{'first text ms':>15}{'end ms':>10}{'text chunks':>13}")
        for name, (opened, first, end, pieces) in results.items():
            print(f"  {name:<10}{opened:>12.0f}{first:>15.0f}{end:>10.0f}{pieces:>13.0f}")
        gateway, direct = results["gateway"], results["direct"]
        print(
            f"  gateway first visible text: +{gateway[1] - direct[1]:.0f} ms after direct, "
            f"{gateway[1] - gateway[0]:.0f} ms after its headers (held by the answer scan)"
        )
    finally:
        stop(procs)


if __name__ == "__main__":
    main()
