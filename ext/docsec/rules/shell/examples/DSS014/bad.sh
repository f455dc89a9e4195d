#!/bin/bash
# Prepare a CentOS host for the cluster.
setenforce Permissive  # expect: DSS014
echo "SELINUX=permissive" > /etc/selinux/config  # expect: DSS014
grubby --update-kernel ALL --args selinux=0  # expect: DSS014
chkconfig iptables off  # expect: DSS014
aa-teardown || true  # expect: DSS014
