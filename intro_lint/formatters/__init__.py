"""Output formats: each module renders finished Reports as text for one audience."""
