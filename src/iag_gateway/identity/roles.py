"""Every role a key may carry: the one list the CLI, the admin page and the key store read.

Policies (``access.yaml``) grant rights to these names. Kept free of heavy imports so the
command line can offer them as choices without loading the database layer.
"""

from __future__ import annotations

from collections.abc import Iterable

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


#: Account names several people share: an administrator's key names its holder (charter: nominative
#: access, every action traceable to a person), so these are refused for the ``admin`` role.
SHARED_ACCOUNT_NAMES = frozenset({"admin", "administrateur", "administrator", "superuser"})


def shared_admin_name(user_id: str, roles: Iterable[str]) -> bool:
    """Tell whether ``user_id`` is a shared account name given an ``admin`` key (to refuse)."""
    return "admin" in set(roles) and user_id.strip().casefold() in SHARED_ACCOUNT_NAMES
