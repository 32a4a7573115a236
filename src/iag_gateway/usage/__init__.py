"""Usage-intent classification: what the latest request asks the model to do (charter art. 5).

``UsageClassifier`` labels the latest user request, read in its conversation, with one
of ``CATEGORIES``; the policy (``usage.yaml``, ``classifier``) says which labels are
refused and from which score. Built once at startup, handed down; nothing at import.
"""
