"""The Textual face of the quiz chat (the only package that imports textual)."""
