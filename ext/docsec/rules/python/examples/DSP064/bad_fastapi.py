import urllib.request

import aiohttp
import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/proxy")
async def proxy(url: str):
    async with httpx.AsyncClient() as client:
        response = await client.get(url)  # expect: DSP064
    return response.text


@app.get("/image")
async def image(src: str):
    async with aiohttp.ClientSession() as session:
        async with session.get(f"https://{src}/logo.png") as response:  # expect: DSP064
            return await response.read()


@app.get("/legacy")
def legacy(target: str):
    return urllib.request.urlopen(target).read()  # expect: DSP064
