"""REFI-QDA project exchange: ``.qdpx`` export and import (see ../shared/refi-qda/NOTES.md)."""
