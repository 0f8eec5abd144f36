"""Images: ingest, index, stores (local files or a DICOMweb PACS), rendering.

``store`` keeps original bytes, ``ingest`` turns bytes into index rows,
``dicom_files`` parses and describes DICOM, ``render`` turns pixels into
PNG/JPEG, ``nifti`` converts NIfTI volumes into DICOM series.
"""
