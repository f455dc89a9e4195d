FROM rockylinux:9
RUN dnf install -y httpd && systemctl disable firewalld  # expect: DSS014
