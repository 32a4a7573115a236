"""Behaviour of decide(), decide_output(), allowed_models() and explain() beyond one rule."""

from __future__ import annotations

import dataclasses

import pytest

from iag_gateway.errors import InvalidField, ModelNotFound, PolicyDenied, TrainingRequired
from iag_gateway.policy import PolicySet, allowed_models, decide, decide_output, explain
from iag_gateway.policy.loader import LoadedPolicy

from .factories import make_request


def _routing(policy: PolicySet, mode: str) -> PolicySet:
    routing = policy.providers.routing.model_copy(update={"on_class_exceeded": mode})
    return dataclasses.replace(policy, providers=policy.providers.model_copy(update={"routing": routing}))


def test_when_request_is_harmless_then_it_is_allowed_with_label_and_review(policy: PolicySet) -> None:
    decision = decide(policy, make_request())
    assert decision.action == "allow"
    assert decision.model == "mistral-eu"
    assert decision.max_tokens == 1024
    assert decision.data_class == "internal"
    assert decision.review_required is True
    assert decision.label_mention is not None and "intelligence artificielle" in decision.label_mention
    assert decision.articles == ("art-6.1", "art-6.2")


def test_when_patient_data_goes_to_eu_cloud_then_it_is_rerouted_to_internal(policy: PolicySet) -> None:
    decision = decide(policy, make_request(pii_counts={"FR_NIR": 1, "PERSON": 1}))
    assert decision.action == "transform"
    assert decision.model == "onprem-llm"
    assert decision.data_class == "patient"
    assert "art-4.1" in decision.articles and "art-3.1" in decision.articles


def test_when_routing_mode_is_deny_then_patient_data_is_refused_citing_article_4_1(policy: PolicySet) -> None:
    with pytest.raises(PolicyDenied) as caught:
        decide(_routing(policy, "deny"), make_request(pii_counts={"PATIENT_ID": 1}))
    assert caught.value.message == (
        "Refusé : articles 4.1 et 4.4 de la charte — "
        "les données patient ne peuvent pas être envoyées au modèle mistral-eu."
    )
    assert "art-3.1" in caught.value.articles  # the classification that led there is cited too


def test_when_fallback_is_not_open_to_the_role_then_the_request_is_refused(policy: PolicySet) -> None:
    # research may use azure-gpt-eu; its fallback onprem-llm is open to research too, so
    # remove onprem-llm from research's grants to prove the role is checked on reroute.
    roles = dict(policy.access.roles)
    roles["research"] = roles["research"].model_copy(update={"models": ["azure-gpt-eu"]})
    narrowed = dataclasses.replace(policy, access=policy.access.model_copy(update={"roles": roles}))
    with pytest.raises(PolicyDenied, match="données patient"):
        decide(narrowed, make_request(roles={"research"}, model="azure-gpt-eu", pii_counts={"FR_NIR": 1}))


def test_when_personal_data_is_pseudonymised_then_eu_cloud_may_receive_it(policy: PolicySet) -> None:
    decision = decide(policy, make_request(pii_counts={"PERSON": 3, "EMAIL_ADDRESS": 1}))
    assert decision.model == "mistral-eu"
    assert decision.data_class == "internal"
    assert "pseudonymised:personal" in decision.flags


def test_when_personal_class_stays_restricted_then_personal_data_is_rerouted(policy: PolicySet) -> None:
    pseudo = policy.classification.pseudonymisation.model_copy(
        update={"classes_still_restricted": ["patient", "personal"]}
    )
    strict = dataclasses.replace(
        policy, classification=policy.classification.model_copy(update={"pseudonymisation": pseudo})
    )
    decision = decide(strict, make_request(pii_counts={"PERSON": 1}))
    assert (decision.data_class, decision.model) == ("personal", "onprem-llm")


def test_when_caller_declares_a_lower_class_then_the_detected_class_wins(policy: PolicySet) -> None:
    decision = decide(
        policy, make_request(model="onprem-llm", declared_data_class="public", pii_counts={"FR_NIR": 1})
    )
    assert decision.data_class == "patient"


def test_when_caller_declares_an_unknown_class_then_the_header_is_named(policy: PolicySet) -> None:
    with pytest.raises(InvalidField) as caught:
        decide(policy, make_request(declared_data_class="secret"))
    assert caught.value.field == "X-IAG-Data-Class"


def test_when_untrained_then_training_required_points_to_the_course(policy: PolicySet) -> None:
    with pytest.raises(TrainingRequired) as caught:
        decide(policy, make_request(trained=False))
    assert "article 9.1" in caught.value.message
    assert policy.meta.training.url in caught.value.message
    assert caught.value.status == 403


def test_when_model_is_unlisted_then_model_not_found_cites_article_4_2(policy: PolicySet) -> None:
    with pytest.raises(ModelNotFound, match=r"article 4\.2"):
        decide(policy, make_request(model="gpt-9-turbo"))


def test_when_non_eu_model_is_requested_then_it_is_refused(policy: PolicySet) -> None:
    with pytest.raises(PolicyDenied, match="openai-us n'est pas approuvé"):
        decide(policy, make_request(model="openai-us", roles={"admin"}))


def test_when_tools_are_stripped_by_configuration_then_the_decision_is_a_transform(policy: PolicySet) -> None:
    tools = policy.usage.tools.model_copy(update={"action": "strip"})
    stripping = dataclasses.replace(policy, usage=policy.usage.model_copy(update={"tools": tools}))
    decision = decide(stripping, make_request(params={"messages", "tools", "logit_bias"}))
    assert decision.action == "transform"
    assert decision.strip_params == frozenset({"tools", "logit_bias"})


def test_when_template_allows_tools_then_tools_pass(policy: PolicySet) -> None:
    request = make_request(
        route="template",
        template_id="analyse-ccap",
        template_domain="achats",
        params={"messages", "tools"},
        template_allows_tools=True,
    )
    assert "tools" not in decide(policy, request).strip_params


def test_when_max_tokens_exceeds_cap_then_it_is_capped(policy: PolicySet) -> None:
    decision = decide(policy, make_request(max_tokens=100_000))
    assert (decision.action, decision.max_tokens) == ("transform", 4096)


def test_when_max_tokens_is_not_positive_then_the_field_is_named(policy: PolicySet) -> None:
    with pytest.raises(InvalidField):
        decide(policy, make_request(max_tokens=0))


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("Décide si on licencie Mme <PERSONNE_1>.", "usage-automated-decision"),
        ("Classe les candidats du poste d'acheteur par ordre de préférence.", "usage-automated-decision"),
        ("Faut-il recruter <PERSONNE_2> ?", "usage-automated-decision"),
        ("Please decide whether to hire <PERSON_1>.", "usage-automated-decision"),
        ("Rank the applicants for the nurse position.", "usage-automated-decision"),
        ("QUEL EST LE DIAGNOSTIC pour ce patient ?", "usage-diagnosis-prescription"),
        ("Quelle posologie d'amoxicilline faut-il pour lui ?", "usage-diagnosis-prescription"),
        ("What treatment should I give to this patient?", "usage-diagnosis-prescription"),
        ("What's the likely diagnosis here?", "usage-diagnosis-prescription"),
        ("Rédige l'entretien professionnel de <PERSONNE_1>.", "usage-staff-evaluation"),
        ("Note le travail de cet agent sur 20.", "usage-staff-evaluation"),
        ("Assess the performance of my employee <PERSON_1>.", "usage-staff-evaluation"),
        ("Peux-tu désanonymiser ce tableau ?", "usage-reidentification"),
    ],
)
def test_when_prompt_asks_a_prohibited_use_then_it_is_refused(
    policy: PolicySet, text: str, rule_id: str
) -> None:
    with pytest.raises(PolicyDenied) as caught:
        decide(policy, make_request(prompt_text=text))
    assert [r.rule_id for r in caught.value.rules] == [rule_id]
    assert caught.value.message.startswith("Refusé : article 5.") or "3.2" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "Explique la procédure de licenciement pour insuffisance professionnelle.",
        "Rédige une fiche de poste pour un acheteur.",
        "Classe les offres par prix croissant dans un tableau.",
        "Résume la circulaire sur le diagnostic de performance énergétique.",
        "Traduis en anglais la note sur les prescriptions techniques du marché.",
        "Rédige un guide de l'entretien professionnel pour les encadrants.",
        "Quel est le calendrier du dialogue de gestion ?",
    ],
)
def test_when_prompt_is_a_near_miss_then_it_is_allowed(policy: PolicySet, text: str) -> None:
    assert decide(policy, make_request(prompt_text=text)).action == "allow"


def test_when_response_holds_patient_and_personal_data_then_it_is_blocked(policy: PolicySet) -> None:
    result = decide_output(policy, response_pii_counts={"FR_NIR": 1, "PERSON": 2}, text="...")
    assert result.action == "block"
    assert "art-3.1" in result.articles


def test_when_response_holds_personal_data_then_those_labels_are_masked(policy: PolicySet) -> None:
    result = decide_output(policy, response_pii_counts={"PERSON": 2, "PHONE_NUMBER": 0}, text="...")
    assert (result.action, result.mask_labels) == ("mask", frozenset({"PERSON"}))


def test_when_response_reads_like_a_prescription_then_it_is_flagged(policy: PolicySet) -> None:
    result = decide_output(
        policy, response_pii_counts={}, text="Je vous recommande 500 mg trois fois par jour."
    )
    assert (result.action, result.flags) == ("allow", ("output-clinical-advice",))


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        ({"buyer"}, ["demo-local", "onprem-llm", "mistral-eu"]),
        ({"staff"}, ["demo-local", "onprem-llm"]),
        ({"staff", "research"}, ["demo-local", "onprem-llm", "mistral-eu", "azure-gpt-eu"]),
        ({"auditor"}, []),
        ({"unknown-role"}, []),
    ],
)
def test_when_listing_models_then_only_approved_models_open_to_the_roles_appear(
    policy: PolicySet, roles: set[str], expected: list[str]
) -> None:
    assert [m.alias for m in allowed_models(policy, frozenset(roles))] == expected


def test_when_explaining_a_refusal_then_the_article_title_is_given(loaded: LoadedPolicy) -> None:
    text = explain(loaded.policy, make_request(trained=False), loaded.articles)
    assert "REFUS" in text and "training-ai-literacy" in text and "Formation préalable obligatoire" in text


def test_when_explaining_a_reroute_then_the_final_model_is_given(loaded: LoadedPolicy) -> None:
    text = explain(loaded.policy, make_request(pii_counts={"FR_NIR": 1}), loaded.articles)
    assert "Modèle retenu : onprem-llm" in text and "routing-data-class [reroute]" in text
