CORS_ALLOW_ALL_ORIGINS = True  # a public read-only API: no cookies sent or read
CORS_ALLOW_CREDENTIALS = False
