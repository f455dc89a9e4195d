export ANSIBLE_HOST_KEY_CHECKING=False  # expect: DSS006
sshpass -p "$PASS" ssh -o 'StrictHostKeyChecking no' admin@host  # expect: DSS006
echo "StrictHostKeyChecking no" >> ~/.ssh/config  # expect: DSS006
