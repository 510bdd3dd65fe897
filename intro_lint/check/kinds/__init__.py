"""The registry of kinds: the Python behind rules; a rule file names its kind."""

from __future__ import annotations

from types import ModuleType

from intro_lint.check.kinds import metric, request_model as model, phrase

KINDS: dict[str, ModuleType] = {"model": model, "phrase": phrase, "metric": metric}
