"""The read stage: a draft's bytes (file, stdin, editor buffer) -> a Message with offsets into its text."""
