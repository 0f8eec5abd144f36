"""The DICOMweb server (PS3.18): QIDO-RS search, WADO-RS retrieve, STOW-RS store.

Small modules with one job each: ``negotiation`` (media types and the Accept
header), ``multipart`` (multipart/related bodies), ``qido`` (query matching on
the index tables), ``wado`` (instances, metadata, frames, rendered images),
``stow`` (the store response dataset), ``frames`` (frame byte ranges in a
stored file) and ``cache`` (bounded caches). The HTTP edge lives in
``labelstack.api.routes.dicomweb``.
"""
