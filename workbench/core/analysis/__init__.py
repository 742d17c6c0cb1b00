"""Cross-case analysis with pandas: matrices (case x code, code x code, coder x code)."""
