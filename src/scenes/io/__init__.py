"""Files in and out, bounded: every cap enforced while reading, the project's canonical file forms.

Below the reference data and the domain: it knows files, not what the rows mean.
"""
