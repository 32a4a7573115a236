"""How the built-in demonstration model names itself (no litellm import here)."""

from __future__ import annotations

DEMO_PROVIDER = "iag-demo"
DEMO_LABEL = "Modèle de démonstration intégré à la passerelle — ce n'est pas un modèle de langage"
DEMO_NOTICE = (
    "[Réponse du modèle de démonstration intégré à la passerelle IAG : ce n'est pas un modèle "
    "de langage. Configurez un fournisseur approuvé pour obtenir une vraie réponse.]"
)
