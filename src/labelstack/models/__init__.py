"""SQLAlchemy tables. Importing this package registers every table on ``Base.metadata``."""

from labelstack.models.archive import Instance, InstanceMetadata, Patient, Series, Study
from labelstack.models.audit import AuditEvent
from labelstack.models.auth_session import AuthSession
from labelstack.models.user import Role, User, UserRole

__all__ = [
    "AuditEvent",
    "AuthSession",
    "Instance",
    "InstanceMetadata",
    "Patient",
    "Role",
    "Series",
    "Study",
    "User",
    "UserRole",
]
