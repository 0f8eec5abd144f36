"""Annotation content and its standard formats, independent of the database.

Labelmap storage (per-slice compressed, content-addressed, immutable),
series geometry, and the readers and writers for DICOM SEG, NIfTI, COCO and
CSV. Services build on these; nothing here touches SQL or HTTP.
"""
