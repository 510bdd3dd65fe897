"""Fixes: rule fix templates -> edits, the forwardable-note scaffold, applying edits to text."""
