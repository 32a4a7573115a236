"""The Kustomize overlays render (``kubectl kustomize``, offline) into manifests an operator can trust."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
ALLOWED_EGRESS_PORTS = {53, 5432, 6379, 4318, 8000, 443, 3128}
REQUIRED_SECRET_KEYS = {"IAG_DATABASE_URL", "IAG_SESSION_SECRET", "ONPREM_LLM_API_KEY", "MISTRAL_API_KEY"}


def _kubectl() -> str:
    path = shutil.which("kubectl")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("kubectl is missing: `make ops-tools` installs it")
        pytest.skip("kubectl is not installed (make ops-tools)")
    return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    kubectl = _kubectl()
    k8s = tmp_path_factory.mktemp("k8s") / "k8s"
    shutil.copytree(REPO / "deploy" / "k8s", k8s, ignore=shutil.ignore_patterns("config"))
    subprocess.run([sys.executable, str(REPO / "deploy/k8s/make_config.py"), str(REPO), str(k8s)], check=True)
    out = {}
    for overlay in ("dev", "prod"):
        result = subprocess.run(
            [kubectl, "kustomize", str(k8s / "overlays" / overlay)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        out[overlay] = [doc for doc in yaml.safe_load_all(result.stdout) if doc]
    return out


def one(docs: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    [found] = [d for d in docs if d["kind"] == kind]
    return found


def pod_specs(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [d["spec"]["template"]["spec"] for d in docs if d["kind"] in ("Deployment", "Job")]


OVERLAYS = ["dev", "prod"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_when_rendered_then_every_container_is_non_root_read_only_and_without_privilege(
    rendered: dict[str, list[dict[str, Any]]], overlay: str
) -> None:
    for spec in pod_specs(rendered[overlay]):
        assert spec["securityContext"]["runAsNonRoot"] is True and spec["securityContext"]["runAsUser"] != 0
        assert spec["automountServiceAccountToken"] is False
        for container in spec.get("initContainers", []) + spec["containers"]:
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True
            assert context["allowPrivilegeEscalation"] is False
            assert context.get("privileged", False) is False
            assert context["capabilities"]["drop"] == ["ALL"] and not context["capabilities"].get("add")
            assert "memory" in container["resources"]["limits"] and container["resources"]["requests"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_when_rendered_then_the_gateway_is_probed_scaled_and_protected_from_disruption(
    rendered: dict[str, list[dict[str, Any]]], overlay: str
) -> None:
    docs = rendered[overlay]
    deployment = one(docs, "Deployment")
    [gateway] = deployment["spec"]["template"]["spec"]["containers"]
    assert gateway["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert gateway["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert gateway["startupProbe"]["httpGet"]["path"] == "/healthz"
    hpa, pdb = one(docs, "HorizontalPodAutoscaler"), one(docs, "PodDisruptionBudget")
    assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert pdb["spec"]["minAvailable"] < hpa["spec"]["minReplicas"] or overlay == "dev"
    job = one(docs, "Job")
    assert job["spec"]["template"]["spec"]["containers"][0]["args"] == ["db", "upgrade"]
    assert job["spec"]["template"]["spec"]["containers"][0]["image"] == gateway["image"]
    assert one(docs, "Deployment")["metadata"]["namespace"] == job["metadata"]["namespace"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_when_rendered_then_egress_goes_only_to_the_listed_dependencies(
    rendered: dict[str, list[dict[str, Any]]], overlay: str
) -> None:
    policy = one(rendered[overlay], "NetworkPolicy")
    assert "Egress" in policy["spec"]["policyTypes"]
    labels = one(rendered[overlay], "Deployment")["spec"]["template"]["metadata"]["labels"]
    assert policy["spec"]["podSelector"]["matchLabels"].items() <= labels.items()
    for rule in policy["spec"]["egress"]:
        assert rule.get("to"), "an egress rule without destination opens everything"
        assert {p["port"] for p in rule["ports"]} <= ALLOWED_EGRESS_PORTS
        for peer in rule["to"]:
            block = peer.get("ipBlock")
            assert block is None or (block["cidr"].endswith("/32") and not block.get("except"))


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_when_rendered_then_secrets_and_config_maps_feed_the_pods(
    rendered: dict[str, list[dict[str, Any]]], overlay: str
) -> None:
    docs = rendered[overlay]
    secret = one(docs, "Secret")
    assert set(secret["data"]) >= REQUIRED_SECRET_KEYS
    maps = {d["metadata"]["name"]: d for d in docs if d["kind"] == "ConfigMap"}
    spec = one(docs, "Deployment")["spec"]["template"]["spec"]
    mounted = {v["configMap"]["name"] for v in spec["volumes"] if "configMap" in v}
    assert mounted <= set(maps)
    env_from = {
        ref.get("secretRef", ref.get("configMapRef"))["name"] for ref in spec["containers"][0]["envFrom"]
    }
    assert secret["metadata"]["name"] in env_from and env_from <= set(maps) | {secret["metadata"]["name"]}
    job_env = one(docs, "Job")["spec"]["template"]["spec"]["containers"][0]["env"]
    assert {e["valueFrom"]["secretKeyRef"]["name"] for e in job_env if "valueFrom" in e} == {
        secret["metadata"]["name"]
    }
    # Every policy, charter and template file is in a mounted ConfigMap, byte for byte.
    sources = [
        *(REPO / "policies").glob("*.yaml"),
        *(REPO / "charter").glob("*.md"),
        *(REPO / "prompt_templates").rglob("*.yaml"),
    ]
    contents = {key: value for name in mounted for key, value in maps[name].get("data", {}).items() if True}
    for source in sources:
        assert contents.get(source.name) == source.read_text(encoding="utf-8"), source
    assert any(name.startswith("iag-templates-achats") for name in mounted)
