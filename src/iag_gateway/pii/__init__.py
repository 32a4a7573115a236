"""French personal-data engine: detection (engine), pseudonymisation and restore (pseudonymizer)."""
