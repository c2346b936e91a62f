"""One small pure function per criterion. Each takes the evaluation context (`context.Ctx`) and returns a
`Check` with a Vietnamese explanation of the concrete data and the legal article of the parameter row it
used. No legal number lives here: thresholds, shares, chain lengths and codes come from the catalogue."""
