from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/go")
async def go(url: str):
    return RedirectResponse(url)  # expect: DSP063
