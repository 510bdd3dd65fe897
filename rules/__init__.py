"""The rule catalogue: one TOML file per rule, file stem = rule id."""
