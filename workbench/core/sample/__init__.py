"""The bundled sample project, built from the source files in ``sample_projects/``."""
