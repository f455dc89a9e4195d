#!/usr/bin/env bash
helm upgrade --install cache bitnami/redis --set auth.password=Qv8t2LmZ9rW4  # expect: DSS008
helm install pg oci://registry.example.com/charts/postgresql \  # expect: DSS008
  --namespace data \
  --set-string global.postgresql.auth.postgresPassword=h7Nd3kQ0pX2s,primary.persistence.size=20Gi
terraform apply -var "region=eu-west-1" -var "db_password=Pl4tform!2024"  # expect: DSS008
ansible-playbook site.yml -e "deploy_user=ops vault_api_token=0b9e7c5a3d1f8e6c4a2b"  # expect: DSS008
gcloud run deploy api --image "$IMAGE" --set-env-vars "LOG_LEVEL=info,STRIPE_SECRET_KEY=rk9Fq2Wm7Zt4Lx8c"  # expect: DSS008
