"""audit: the audit log (case reads, writes with before/after, publishes)

Revision ID: 0009_audit
Revises: 0008_travel
Create Date: 2026-11-26 13:00:00

Written by hand from app/audit/models.py. A new table only, so no batch mode is needed on
SQLite; no foreign keys on purpose (the log outlives the rows it names).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009_audit'
down_revision: str | None = '0008_travel'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('county_id', sa.Integer(), nullable=True),
    sa.Column('token_id', sa.Integer(), nullable=True),
    sa.Column('calendar_feed_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=20), nullable=True),
    sa.Column('action', sa.String(length=12), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.CheckConstraint("action IN ('case_read', 'create', 'update', 'delete', 'publish')", name=op.f('ck_audit_events_action')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    op.create_index('ix_audit_events_county_action_at', 'audit_events', ['county_id', 'action', 'at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_events_county_action_at', table_name='audit_events')
    op.drop_table('audit_events')
