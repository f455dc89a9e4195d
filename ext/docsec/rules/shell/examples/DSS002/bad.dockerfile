FROM python:3.12-slim
COPY . /app
RUN chmod -R 777 /app  # expect: DSS002
