# gunicorn.conf.py
forwarded_allow_ips = "*"  # expect: DSG004

import uvicorn
uvicorn.run("app:app", host=os.environ["HOST"], proxy_headers=True, forwarded_allow_ips="*")  # expect: DSG004
