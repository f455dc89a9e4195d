# `python -c` one-liners in a shell block are Python.
python -c "import requests; print(requests.get('https://www.howsmyssl.com/a/check', verify=False, timeout=10).json())"  # expect: DSP010
