"""Import and export of parks, organisations and relations as CSV and Excel (.xlsx) files.

- `columns`: the columns of each file (Chinese header, English alias), how a cell becomes an
  input value and how a value becomes a cell;
- `readers`: bytes of an uploaded .csv or .xlsx file -> a header and rows of text;
- `importing`: the import service (validate every row, then write all rows in one transaction
  through backend.network.services, or nothing);
- `exporting`: the same columns out, streamed, with spreadsheet formulas neutralised.
"""
