FROM python:3.12-slim AS build
USER root
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim
COPY --from=build /wheels /wheels
USER root
RUN pip install --no-cache-dir /wheels/*
USER 10001:10001
CMD ["python", "-m", "app"]
