FROM python:3.12-slim
RUN useradd --create-home app
USER app
COPY --chown=app:app . /home/app
USER root  # expect: DSD003
RUN apt-get update && apt-get install -y --no-install-recommends libpq5
CMD ["python", "/home/app/main.py"]
