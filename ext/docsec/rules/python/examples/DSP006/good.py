import json
import sqlite3
import webbrowser

con = sqlite3.connect("cache.db")
with open("cache.json") as f:
    cache = json.load(f)
webbrowser.open("https://docs.python.org/3/")
with zipfile.ZipFile("bundle.zip") as bundle:
    manifest = bundle.open("MANIFEST.txt").read()
