"""The stages of the request path, one module each; see ``iag_gateway.pipeline``."""
