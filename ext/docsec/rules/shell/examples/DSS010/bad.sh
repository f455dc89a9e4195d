#!/bin/sh
set -eu
cat > /etc/yum.repos.d/tools.repo <<'EOF'
[tools]
name=Tools packages
baseurl=http://rpm.tools.example.net/el$releasever/$basearch
enabled=1
gpgcheck=0  # expect: DSS010
EOF
rpm -Uvh --nosignature /tmp/tools-agent.rpm  # expect: DSS010
