"""Agreement coefficients and span alignment: pure functions over plain data."""
