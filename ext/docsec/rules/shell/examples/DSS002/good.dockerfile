FROM python:3.12-slim
RUN useradd --create-home app && mkdir -m 750 /data && chown app:app /data
COPY --chown=app:app . /app
RUN chmod 0755 /app/entrypoint.sh
USER app
