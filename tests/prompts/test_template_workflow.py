"""Referents submit, the directorate decides, only approved versions are served (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy.engine import Engine

from iag_gateway.errors import PolicyDenied, TemplateConfigError, VersionConflict
from iag_gateway.identity.keys import Identity
from iag_gateway.policy import PolicySet, load_policy
from iag_gateway.prompts import workflow
from iag_gateway.prompts.library import TemplateLibrary, semver_key
from iag_gateway.prompts.versions import TemplateVersionStore
from iag_gateway.web.template_admin_views import as_next_draft

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "prompt_templates"


def person(user: str, *roles: str) -> Identity:
    return Identity(
        key_id=f"k-{user}", user_id=user, department="dir-test", roles=frozenset(roles), trained=True
    )


REFERENT = person("referente-achats", "buyer", "referent_achats")
DIRECTOR = person("directeur-data", "direction")
BUYER = person("acheteur", "buyer")


@pytest.fixture(scope="module")
def policy() -> PolicySet:
    return load_policy(REPO / "policies", REPO / "charter").policy


@pytest.fixture
def library(engine: Engine, tmp_path: Path) -> TemplateLibrary:
    root = tmp_path / "prompt_templates"
    shutil.copytree(SHIPPED / "achats", root / "achats")  # one domain is enough and keeps this fast
    lib = TemplateLibrary(root, TemplateVersionStore(engine), refresh_s=0)
    lib.record_files()
    return lib


def next_version_of(library: TemplateLibrary, template_id: str, change: tuple[str, str]) -> str:
    template = library.get(template_id)
    source = (library.root.parent / template.source_path).read_text(encoding="utf-8")
    draft = as_next_draft(source, template.version)
    assert change[0] in draft
    return draft.replace(change[0], change[1], 1)


def test_when_files_are_recorded_then_approved_files_are_approved_versions_and_drafts_wait(
    library: TemplateLibrary,
) -> None:
    store = library.store
    cctp = store.history("achats-cctp")
    assert [(v.version, v.state, v.origin) for v in cctp] == [("1.1.0", "approved", "file")]
    assert cctp[0].decided_by == "Responsable de la fonction achat du GHT"
    assert cctp[0].digest == library.get("achats-cctp").digest
    pending = {v.template_id for v in store.by_state("submitted")}
    assert {"achats-clauses-ccap", "achats-modification-marche"} <= pending
    assert library.record_files() == 0  # a second start records nothing new


def test_when_a_referent_submits_then_the_version_waits_and_the_approved_one_is_served(
    library: TemplateLibrary, policy: PolicySet
) -> None:
    source = next_version_of(
        library, "achats-cctp", ("title: Rédaction d'un projet de CCTP", "title: Projet de CCTP")
    )
    version, _ = workflow.submit(library, policy, REFERENT, "achats", source)

    assert (version.version, version.state, version.submitted_by) == ("1.2.0", "submitted", REFERENT.user_id)
    assert (
        "-title: Rédaction d'un projet de CCTP" in version.diff and "+title: Projet de CCTP" in version.diff
    )
    assert version.diff_base == "1.1.0"
    assert library.get("achats-cctp").version == "1.1.0"  # not served before the decision

    decided = workflow.decide(
        library, policy, DIRECTOR, "achats-cctp", "1.2.0", approve=True, comment="Titre plus court, validé."
    )

    served = library.get("achats-cctp")
    assert (served.version, served.title, served.status) == ("1.2.0", "Projet de CCTP", "approved")
    assert served.approved_by == "directeur-data (dir-test)"
    assert decided.served_source is not None
    assert served.digest == decided.digest == hashlib.sha256(decided.served_source.encode()).hexdigest()
    assert [v.version for v in library.store.history("achats-cctp")] == ["1.2.0", "1.1.0"]
    assert library.get_for("achats-cctp", frozenset({"buyer"})).version == "1.2.0"


def test_when_the_submitter_also_directs_then_approving_her_own_text_is_refused(
    library: TemplateLibrary, policy: PolicySet
) -> None:
    both = person("cumul", "referent_achats", "direction")
    source = next_version_of(library, "achats-cctp", ("temperature: 0.3", "temperature: 0.2"))
    workflow.submit(library, policy, both, "achats", source)
    with pytest.raises(PolicyDenied) as caught:
        workflow.decide(library, policy, both, "achats-cctp", "1.2.0", approve=True, comment="")
    assert "art-2.1" in caught.value.rules[0].articles
    assert library.get("achats-cctp").version == "1.1.0"


@pytest.mark.parametrize(
    ("who", "domain"),
    [(BUYER, "achats"), (REFERENT, "recherche"), (DIRECTOR, "achats")],
    ids=["buyer-without-referent-role", "referent-of-another-domain", "director-does-not-submit"],
)
def test_when_someone_without_the_domain_right_submits_then_it_is_refused(
    library: TemplateLibrary, policy: PolicySet, who: Identity, domain: str
) -> None:
    source = next_version_of(library, "achats-cctp", ("temperature: 0.3", "temperature: 0.25"))
    with pytest.raises(PolicyDenied):
        workflow.submit(library, policy, who, domain, source)
    assert library.store.get("achats-cctp", "1.2.0") is None


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        (
            ("status: draft", "status: approved\napproved_by: Moi\napproved_on: 2026-11-29"),
            TemplateConfigError,
            "draft",
        ),
        (("version: 1.2.0", "version: 1.0.9"), VersionConflict, "supérieure à 1.1.0"),
        (("Cadre juridique", "Cadre juridique (voir aussi art. R2182-1)"), TemplateConfigError, "R2182-1"),
        (("roles: [buyer]", "roles: [buyer]\nreviewer: x"), TemplateConfigError, "clé inconnue"),
        (("{{ besoin }}", "{{ besoin }}{{ config }}"), TemplateConfigError, "non déclarée"),
    ],
    ids=[
        "self-approved",
        "version-not-higher",
        "citation-without-source",
        "unknown-key",
        "undeclared-variable",
    ],
)
def test_when_a_submission_breaks_a_rule_then_it_is_refused_and_nothing_is_stored(
    library: TemplateLibrary, policy: PolicySet, change: tuple[str, str], error: type[Exception], words: str
) -> None:
    source = next_version_of(library, "achats-cctp", change)
    with pytest.raises(error) as caught:
        workflow.submit(library, policy, REFERENT, "achats", source)
    assert words in str(caught.value)
    assert [v.version for v in library.store.history("achats-cctp")] == ["1.1.0"]


def test_when_the_directorate_rejects_then_a_comment_is_required_and_the_version_is_never_served(
    library: TemplateLibrary, policy: PolicySet
) -> None:
    source = next_version_of(library, "achats-cctp", ("temperature: 0.3", "temperature: 1.5"))
    workflow.submit(library, policy, REFERENT, "achats", source)
    with pytest.raises(TemplateConfigError):
        workflow.decide(library, policy, DIRECTOR, "achats-cctp", "1.2.0", approve=False, comment="  ")
    rejected = workflow.decide(
        library, policy, DIRECTOR, "achats-cctp", "1.2.0", approve=False, comment="Température trop élevée."
    )
    assert (rejected.state, rejected.comment, rejected.decided_by) == (
        "rejected",
        "Température trop élevée.",
        "directeur-data",
    )
    assert library.get("achats-cctp").version == "1.1.0"
    with pytest.raises(VersionConflict):  # decided once, never twice
        workflow.decide(library, policy, DIRECTOR, "achats-cctp", "1.2.0", approve=True, comment="")


def test_when_a_shipped_draft_is_approved_then_staff_of_its_role_can_use_it(
    library: TemplateLibrary, policy: PolicySet
) -> None:
    assert "achats-clauses-ccap" not in {t.id for t in library.visible_to(frozenset({"buyer"}))}
    workflow.decide(library, policy, DIRECTOR, "achats-clauses-ccap", "1.0.0", approve=True, comment="")
    served = library.get_for("achats-clauses-ccap", frozenset({"buyer"}))
    assert (served.status, served.version) == ("approved", "1.0.0")
    assert served.references[0].article == "R2112-13"


def test_when_another_gateway_process_approves_then_this_one_serves_it_after_refresh(
    library: TemplateLibrary, policy: PolicySet, engine: Engine
) -> None:
    other = TemplateLibrary(library.root, TemplateVersionStore(engine), refresh_s=0)
    source = next_version_of(library, "achats-cctp", ("temperature: 0.3", "temperature: 0.2"))
    workflow.submit(library, policy, REFERENT, "achats", source)
    workflow.decide(library, policy, DIRECTOR, "achats-cctp", "1.2.0", approve=True, comment="")
    assert other.get("achats-cctp").version == "1.2.0"


def test_when_approval_is_written_then_existing_approval_lines_are_replaced_and_yaml_stays_valid() -> None:
    source = "id: x\nstatus: draft\napproved_by: Ancien\napproved_on: 2020-01-01\nversion: 1.0.0\n"
    out = workflow.with_approval(source, 'Dir: "A"', __import__("datetime").date(2026, 11, 29))
    data = yaml.safe_load(out)
    assert data == {
        "id": "x",
        "status": "approved",
        "approved_by": 'Dir: "A"',
        "approved_on": __import__("datetime").date(2026, 11, 29),
        "version": "1.0.0",
    }


@pytest.mark.parametrize(
    ("versions", "highest"),
    [(["1.9.0", "1.10.0"], "1.10.0"), (["2.0.0-rc1", "2.0.0"], "2.0.0"), (["1.0.1", "1.0.0"], "1.0.1")],
)
def test_when_versions_are_compared_then_semantic_order_wins(versions: list[str], highest: str) -> None:
    assert max(versions, key=semver_key) == highest


def test_a_library_given_the_loaded_files_serves_them_without_reading_the_directory_again(
    library: TemplateLibrary, engine: Engine
) -> None:
    """Workers are handed the files their parent loaded (``serving``): the directory is not
    parsed again, so a file removed since is still served, as a parent-loaded copy would be."""
    for path in list(library.root.rglob("*.yaml")):
        path.unlink()
    given = TemplateLibrary(library.root, TemplateVersionStore(engine), refresh_s=0, files=library.files)
    assert {t.id for t in given.files.all()} == {t.id for t in library.files.all()} != set()
    assert {t.id for t in TemplateLibrary(library.root, TemplateVersionStore(engine)).files.all()} == set()
