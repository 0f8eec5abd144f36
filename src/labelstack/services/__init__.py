"""The rules of LabelStack, as plain functions callable from API, CLI, jobs and tests."""
