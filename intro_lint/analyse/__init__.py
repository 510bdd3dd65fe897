"""The analyse stage: Message -> Analysis (one spaCy parse, the intro-request model, metrics)."""
