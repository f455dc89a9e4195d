export OS_AUTH_URL=http://controller.example.com:5000/v3  # expect: DSG006
export OS_USERNAME=admin
export OS_PASSWORD="$ADMIN_PASS"
