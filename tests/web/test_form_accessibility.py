"""RGAA checks that need no browser: language, skip link, headings, labels, contrast."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from iag_gateway.web.views import HERE
from tests.conftest import KeyFactory
from tests.harness import LiveGateway
from tests.web.test_form import csrf_of, page_csrf, signed_in

CSS = (HERE / "static" / "app.css").read_text(encoding="utf-8")


@pytest.fixture
def buyer(gateway: LiveGateway, make_key: KeyFactory) -> Iterator[httpx.Client]:
    with signed_in(gateway, make_key("buyer")) as client:
        yield client


class Outline(HTMLParser):
    """Collect what the checks need: headings, ids, labels, form controls, autofocus."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.ids: set[str] = set()
        self.labelled: set[str] = set()
        self.controls: list[dict[str, str | None]] = []
        self.autofocus: list[str | None] = []
        self.lang: str | None = None
        self.first_link: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "a" and self.first_link is None:
            self.first_link = a.get("href")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "label" and a.get("for"):
            self.labelled.add(str(a["for"]))
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.controls.append(a)
        if "autofocus" in a:
            self.autofocus.append(a.get("id"))


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def assert_accessible(html: str) -> Outline:
    page = outline(html)
    assert page.lang == "fr"
    assert page.first_link == "#contenu" and "contenu" in page.ids  # skip link first, target exists
    assert page.headings and page.headings[0] == 1 and page.headings.count(1) == 1
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, f"heading level skipped: h{before} then h{after}"
    for control in page.controls:
        assert control.get("id") in page.labelled or control.get("aria-label"), control
        for ref in (control.get("aria-describedby") or "").split():
            assert ref in page.ids, f"aria-describedby names a missing id: {ref}"
    return page


def test_when_pages_are_rendered_then_lang_skip_link_headings_and_labels_are_right(
    buyer: httpx.Client,
) -> None:
    for path in ("/", "/formulaires/achats-cctp", "/deconnexion", "/inconnu"):
        assert_accessible(buyer.get(path).text)


def test_when_sign_in_fails_then_error_summary_takes_focus_and_title_says_error(gateway: LiveGateway) -> None:
    with httpx.Client(base_url=gateway.base_url) as client:
        csrf = csrf_of(client.get("/connexion").text)
        html = client.post("/connexion", data={"cle": "faux", "csrf_token": csrf}).text
    page = assert_accessible(html)
    assert page.autofocus == ["erreurs"]
    assert "<title>Erreur : Connexion" in html


def test_when_form_has_errors_then_summary_takes_focus_and_title_says_error(
    buyer: httpx.Client,
) -> None:
    clean = buyer.get("/formulaires/achats-cctp").text
    assert outline(clean).autofocus == [] and "<title>Erreur" not in clean
    data = {"csrf_token": page_csrf(buyer), "objet": "Gants", "besoin": ""}
    html = buyer.post("/formulaires/achats-cctp", data=data).text
    page = assert_accessible(html)
    assert page.autofocus == ["resume-erreurs"]
    assert "<title>Erreur : " in html


def css_color(name: str) -> str:
    match = re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", CSS)
    assert match, name
    return match.group(1)


def contrast(first: str, second: str) -> float:
    def luminance(color: str) -> float:
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("foreground", "background", "minimum"),
    [
        ("text", "warn-bg", 4.5),  # the AI warning box: its text
        ("muted", "warn-bg", 4.5),  # the model label inside it
        ("warn", "warn-bg", 3.0),  # its left border (non-text)
        ("text", "error-bg", 4.5),
        ("error", "error-bg", 4.5),
        ("muted", "light", 4.5),
        ("blue", "light", 4.5),
        ("focus", "#ffffff", 3.0),  # the focus outline (non-text)
        ("border", "#ffffff", 3.0),  # input borders (non-text)
    ],
)
def test_when_colours_are_paired_then_contrast_meets_rgaa(
    foreground: str, background: str, minimum: float
) -> None:
    fg = foreground if foreground.startswith("#") else css_color(foreground)
    bg = background if background.startswith("#") else css_color(background)
    assert contrast(fg, bg) >= minimum


def test_when_focus_is_programmatic_then_it_is_still_visible() -> None:
    assert ":focus-visible { outline: 3px solid var(--focus)" in CSS
    assert re.search(r"\.error-summary:focus[^{]*\{ outline: 3px solid var\(--focus\)", CSS)
    assert Path(HERE / "templates" / "base.html").read_text(encoding="utf-8").count('href="#contenu"') == 1
