"""What a training run depends on besides its corpora; its hash is recorded in the model."""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel, ConfigDict, Field


class TrainConfig(BaseModel):
    """Every knob of training; the defaults build the shipped model."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: int = 0
    inner_folds: int = Field(default=4, ge=2)  # grouped folds for stacking and thresholds
    min_df: int = Field(default=2, ge=1)  # a term must occur in this many training texts
    c: float = Field(default=1.0, gt=0)  # inverse L2 strength of every logistic head
    min_precision: float = Field(
        default=0.8, gt=0, le=1
    )  # thresholds: best kappa at this precision


def config_hash(config: TrainConfig) -> str:
    text = json.dumps(config.model_dump(), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
