"""What the library writes to disk for itself or for others: the per-document extraction cache
(`cache`) and spreadsheet-safe CSV (`csv_safety`).

May import: core.records, core.tables, core.lexicon. Nothing above them.
"""
