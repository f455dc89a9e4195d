FROM python:3.12-slim
ENV DATABASE_PASSWORD=Sup3r-S3cret!  # expect: DSD006
ENV APP_ENV=production STRIPE_API_KEY="sk_live_51Hx9aTq2bXw8rLm"  # expect: DSD006
ENV AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9aLk  # expect: DSD006
ARG GITHUB_TOKEN=ghp_4f9Qx2LmT8rB7nV1cZ0kW3yP6sD5hJ2gA9uE  # expect: DSD006, DSC002
ARG DB_USER=app
RUN pip install --no-cache-dir -r requirements.txt
