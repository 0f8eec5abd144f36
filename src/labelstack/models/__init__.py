"""SQLAlchemy tables. Importing this package registers every table on ``Base.metadata``."""

from labelstack.models.archive import Instance, InstanceMetadata, Patient, Series, Study
from labelstack.models.audit import AuditEvent
from labelstack.models.auth_session import AuthSession
from labelstack.models.label import AssignmentStatus, Label, LabelAssignment, LabelKind
from labelstack.models.project import Project, ProjectImage, ProjectMember
from labelstack.models.task import (
    ItemStatus,
    ItemType,
    Priority,
    Task,
    TaskEvent,
    TaskItem,
    TaskKind,
    TaskStatus,
    WorkTime,
)
from labelstack.models.user import Role, User, UserRole

__all__ = [
    "AssignmentStatus",
    "AuditEvent",
    "AuthSession",
    "Instance",
    "InstanceMetadata",
    "ItemStatus",
    "ItemType",
    "Label",
    "LabelAssignment",
    "LabelKind",
    "Patient",
    "Priority",
    "Project",
    "ProjectImage",
    "ProjectMember",
    "Role",
    "Series",
    "Study",
    "Task",
    "TaskEvent",
    "TaskItem",
    "TaskKind",
    "TaskStatus",
    "User",
    "UserRole",
    "WorkTime",
]
