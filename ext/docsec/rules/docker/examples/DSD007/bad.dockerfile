FROM python:3.12-slim
WORKDIR /app
COPY id_rsa /root/.ssh/id_rsa  # expect: DSD007
COPY --chown=app:app .env /app/.env  # expect: DSD007
ADD ./certs/server.key /etc/nginx/certs/  # expect: DSD007
COPY ["gcp-service-account.json", "/app/"]  # expect: DSD007
COPY .aws/credentials /root/.aws/credentials  # expect: DSD007
COPY requirements.txt .pypirc /root/  # expect: DSD007
COPY ~/.ssh /root/.ssh  # expect: DSD007
COPY .env.production ./  # expect: DSD007
RUN pip install -r requirements.txt && rm -rf /root/.ssh /root/.pypirc
