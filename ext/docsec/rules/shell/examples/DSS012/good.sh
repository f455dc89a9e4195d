#!/usr/bin/env bash
export GRAFANA_ADMIN_PASSWORD="$(openssl rand -base64 24)"
SESSION_SECRET=$(head -c 32 /dev/urandom | base64)
WEBHOOK_TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
BACKUP_NAME="backup-$(date +%Y%m%d-%H%M%S).tar.gz"
PORT=$((RANDOM % 1000 + 9000))
sleep "$((RANDOM % 10))"
TOKEN_FILE=/run/secrets/token-$(date +%s)
