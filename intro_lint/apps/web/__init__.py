"""`intro-lint serve`: the engine in a local web page, and a workshop mode for a room."""
