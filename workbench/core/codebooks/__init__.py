"""Codebooks: the REFI-QDA ``.qdc`` format and the codebooks shipped with the application."""
