"""The pre-send guard: lint a message on its way to sendmail, send it unchanged or hold it back."""
