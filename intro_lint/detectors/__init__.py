"""Detectors that build the intro-request model from one parsed draft."""
