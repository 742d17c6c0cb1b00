"""Team work: bringing another codebook or another coder's project into this one."""
