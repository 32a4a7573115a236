"""Loading, cross-checking and reporting on the policy files; broken fixtures fail closed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iag_gateway.errors import PolicyConfigError
from iag_gateway.policy import LoadedPolicy, check, load_policy

from .conftest import CHARTER, FIXTURES, POLICIES


def test_when_shipped_policy_loads_then_version_digest_and_articles_are_set(loaded: LoadedPolicy) -> None:
    assert loaded.version == "2025.06-1"
    assert len(loaded.digest) == 64
    assert "art-4.1" in loaded.articles
    assert loaded.articles["art-4.1"].title.startswith("Article 4.1")
    assert loaded.policy.meta.audit.store_redacted_text is False


def test_when_charter_dir_is_omitted_then_the_sibling_charter_is_used() -> None:
    assert load_policy(POLICIES).digest == load_policy(POLICIES, CHARTER).digest


def test_when_a_file_changes_then_the_digest_changes(policy_copy: Path, loaded: LoadedPolicy) -> None:
    assert load_policy(policy_copy).digest == loaded.digest
    limits = policy_copy / "limits.yaml"
    limits.write_text(limits.read_text().replace("cap: 4096", "cap: 2048"))
    assert load_policy(policy_copy).digest != loaded.digest


def test_when_shipped_policy_is_checked_then_every_unenforced_article_is_by_design() -> None:
    report = check(POLICIES, CHARTER)
    assert report.ok and not report.errors
    assert {u.article for u in report.unenforced} >= {"art-1.1", "art-7.2", "art-11.3"}
    assert all(u.by_design and u.reason for u in report.unenforced)


def test_when_an_unenforced_article_is_not_declared_then_check_is_not_ok(policy_copy: Path) -> None:
    path = policy_copy / "policy.yaml"
    path.write_text(
        "\n".join(line for line in path.read_text().splitlines() if "art-7.4:" not in line) + "\n"
    )
    report = check(policy_copy)
    assert not report.ok and not report.errors
    assert [u.article for u in report.unenforced if not u.by_design] == ["art-7.4"]


def test_when_policy_file_is_broken_then_check_reports_the_error(policy_copy: Path) -> None:
    (policy_copy / "limits.yaml").write_text("prompt_size: [\n")
    report = check(policy_copy)
    assert not report.ok and report.loaded is None
    assert report.errors[0].file.endswith("limits.yaml")


# case directory -> (file, line, field, message fragment)
BROKEN = {
    "unknown_key": ("providers.yaml", 14, "models[0].aproved_by", "unknown key"),
    "wrong_type": ("limits.yaml", 9, "prompt_size.max_chars", "integer"),
    "missing_article": ("usage.yaml", 31, "prohibited_uses[2].articles[0]", "art-5.9 does not exist"),
    "bad_syntax": ("access.yaml", 5, None, "invalid YAML"),
    "duplicate_key": ("classification.yaml", 5, "baseline", "duplicate key"),
    "bad_pattern": ("classification.yaml", 38, "keyword_rules[0].patterns[5]", "does not compile"),
    "weak_fallback": ("providers.yaml", 39, "models[3].fallbacks[0]", "less protective"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_when_a_fixture_is_broken_then_policy_config_error_names_file_line_and_field(
    policy_copy: Path, case: str
) -> None:
    fixture = next((FIXTURES / "broken" / case).iterdir())
    shutil.copy(fixture, policy_copy / fixture.name)
    file, line, field, fragment = BROKEN[case]
    with pytest.raises(PolicyConfigError) as caught:
        load_policy(policy_copy)
    error = caught.value
    assert Path(error.file).name == file
    assert (error.line, error.field) == (line, field), error.message
    assert fragment in error.message
    assert f"{file}:{line}" in error.message


def test_when_a_required_file_is_missing_then_it_is_named(policy_copy: Path) -> None:
    (policy_copy / "usage.yaml").unlink()
    with pytest.raises(PolicyConfigError, match=r"usage\.yaml: required policy file is missing"):
        load_policy(policy_copy)


def test_when_an_unexpected_file_is_present_then_it_is_refused(policy_copy: Path) -> None:
    (policy_copy / "limit.yaml").write_text("quotas: []\n")
    with pytest.raises(PolicyConfigError, match=r"limit\.yaml: unexpected policy file"):
        load_policy(policy_copy)


def test_when_the_pii_allowlist_is_present_then_the_loader_leaves_it_alone(policy_copy: Path) -> None:
    (policy_copy / "pii_allowlist.yaml").write_text("anything: [goes]\n")
    load_policy(policy_copy)


def test_when_a_role_grants_an_unlisted_model_then_the_role_is_named(policy_copy: Path) -> None:
    path = policy_copy / "access.yaml"
    path.write_text(
        path.read_text().replace("models: [demo-local, onprem-llm]\n", "models: [demo-local, gpt-x]\n", 1)
    )
    with pytest.raises(PolicyConfigError) as caught:
        load_policy(policy_copy)
    assert caught.value.field == "roles.staff.models[1]"


def test_when_a_rule_id_is_reused_then_the_second_is_named(policy_copy: Path) -> None:
    path = policy_copy / "limits.yaml"
    path.write_text(path.read_text().replace("id: quota-user-daily\n", "id: quota-user-rate\n"))
    with pytest.raises(PolicyConfigError, match="already used"):
        load_policy(policy_copy)


def test_when_the_charter_defines_an_article_twice_then_it_is_refused(policy_copy: Path) -> None:
    charter = policy_copy.parent / "charter" / "charte-ia-generative.md"
    charter.write_text(charter.read_text() + "\n### Article 4.1 — Doublon {#art-4.1}\n")
    with pytest.raises(PolicyConfigError, match=r"art-4\.1 already used"):
        load_policy(policy_copy)


def test_when_the_top_level_is_not_a_mapping_then_it_is_refused(policy_copy: Path) -> None:
    (policy_copy / "limits.yaml").write_text("- 1\n- 2\n")
    with pytest.raises(PolicyConfigError, match="mapping"):
        load_policy(policy_copy)
