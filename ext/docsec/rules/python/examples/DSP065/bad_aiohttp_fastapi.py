from aiohttp import web
from fastapi import FastAPI
from fastapi.responses import HTMLResponse


async def hello(request):
    name = request.query.get("name", "")
    return web.Response(text=f"<h1>Hello {name}</h1>", content_type="text/html")  # expect: DSP065

app = FastAPI()


@app.get("/items", response_class=HTMLResponse)
async def items(q: str = ""):
    return f"<html><body>Results for {q}</body></html>"  # expect: DSP065
