"""Yuanjiao web service: FastAPI routers, services, SQLAlchemy models."""
