"""Pydantic v2 request and response models, one per direction, separate from the tables."""
