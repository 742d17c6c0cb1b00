"""Reading source files (transcripts, fieldnotes) into text the project can store."""
