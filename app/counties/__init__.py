"""Counties: the tenant. Every other row belongs to exactly one county."""
