"""Importers and exporters, one module per format (lxml lives here)."""
