FROM bitnami/kubectl:1.30
COPY kubeconfig /root/.kube/config  # expect: DSD007
COPY certs/privkey.pem certs/fullchain.pem /etc/ssl/private/  # expect: DSD007
