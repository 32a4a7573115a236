"""The tamper-evident audit trail: one hash-chained record per gateway call.

The store never receives raw personal data: callers hand it counts of detected
entities, digests, and (only when the deployment policy allows it) text that has
already been redacted.
"""
