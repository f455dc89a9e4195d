read -rs DB_PASSWORD && export DB_PASSWORD
export GITHUB_TOKEN=${GITHUB_TOKEN:?set it first}
kubectl create secret generic db --from-literal=password="$DB_PASSWORD"
export PASSWORD_MIN_LENGTH=12
export REDIS_PASSWORD=password-for-6379
helm install cache bitnami/redis --set auth.existingSecret=redis-credentials
http -a admin GET https://kinto.example.com/v1/buckets
