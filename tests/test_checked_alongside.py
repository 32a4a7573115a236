"""The start-up check that runs beside the model loading stops the parent at once when it fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# The body's first step is a finaliser that runs until the failed check's SIGCHLD lands in
# it: Python prints and drops an exception raised in a __del__, so the failure must be
# raised again once the finaliser has returned. Without that, the body goes on to its end.
BODY = textwrap.dedent(
    """
    import time
    from iag_gateway.serving import checked_alongside
    from iag_gateway.settings import Settings

    class Finaliser:
        def __del__(self):
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                pass

    with checked_alongside(Settings()):
        finaliser = Finaliser()
        del finaliser
        time.sleep(60)
        print("the body ran to its end", flush=True)
    """
)


# The body turns whatever it is interrupted by into an exception of its own, as pydantic-core
# does with any exception raised while it builds a validator (a spaCy import hit by the signal).
WRAPPING_BODY = textwrap.dedent(
    """
    import time
    from iag_gateway.serving import checked_alongside
    from iag_gateway.settings import Settings

    with checked_alongside(Settings()):
        try:
            time.sleep(60)
        except BaseException as exc:
            raise ValueError("Error building validator") from exc
        print("the body ran to its end", flush=True)
    """
)


def _failing_check_env(tmp_path: Path) -> dict[str, str]:
    policies = tmp_path / "policies"
    shutil.copytree(PROJECT_ROOT / "policies", policies)
    limits = policies / "limits.yaml"
    limits.write_text(limits.read_text(encoding="utf-8") + "\nunexpected_key: 1\n", encoding="utf-8")
    return {
        **os.environ,
        "IAG_POLICIES_DIR": str(policies),
        "IAG_DATABASE_URL": f"sqlite:///{tmp_path / 'g.db'}",
    }


@pytest.mark.parametrize("body", [BODY, WRAPPING_BODY], ids=["in a finaliser", "wrapped by the body"])
def test_when_the_check_fails_then_the_parent_stops_at_once_with_its_line_alone(
    tmp_path: Path, body: str
) -> None:
    env = _failing_check_env(tmp_path)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", body], env=env, capture_output=True, text=True, timeout=50, check=False
    )
    assert time.monotonic() - started < 40
    assert result.returncode == 2, result.stderr
    assert "the body ran to its end" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # the check's own line, no dropped exception's traceback
    assert "limits.yaml" in lines[0] and "unexpected_key" in lines[0]
