"""Checks on a built site (links, security, page budgets, HTML validity,
Lighthouse). Used by `invoke publish`, `invoke audit` and the test suite;
not part of the Pelican build itself."""
