"""Who is calling: API keys (stored as salted hashes) and AI-literacy training records."""
