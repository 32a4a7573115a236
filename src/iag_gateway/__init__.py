"""Governed generative-AI gateway."""
