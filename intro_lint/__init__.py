"""intro-lint: lints networking emails (introductions, referrals, job and investor intros)."""

__version__ = "0.1.0"
