import shutil
from pathlib import Path

import aiofiles
from fastapi import FastAPI, File, UploadFile

app = FastAPI()
UPLOAD_DIR = Path("uploads")


@app.post("/files/")
async def create_upload_file(file: UploadFile = File(...)):
    with open(f"uploads/{file.filename}", "wb") as buffer:  # expect: DSP062
        shutil.copyfileobj(file.file, buffer)
    return {"filename": file.filename}


@app.post("/many/")
async def create_upload_files(files: list[UploadFile]):
    for upload in files:
        (UPLOAD_DIR / upload.filename).write_bytes(await upload.read())  # expect: DSP062
    return {"count": len(files)}


@app.post("/async/")
async def save_async(file: UploadFile):
    async with aiofiles.open(UPLOAD_DIR / file.filename, "wb") as out:  # expect: DSP062
        await out.write(await file.read())
