"""The domain: what the figures are and how they are computed (selection, counts, progress, measures, impact,
coordination, disclosure), on plain pandas frames and records. No storage, no drawing, no UI framework.
"""
