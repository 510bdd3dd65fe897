"""Settings: the knobs, the layers they come from (files, environment, flags), and `config show`."""
