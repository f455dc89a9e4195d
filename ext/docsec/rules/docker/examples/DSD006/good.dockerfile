# syntax=docker/dockerfile:1
FROM python:3.12-slim
ARG PYPI_TOKEN
ARG DB_PASSWORD=changeme
ENV DATABASE_PASSWORD=$DATABASE_PASSWORD
ENV API_KEY=${API_KEY}
ENV PASSWORD_FILE=/run/secrets/db_password TOKEN_PATH=/run/secrets/token
ENV SECRET_KEY="<your-secret-key>"
ENV PYTHONDONTWRITEBYTECODE=1 KEYBOARD_LAYOUT=us
RUN --mount=type=secret,id=pypi_token \
    PIP_INDEX_URL="https://__token__:$(cat /run/secrets/pypi_token)@pypi.example.com/simple" \
    pip install -r requirements.txt
