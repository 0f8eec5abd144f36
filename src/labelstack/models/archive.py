"""The image index: Patient → Study → Series → Instance.

Rows hold the attributes people search and sort by; each instance's full
DICOM JSON (PS3.18 F.2) lives in ``InstanceMetadata`` so instance rows stay
small for slice-ordered listings. The pixels themselves live in an image
store (local files or a DICOMweb PACS), addressed by ``Instance.storage_key``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from labelstack.db.base import Base
from labelstack.db.types import JSONType, UTCDateTime, utcnow

UID = String(64)


class Patient(Base):
    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_key: Mapped[str] = mapped_column(
        String(128), unique=True, doc="PatientID, or a stand-in if empty"
    )
    patient_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    patient_name: Mapped[str] = mapped_column(String(324), default="", index=True)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    sex: Mapped[str] = mapped_column(String(16), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    studies: Mapped[list[Study]] = relationship(back_populates="patient", passive_deletes=True)


class Study(Base):
    __tablename__ = "studies"
    __table_args__ = (Index("ix_studies_study_date_id", "study_date", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    study_instance_uid: Mapped[str] = mapped_column(UID, unique=True)
    patient_fk: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    study_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    study_time: Mapped[str] = mapped_column(String(32), default="")
    description: Mapped[str] = mapped_column(String(256), default="", index=True)
    accession_number: Mapped[str] = mapped_column(String(64), default="", index=True)
    study_id: Mapped[str] = mapped_column(String(32), default="")
    referring_physician: Mapped[str] = mapped_column(String(324), default="")
    modalities: Mapped[str] = mapped_column(
        String(128), default="", doc="ModalitiesInStudy, backslash-separated"
    )
    body_parts: Mapped[str] = mapped_column(String(256), default="")
    number_of_series: Mapped[int] = mapped_column(Integer, default=0)
    number_of_instances: Mapped[int] = mapped_column(Integer, default=0)
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    patient: Mapped[Patient] = relationship(back_populates="studies", lazy="joined")
    series: Mapped[list[Series]] = relationship(back_populates="study", passive_deletes=True)


class Series(Base):
    __tablename__ = "series"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series_instance_uid: Mapped[str] = mapped_column(UID, unique=True)
    study_fk: Mapped[int] = mapped_column(ForeignKey("studies.id", ondelete="CASCADE"), index=True)
    modality: Mapped[str] = mapped_column(String(16), default="", index=True)
    body_part: Mapped[str] = mapped_column(String(64), default="", index=True)
    description: Mapped[str] = mapped_column(String(256), default="")
    series_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    frame_of_reference_uid: Mapped[str] = mapped_column(UID, default="")
    number_of_instances: Mapped[int] = mapped_column(Integer, default=0)
    number_of_frames: Mapped[int] = mapped_column(Integer, default=0, doc="sum over instances")
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    source: Mapped[str] = mapped_column(
        String(32), default="", doc="upload, stow, cli, nifti, pacs, demo ..."
    )
    source_format: Mapped[str] = mapped_column(String(16), default="dicom", doc="dicom or nifti")
    extra: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict, doc="e.g. NIfTI header facts")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    study: Mapped[Study] = relationship(back_populates="series", lazy="joined")
    instances: Mapped[list[Instance]] = relationship(back_populates="series", passive_deletes=True)


class Instance(Base):
    __tablename__ = "instances"
    __table_args__ = (Index("ix_instances_series_order", "series_fk", "instance_number", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sop_instance_uid: Mapped[str] = mapped_column(UID, unique=True)
    sop_class_uid: Mapped[str] = mapped_column(UID, default="")
    series_fk: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    instance_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    image_position: Mapped[list[float] | None] = mapped_column(JSONType, nullable=True)
    image_orientation: Mapped[list[float] | None] = mapped_column(JSONType, nullable=True)
    slice_location: Mapped[float | None] = mapped_column(Float, nullable=True)
    temporal_position: Mapped[int | None] = mapped_column(Integer, nullable=True, doc="time point / phase")
    rows: Mapped[int | None] = mapped_column(Integer, nullable=True)
    columns: Mapped[int | None] = mapped_column(Integer, nullable=True)
    number_of_frames: Mapped[int] = mapped_column(Integer, default=1)
    transfer_syntax_uid: Mapped[str] = mapped_column(UID, default="")
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    storage_key: Mapped[str] = mapped_column(Text, doc="where the image store keeps the original bytes")
    source: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    series: Mapped[Series] = relationship(back_populates="instances")
    metadata_row: Mapped[InstanceMetadata] = relationship(
        back_populates="instance", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )


class InstanceMetadata(Base):
    """The full DICOM JSON of one instance (bulk data replaced by BulkDataURIs)."""

    __tablename__ = "instance_metadata"

    instance_fk: Mapped[int] = mapped_column(ForeignKey("instances.id", ondelete="CASCADE"), primary_key=True)
    dicom_json: Mapped[dict[str, Any]] = mapped_column(JSONType)

    instance: Mapped[Instance] = relationship(back_populates="metadata_row")
