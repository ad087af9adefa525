"""Changing a model file: the edits, and writing the file safely.

- :mod:`~mra_graph.editing.edits`: add, set, end and rename, each giving a new valid model;
- :mod:`~mra_graph.editing.model_file`: applying an edit to a file, locked and canonical;
- :mod:`~mra_graph.editing.files`: writing a file atomically, never half-written.
"""
