"""What to export, and in which format."""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator

from labelstack.export_formats import ExportFormat, ExportWhich


class ExportRequest(BaseModel):
    format: ExportFormat
    project_id: int | None = None
    task_id: int | None = None
    annotation_ids: list[int] | None = Field(default=None, max_length=100_000)
    which: ExportWhich = ExportWhich.latest

    @model_validator(mode="after")
    def _one_scope(self) -> ExportRequest:
        given = [v for v in (self.project_id, self.task_id, self.annotation_ids) if v is not None]
        if len(given) > 1:
            raise ValueError("give at most one of project_id, task_id, annotation_ids")
        return self
