"""The seam between what a page shows and how it is drawn: the `Dashboard` and, per page, one function that computes
what the page shows as plain data, shared by the pages and the command line.
"""
