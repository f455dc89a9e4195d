# syntax=docker/dockerfile:1
FROM python:3.12-slim AS build
WORKDIR /app
COPY requirements.txt .
RUN --mount=type=ssh pip install -r requirements.txt
RUN --mount=type=secret,id=pypirc,target=/root/.pypirc pip download private-lib
COPY .env.example .env
COPY known_hosts /root/.ssh/known_hosts
COPY deploy_key.pub /root/.ssh/authorized_keys
COPY certs/fullchain.pem certs/ca.crt /etc/ssl/certs/
COPY . .

FROM python:3.12-slim
COPY --from=build /app/.env /app/.env
COPY --from=build /app /app
