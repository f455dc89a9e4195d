export PIP_TRUSTED_HOST=nexus.example.com  # expect: DSS005
export PIP_INDEX_URL=http://nexus.example.com/repository/pypi/simple  # expect: DSS005
pip3 install \  # expect: DSS005
    --trusted-host pypi.python.org \
    -r requirements.txt
