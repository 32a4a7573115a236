"""Load the vetted prompt templates from ``prompt_templates/`` and answer who may see which.

Loading fails closed: one invalid file (YAML error, unknown key, Jinja syntax error, a
variable that is not a declared input, a render that breaks on sample values) stops startup
with a ``TemplateConfigError`` naming the file, the line and the field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
import yaml
from jinja2 import meta, nodes
from pydantic import ValidationError

from iag_gateway.errors import FiredRule, PolicyDenied, TemplateConfigError, TemplateNotFound
from iag_gateway.prompts.models import PromptTemplate
from iag_gateway.prompts.references import missing_references
from iag_gateway.prompts.render import FORBIDDEN_NODES, compile_source, parse, render
from iag_gateway.yaml_document import parse_document

TEMPLATE_SUFFIXES = (".yaml", ".yml")
# Set by the loader from the file itself; a template may not declare them.
RESERVED_KEYS = ("digest", "source_path")


class TemplateCatalogue:
    """The templates of one catalogue root, indexed by id."""

    def __init__(self, templates: Iterable[PromptTemplate]) -> None:
        self._templates: dict[str, PromptTemplate] = {}
        for template in templates:
            if template.id in self._templates:
                first = self._templates[template.id].source_path
                raise TemplateConfigError(
                    template.source_path, f"identifiant déjà utilisé par {first}", field="id"
                )
            self._templates[template.id] = template

    @classmethod
    def load(cls, root: Path) -> TemplateCatalogue:
        """Load and check every ``*.yaml`` under ``root`` (raises TemplateConfigError)."""
        root = Path(root).resolve()
        if not root.is_dir():
            raise TemplateConfigError(str(root), "dossier des modèles de prompt introuvable")
        paths = sorted(p for p in root.rglob("*") if p.suffix in TEMPLATE_SUFFIXES and p.is_file())
        return cls(load_template(path, root) for path in paths)

    def get(self, template_id: str) -> PromptTemplate:
        """Return the template ``template_id`` (raises TemplateNotFound)."""
        try:
            return self._templates[template_id]
        except KeyError:
            raise TemplateNotFound(f"Gabarit introuvable : « {template_id} ».", param="template_id") from None

    def get_for(self, template_id: str, roles: frozenset[str]) -> PromptTemplate:
        """Return the template if one of ``roles`` may use it; refuse citing the charter otherwise.

        A template's sheet names the roles it was approved for (charter art. 5.1,
        purpose limitation); drafts are for admins, retired ones for no one.
        """
        template = self.get(template_id)
        if template not in self.visible_to(roles):
            raise PolicyDenied(
                "Refusé : article 5.1 de la charte — ce gabarit n'est pas ouvert à votre fonction.",
                (FiredRule("access-template", ("art-5.1",), "deny", "template roles"),),
            )
        return template

    def visible_to(self, roles: frozenset[str]) -> list[PromptTemplate]:
        """Return the approved templates open to one of ``roles``; admins also see every draft.

        Drafts are for trying before approval: listed with ``trial: true``, run and audited
        as trials (route ``template.trial``), never counted as a use case's calls.

        Retired templates are never listed (they stay loadable so old audit records resolve).
        """
        is_admin = "admin" in roles
        return [
            t
            for t in self.all()
            if (t.status == "approved" and roles.intersection(t.roles)) or (t.status == "draft" and is_admin)
        ]

    def all(self) -> list[PromptTemplate]:
        """Return every template, retired ones included, ordered by domain then title."""
        return sorted(self._templates.values(), key=lambda t: (t.domain, t.title, t.id))

    def __len__(self) -> int:
        return len(self._templates)

    def __contains__(self, template_id: object) -> bool:
        return template_id in self._templates


def summary(template: PromptTemplate) -> dict[str, Any]:
    """Return the fields a listing shows for ``template``."""
    return {
        "id": template.id,
        "version": template.version,
        "title": template.title,
        "description": template.description,
        "domain": template.domain,
        "status": template.status,
        # a draft is served to administrators as a trial before approval, audited as such
        "trial": template.status == "draft",
        "publishable": template.publishable,
        "needs": template.needs.model_dump(),
        "data_class": template.data_class,
    }


def load_template(path: Path, root: Path) -> PromptTemplate:
    """Read, validate and compile one template file (raises TemplateConfigError)."""
    root = root.resolve()
    relative = path.relative_to(root)
    name = f"{root.name}/{relative.as_posix()}"
    if not path.resolve().is_relative_to(root):
        raise TemplateConfigError(name, "le fichier pointe hors du dossier des modèles")
    folder = relative.parts[0] if len(relative.parts) == 2 else None
    return parse_template(path.read_bytes(), name, folder=folder)


def parse_template(raw: bytes, name: str, *, folder: str | None) -> PromptTemplate:
    """Validate and compile one template's YAML bytes (raises TemplateConfigError naming ``name``).

    ``folder`` is the domain folder the file sits in; the template's domain must match it.
    The web workflow passes the domain the referent chose, so one rule serves both paths.
    """
    try:
        text = raw.decode("utf-8")
        document, data = parse_document(text)
    except UnicodeDecodeError as exc:
        raise TemplateConfigError(name, f"fichier non UTF-8 ({exc.reason})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        detail = f"{problem} ({context})" if context else problem
        raise TemplateConfigError(name, f"YAML invalide : {detail}", line=line) from exc
    if not isinstance(data, dict) or not isinstance(document, yaml.MappingNode):
        raise TemplateConfigError(name, "le fichier doit contenir un dictionnaire YAML", line=1)
    for key in RESERVED_KEYS:
        if key in data:
            raise TemplateConfigError(
                name, "clé réservée, calculée par le chargeur", line=_line_of(document, (key,)), field=key
            )
    try:
        template = PromptTemplate.model_validate(
            {**data, "digest": hashlib.sha256(raw).hexdigest(), "source_path": name}
        )
    except ValidationError as exc:
        raise _config_error(name, document, exc) from exc
    if folder != template.domain:
        raise TemplateConfigError(
            name,
            f"le fichier doit être rangé dans le dossier de son domaine ({template.domain}/)",
            line=_line_of(document, ("domain",)),
            field="domain",
        )
    _check_prompts(template, name, document)
    _check_references(template, name, document)
    return template


def _check_references(template: PromptTemplate, name: str, document: yaml.MappingNode) -> None:
    """Refuse a template that cites an article, a regulation or a CNIL methodology without its source."""
    missing = missing_references(template.cited_text(), template.references)
    if missing:
        raise TemplateConfigError(
            name,
            "référence citée sans source dans references (texte, article, adresse officielle, date "
            f"de vérification) : {', '.join(missing)}",
            line=_line_of(document, ("references",)),
            field="references",
        )


def _check_prompts(template: PromptTemplate, name: str, document: yaml.MappingNode) -> None:
    """Compile both prompts, check the variables they use, and dry-run them on sample values."""
    declared = {field.name: field for field in template.inputs}
    used: set[str] = set()
    for key in ("system", "user"):
        source: str = getattr(template, key)
        base = _prompt_base_line(document, key)
        try:
            ast = parse(source)
            compile_source(source)
        except jinja2.TemplateSyntaxError as exc:
            line = base + exc.lineno if base is not None else None
            message = f"syntaxe Jinja2 invalide : {exc.message}"
            raise TemplateConfigError(name, message, line=line, field=key) from exc
        for node in ast.find_all(FORBIDDEN_NODES):
            raise TemplateConfigError(
                name,
                "include/import/extends interdits : un modèle tient dans un seul fichier",
                line=_offset(base, node.lineno),
                field=key,
            )
        names = meta.find_undeclared_variables(ast)
        for variable in sorted(names):
            if variable not in declared:
                raise TemplateConfigError(
                    name,
                    f"variable « {variable} » non déclarée dans inputs",
                    line=_offset(base, _first_use(ast, variable)),
                    field=key,
                )
            if key == "system" and declared[variable].type != "choice":
                # Free text in the system message would let a user speak with the gateway's voice.
                raise TemplateConfigError(
                    name,
                    f"le prompt system n'accepte que des entrées de type choice (« {variable} »)",
                    line=_offset(base, _first_use(ast, variable)),
                    field=key,
                )
        used |= names
    for index, field in enumerate(template.inputs):
        if field.name not in used:
            raise TemplateConfigError(
                name,
                f"l'entrée « {field.name} » n'est utilisée par aucun prompt",
                line=_line_of(document, ("inputs", index)),
                field=f"inputs.{index}",
            )
    for values in (_sample_values(template, full=True), _sample_values(template, full=False)):
        try:
            render(template, values)
        except Exception as exc:  # any failure here is a template bug: refuse to start
            raise TemplateConfigError(
                name, f"le rendu échoue sur des valeurs d'essai : {exc}", field="user"
            ) from exc


def _sample_values(template: PromptTemplate, *, full: bool) -> dict[str, Any]:
    """Return plausible values for every input (only required ones unless ``full``)."""
    samples: dict[str, Any] = {}
    for field in template.inputs:
        if not (full or field.required):
            continue
        if field.type == "number":
            samples[field.name] = int(field.min) if field.min is not None else 1
        elif field.type == "money":
            samples[field.name] = str(field.min if field.min is not None else "1000.00")
        elif field.type == "date":
            samples[field.name] = dt.date(2025, 1, 31).isoformat()
        elif field.type == "choice":
            samples[field.name] = (field.choices or [""])[0]
        elif field.type == "list":
            samples[field.name] = ["élément"]
        else:
            samples[field.name] = "texte"
    return samples


def _config_error(name: str, document: yaml.MappingNode, exc: ValidationError) -> TemplateConfigError:
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    field = ".".join(str(part) for part in loc) or None
    messages = {"extra_forbidden": "clé inconnue", "missing": "champ obligatoire manquant"}
    message = messages.get(error["type"], error["msg"])
    if error["type"] == "value_error":
        message = str(error["ctx"]["error"]) if "ctx" in error else message
    if exc.error_count() > 1:
        message += f" (et {exc.error_count() - 1} autre(s) erreur(s))"
    return TemplateConfigError(name, message, line=_line_of(document, loc), field=field)


def _line_of(document: yaml.Node, loc: tuple[Any, ...]) -> int:
    """Return the 1-based YAML line of ``loc``: the key when it exists, else the nearest parent."""
    node: yaml.Node = document
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                return line
            line = match[0].start_mark.line + 1
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _prompt_base_line(document: yaml.MappingNode, key: str) -> int | None:
    """Return the YAML line just before a prompt's first line, so Jinja line N maps to base + N."""
    value = _mapping_value(document, key)
    if not isinstance(value, yaml.ScalarNode):
        return None
    # A block scalar (| or >) starts on the line after its indicator.
    return value.start_mark.line + (1 if value.style in ("|", ">") else 0)


def _mapping_value(document: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in document.value if k.value == key), None)


def _offset(base: int | None, lineno: int) -> int | None:
    return None if base is None else base + lineno


def _first_use(ast: nodes.Template, variable: str) -> int:
    lines = [n.lineno for n in ast.find_all(nodes.Name) if n.name == variable and n.ctx == "load"]
    return min(lines, default=1)
