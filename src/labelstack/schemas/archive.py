"""The image archive as the API sees it: patients, studies, series, instances, uploads."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from labelstack.schemas.common import ReadModel


def _split(value: object) -> list[str]:
    if isinstance(value, str):
        return [v for v in value.split("\\") if v]
    return list(value) if isinstance(value, list | tuple) else []


class PatientRead(ReadModel):
    id: int
    patient_id: str
    patient_name: str
    birth_date: date | None
    sex: str
    number_of_studies: int = 0
    created_at: datetime


class PatientSummary(ReadModel):
    id: int
    patient_id: str
    patient_name: str
    birth_date: date | None
    sex: str


class StudyRead(ReadModel):
    id: int
    study_instance_uid: str
    patient: PatientSummary
    study_date: date | None
    study_time: str
    description: str
    accession_number: str
    study_id: str
    referring_physician: str
    modalities: list[str]
    body_parts: list[str]
    number_of_series: int
    number_of_instances: int
    size_bytes: int
    created_at: datetime

    @field_validator("modalities", "body_parts", mode="before")
    @classmethod
    def _split_values(cls, value: object) -> list[str]:
        return _split(value)


class SeriesRead(ReadModel):
    id: int
    series_instance_uid: str
    study_id: int = Field(validation_alias="study_fk")
    study_instance_uid: str
    patient_id: str
    patient_name: str
    study_date: date | None
    study_description: str
    modality: str
    body_part: str
    description: str
    series_number: int | None
    frame_of_reference_uid: str
    number_of_instances: int
    number_of_frames: int
    size_bytes: int
    source: str
    source_format: str
    extra: dict[str, Any]
    created_at: datetime


class StudyDetail(StudyRead):
    series: list[SeriesRead]


class InstanceRead(ReadModel):
    id: int
    sop_instance_uid: str
    sop_class_uid: str
    instance_number: int | None
    image_position: list[float] | None
    image_orientation: list[float] | None
    slice_location: float | None
    temporal_position: int | None
    rows: int | None
    columns: int | None
    number_of_frames: int
    transfer_syntax_uid: str
    size_bytes: int
    created_at: datetime


class SeriesDetail(SeriesRead):
    """A series with its instances in slice order (time point, position along the normal, number)."""

    instances: list[InstanceRead]


class AttributeRead(BaseModel):
    """One row of the metadata panel; sequence items are flattened with their depth."""

    tag: str = Field(description="(gggg,eeee)")
    keyword: str
    name: str
    vr: str
    value: str
    depth: int = 0


class InstanceAttributes(BaseModel):
    instance: InstanceRead
    series_id: int
    attributes: list[AttributeRead]


class UploadItemRead(BaseModel):
    name: str
    status: Literal["stored", "duplicate", "rejected"]
    reason: str | None = None
    sop_instance_uid: str | None = None
    series_instance_uid: str | None = None
    study_instance_uid: str | None = None
    sop_class_uid: str | None = None
    transfer_syntax_uid: str | None = None
    instances: int = 1


class UploadResult(BaseModel):
    stored: int
    duplicates: int
    rejected: int
    items: list[UploadItemRead]


class DeleteResult(BaseModel):
    deleted_studies: int = 0
    deleted_series: int
    deleted_instances: int
