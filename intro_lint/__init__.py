"""intro-lint: a linter for networking emails (introductions, referrals, job and investor intros)."""

__version__ = "0.1.0"
