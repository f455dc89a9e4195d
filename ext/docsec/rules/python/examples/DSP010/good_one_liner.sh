python -c "import requests; print(requests.get('https://www.howsmyssl.com/a/check', timeout=10).json())"
echo "verify=False"
