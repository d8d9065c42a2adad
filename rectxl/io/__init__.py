"""The I/O edge: reading workbooks into grids, writing workbooks, documents and reports."""
