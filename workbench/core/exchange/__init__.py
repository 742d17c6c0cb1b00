"""REFI-QDA project exchange: ``.qdpx`` export and import.

The standard is REFI-QDA 1.5; its schemas are vendored in ``resources/refi-qda``. Export writes
what the schemas accept (``project.qde`` and a lower-case ``sources/`` folder); import tolerates
how real exports from NVivo, ATLAS.ti and MAXQDA differ from the standard (see ``qdpx_import``).
"""
