export GIT_SSL_NO_VERIFY=true  # expect: DSS004
export NODE_TLS_REJECT_UNAUTHORIZED=0  # expect: DSS004
PYTHONHTTPSVERIFY=0 python fetch.py  # expect: DSS004
export CURL_CA_BUNDLE=""  # expect: DSS004
yarn config set strict-ssl false  # expect: DSS004
conda config --set ssl_verify false  # expect: DSS004
curl --insecure \  # expect: DSS004
  -o installer.sh https://example.com/installer.sh
export OAUTHLIB_INSECURE_TRANSPORT=1  # expect: DSS004
