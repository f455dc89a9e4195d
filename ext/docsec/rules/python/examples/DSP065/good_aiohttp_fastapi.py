import html

from aiohttp import web
from fastapi import FastAPI
from fastapi.responses import HTMLResponse


async def hello(request):
    name = request.query.get("name", "")
    return web.Response(text=f"Hello {name}")  # text/plain


async def page(request):
    name = request.query.get("name", "")
    return web.Response(text=f"<h1>Hello {html.escape(name)}</h1>", content_type="text/html")

app = FastAPI()


@app.get("/items")
async def items(q: str = ""):
    return f"Results for {q}"  # JSON: a string, quoted


@app.get("/page", response_class=HTMLResponse)
async def page2(n: int = 0):
    return f"<p>page {n}</p>"
