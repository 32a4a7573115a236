"""Check the provider config against the charter's registry before the gateway starts.

litellm's own fallbacks switch provider silently when one fails. The charter allows
a degraded mode, never a failover to an unapproved or less protective provider
(art. 4.4), so every fallback written in the provider config must be approved,
hosted at least as protectively, and accept at least the same data classes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from iag_gateway.errors import ConfigError
from iag_gateway.policy.models import PolicySet, class_rank, hosting_rank


def check_provider_fallbacks(
    policy: PolicySet, fallbacks: Sequence[Mapping[str, Sequence[str]]], file: str
) -> None:
    """Raise ``ConfigError`` naming the first fallback the charter does not allow."""
    for index, mapping in enumerate(fallbacks):
        for primary_alias, backups in mapping.items():
            primary = policy.model(primary_alias)
            for backup_alias in backups:
                where = f"router_settings.fallbacks.{index}.{primary_alias}"
                backup = policy.model(backup_alias)
                if backup is None or not backup.approved:
                    raise ConfigError(
                        file,
                        f"fallback {backup_alias!r} is not an approved model (charter art-4.4)",
                        field=where,
                    )
                if primary is not None and (
                    hosting_rank(backup.hosting) > hosting_rank(primary.hosting)
                    or class_rank(backup.max_data_class) < class_rank(primary.max_data_class)
                ):
                    raise ConfigError(
                        file,
                        f"fallback {backup_alias!r} is less protective than {primary_alias!r} "
                        "(charter art-4.4)",
                        field=where,
                    )
