"""Vice-principal candidates for term posts (挂职 / 轮岗)."""
