"""travel: county provider settings, uploaded and cached travel minutes

Revision ID: 0008_travel
Revises: 0007_lifecycle
Create Date: 2026-11-26 12:00:00

Written by hand from app/travel/models.py and the three County columns; batch mode adds the
columns on SQLite, server defaults fill them for counties that already exist.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008_travel'
down_revision: str | None = '0007_lifecycle'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('counties', schema=None) as batch_op:
        batch_op.add_column(sa.Column('travel_provider', sa.String(length=16), nullable=False, server_default='great_circle'))
        batch_op.add_column(sa.Column('osrm_url', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('travel_fallback', sa.Boolean(), nullable=False, server_default=sa.true()))
    op.create_table('travel_times',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('county_id', sa.Integer(), nullable=False),
    sa.Column('provider', sa.String(length=240), nullable=False),
    sa.Column('from_code', sa.String(length=64), nullable=False),
    sa.Column('to_code', sa.String(length=64), nullable=False),
    sa.Column('from_latitude', sa.Float(), nullable=False),
    sa.Column('from_longitude', sa.Float(), nullable=False),
    sa.Column('to_latitude', sa.Float(), nullable=False),
    sa.Column('to_longitude', sa.Float(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['county_id'], ['counties.id'], name=op.f('fk_travel_times_county_id_counties')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_travel_times')),
    sa.UniqueConstraint('county_id', 'provider', 'from_code', 'to_code', name=op.f('uq_travel_times_county_id_provider_from_code_to_code'))
    )
    with op.batch_alter_table('travel_times', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_travel_times_county_id'), ['county_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('travel_times', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_travel_times_county_id'))
    op.drop_table('travel_times')
    with op.batch_alter_table('counties', schema=None) as batch_op:
        batch_op.drop_column('travel_fallback')
        batch_op.drop_column('osrm_url')
        batch_op.drop_column('travel_provider')
