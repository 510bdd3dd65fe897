"""The check stage: Analysis -> findings (the rule catalogue, the kinds behind rules, fixes)."""
