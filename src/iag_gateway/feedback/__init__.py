"""User feedback on the gateway's answers (« utile / pas utile », comment, minutes saved)."""
