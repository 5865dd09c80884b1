"""County-wide closures (holidays): no visits on these dates."""
