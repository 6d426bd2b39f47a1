"""The content model: fixed vocabularies and one schema per content type."""
