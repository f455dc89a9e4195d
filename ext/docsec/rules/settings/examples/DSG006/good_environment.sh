export OS_AUTH_URL=https://controller.example.com:5000/v3
export OS_USERNAME=admin
export OS_PASSWORD="$ADMIN_PASS"
export DOCS_URL=http://docs.example.com/guide
