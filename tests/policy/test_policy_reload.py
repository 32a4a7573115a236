"""PolicyHolder swaps a valid new version and keeps the old one on an invalid file."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from iag_gateway.policy import PolicyHolder


def test_when_files_change_validly_then_reload_installs_the_new_version(policy_copy: Path) -> None:
    holder = PolicyHolder(policy_copy)
    before = holder.current
    path = policy_copy / "policy.yaml"
    path.write_text(path.read_text().replace('version: "2025.06-1"', 'version: "2025.06-2"'))
    assert holder.reload() is True
    assert holder.current.version == "2025.06-2" and holder.current.digest != before.digest


def test_when_a_file_becomes_invalid_then_reload_keeps_the_old_version_and_logs(
    policy_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    holder = PolicyHolder(policy_copy)
    before = holder.current
    (policy_copy / "limits.yaml").write_text("prompt_size: {max_chars: -1}\n")
    with caplog.at_level(logging.ERROR, logger="iag_gateway.policy.loader"):
        assert holder.reload() is False
    assert holder.current is before
    assert holder.last_error is not None and holder.last_error.file.endswith("limits.yaml")
    assert "keeping version 2025.06-1" in caplog.text


def test_when_nothing_changed_then_reload_reports_no_swap(policy_copy: Path) -> None:
    holder = PolicyHolder(policy_copy)
    before = holder.current
    assert holder.reload() is False
    assert holder.current is before and holder.last_error is None


def test_when_the_content_changes_but_not_the_version_then_reload_installs_it_and_warns_with_both_digests(
    policy_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    holder = PolicyHolder(policy_copy)
    before = holder.current
    path = policy_copy / "limits.yaml"
    path.write_text(path.read_text() + "\n# a comment is content too\n")
    with caplog.at_level(logging.INFO, logger="iag_gateway.policy.loader"):
        assert holder.reload() is True
    after = holder.current
    assert after.version == before.version and after.digest != before.digest
    # only the loader's lines: a watcher thread an earlier test left may log meanwhile
    (record,) = [r for r in caplog.records if r.name == "iag_gateway.policy.loader"]
    assert record.levelno == logging.WARNING
    message = record.getMessage()
    assert f"same version {before.version}" in message
    assert f"({before.digest[:12]} -> {after.digest[:12]})" in message
