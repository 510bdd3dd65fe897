"""The intro-request model: asks, gives, gaps, parties, materials, a forwardable note, focus."""
