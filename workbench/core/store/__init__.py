"""The store: each entity's write rules, in one place, for every path that creates rows.

A service (one user action), the import job, the ``.qdpx`` import, the project merge and bulk
coding all write documents, codings, codes, cases, coders and memos through these functions, so
a row stored by one path is the row any other path stores for the same input. The functions
take an open session and never commit (the caller owns the transaction) and record nothing in a
change log: they return what they wrote, and the caller says what its action changed. Paths that
write many rows at once use the bulk functions (one statement per batch).
"""
