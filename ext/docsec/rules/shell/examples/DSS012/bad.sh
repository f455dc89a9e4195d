#!/usr/bin/env bash
export GRAFANA_ADMIN_PASSWORD="grafana${RANDOM}"  # expect: DSS012
SESSION_SECRET=$RANDOM$RANDOM$RANDOM  # expect: DSS012
WEBHOOK_TOKEN=$(echo "$RANDOM" | md5sum | cut -d' ' -f1)  # expect: DSS012
local db_pass=$(date +%s | sha256sum | base64 | head -c 24)  # expect: DSS012
createuser-cli --name reporter --password "rep-$(date +%N)"  # expect: DSS012
