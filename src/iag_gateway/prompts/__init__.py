"""Vetted prompt templates: the YAML schema, the catalogue, and sandboxed rendering.

``render`` is imported from ``iag_gateway.prompts.render`` (not re-exported here, so the
name keeps meaning the module).
"""

from iag_gateway.prompts.catalogue import TemplateCatalogue, summary
from iag_gateway.prompts.models import PromptTemplate, TemplateInput

__all__ = ["PromptTemplate", "TemplateCatalogue", "TemplateInput", "summary"]
