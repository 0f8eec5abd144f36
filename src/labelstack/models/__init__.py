"""SQLAlchemy tables. Importing this package registers every table on ``Base.metadata``."""

from labelstack.models.audit import AuditEvent
from labelstack.models.auth_session import AuthSession
from labelstack.models.user import Role, User, UserRole

__all__ = ["AuditEvent", "AuthSession", "Role", "User", "UserRole"]
