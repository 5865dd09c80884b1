# The API image; docker-compose.yml runs it against PostgreSQL.
FROM python:3.11-slim

WORKDIR /srv/yuanjiao
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1

COPY pyproject.toml README.md alembic.ini ./
COPY alembic alembic
COPY app app
COPY solver solver
COPY seed seed
# Editable, so `yuanjiao migrate` finds alembic.ini next to the app package.
RUN pip install -e .

EXPOSE 8000
CMD ["yuanjiao", "serve"]
