"""Provider adapters: the only package that imports litellm."""
