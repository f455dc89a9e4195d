import requests
from fastapi import FastAPI, Depends

app = FastAPI()
API = "https://api.example.com"


@app.get("/repos/{owner}")
def repos(owner: str, client=Depends(get_client)):
    return requests.get(f"https://api.github.com/users/{owner}/repos", timeout=5).json()


@app.get("/status")
def status():
    return requests.get(API + "/status", timeout=5).json()


def fetch(url):
    return requests.get(url, timeout=5)


@app.get("/cache/{key}")
def cached(key: str):
    return redis_client.get(key)
