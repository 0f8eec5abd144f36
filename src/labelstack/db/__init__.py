"""Database layer: engine, sessions, base class and migrations."""
