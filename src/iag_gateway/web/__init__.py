"""HTTP surfaces: the OpenAI-compatible API, the staff web form, the auditors' console."""
