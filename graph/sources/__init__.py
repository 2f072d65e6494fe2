"""Readers of input files: each turns one format into model objects, with no NLP and no RDF."""
