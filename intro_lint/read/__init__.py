"""The read stage: a draft's bytes (file, stdin, editor) -> a Message with offsets into its text."""
