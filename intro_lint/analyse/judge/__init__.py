"""The learned judging layer: passages and features of one parse, scored by trained heads."""
