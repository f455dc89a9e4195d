import shelve

# the program's own store, at its own path, written here
with shelve.open("cache.db") as db:
    db["last_run"] = started
