try:
    connect()
except Exception:
    # handle the error (elided in this excerpt)
