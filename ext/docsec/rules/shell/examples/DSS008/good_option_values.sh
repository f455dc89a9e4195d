#!/usr/bin/env bash
helm upgrade --install cache bitnami/redis --set auth.existingSecret=redis-credentials
helm install pg bitnami/postgresql --set-string auth.postgresPassword="$PG_PASSWORD" --set primary.persistence.size=20Gi
terraform apply -var "region=eu-west-1" -var-file=secrets.auto.tfvars
ansible-playbook site.yml -e "deploy_user=ops" --vault-password-file ~/.vault_pass
gcloud run deploy api --image "$IMAGE" --set-secrets "STRIPE_SECRET_KEY=stripe-key:latest"
docker run -d -e POSTGRES_PASSWORD_FILE=/run/secrets/pg_password postgres:16
