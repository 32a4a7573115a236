"""Every role a key may carry: the one list the CLI, the admin page and the key store read.

Policies (``access.yaml``) grant rights to these names. Kept free of heavy imports so the
command line can offer them as choices without loading the database layer.
"""

from __future__ import annotations

ROLES: frozenset[str] = frozenset(
    {
        "buyer",
        "finance",
        "research",
        "staff",
        "auditor",
        "admin",
        "referent_achats",
        "referent_comptabilite",
        "referent_recherche",
        "direction",
    }
)
