"""An administrator tries a draft template before approval: labelled as a trial everywhere.

Listed with ``trial: true``, answered with ``iag.template.trial``, audited under the route
``template.trial`` (so the dashboard and the monthly report do not count it among the
use case's calls), and shown apart from the validated templates on the home page.
"""

from __future__ import annotations

from html import unescape

import httpx

from iag_gateway.recorded_names import TRIAL_ROUTE
from tests.conftest import KeyFactory
from tests.harness import LiveGateway
from tests.prompts.test_shipped_templates import SAMPLES
from tests.web.test_dashboard import card, this_month, unique
from tests.web.test_form import signed_in
from tests.web.test_templates_live import run

DRAFT = "achats-clauses-ccap"


def test_when_an_admin_lists_templates_then_each_draft_says_it_is_a_trial(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    listing = httpx.get(
        gateway.base_url + "/v1/templates",
        headers={"Authorization": f"Bearer {make_key('admin')}"},
        timeout=30,
    ).json()["data"]
    drafts = [t for t in listing if t["status"] == "draft"]
    assert drafts and all(t["trial"] is True for t in drafts)
    assert all(t["trial"] is False for t in listing if t["status"] == "approved")


def test_when_an_admin_runs_a_draft_then_the_answer_and_the_trail_say_trial_and_the_dashboard_does_not_count_it(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    department = unique("service-essais")
    response = run(gateway.base_url, make_key("admin", department=department), DRAFT, SAMPLES[DRAFT][0])

    assert response.status_code == 200, response.text
    iag = response.json()["iag"]
    assert iag["template"]["status"] == "draft" and iag["template"]["trial"] is True
    records = gateway.services.audit.get(iag["request_id"])
    assert {r.route for r in records} == {TRIAL_ROUTE} and {r.template_id for r in records} == {DRAFT}
    with signed_in(gateway, make_key("direction", department="direction-data-ia", user=unique("dir"))) as c:
        html = unescape(c.get("/tableau-de-bord", params={"service": department}).text)
        report = c.get("/tableau-de-bord/rapport.csv", params={"mois": this_month()}).text
    assert card(html, "Appels") == "0"  # a trial is no production call of the use case
    assert department not in report


def test_when_a_buyer_runs_an_approved_template_then_it_is_no_trial(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = run(gateway.base_url, make_key("buyer"), "achats-cctp", SAMPLES["achats-cctp"][0])
    assert response.status_code == 200, response.text
    iag = response.json()["iag"]
    assert iag["template"]["trial"] is False
    assert {r.route for r in gateway.services.audit.get(iag["request_id"])} == {"template"}


def test_when_an_admin_opens_the_home_page_then_drafts_are_apart_and_never_called_validated(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("admin")) as client:
        home = unescape(client.get("/").text)
        form = unescape(client.get(f"/formulaires/{DRAFT}").text)
    assert "Brouillons à essayer avant approbation" in home
    assert "validé par votre direction" not in home  # no approved template is open to admins
    assert "brouillon non approuvé" in home
    assert "Brouillon non approuvé" in form and "essai" in form


def test_when_a_buyer_opens_the_home_page_then_only_validated_templates_are_listed(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("buyer")) as client:
        home = unescape(client.get("/").text)
    assert "Choisissez un modèle validé par votre direction" in home
    assert "Brouillons" not in home and "brouillon" not in home
