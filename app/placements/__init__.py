"""Term placements of vice-principals (挂职 / 轮岗): solve, review, lock, publish, export."""
