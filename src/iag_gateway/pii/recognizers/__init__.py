"""Our recognizers, one class per file; the ordered registry lives in ``iag_gateway.pii.engine``."""
