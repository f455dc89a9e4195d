from pathlib import Path

from fastapi import FastAPI, UploadFile
from django.core.files.uploadedfile import UploadedFile

app = FastAPI()
UPLOAD_DIR = Path("uploads")


@app.post("/files/")
async def create_upload_file(file: UploadFile):
    target = UPLOAD_DIR / Path(file.filename).name
    target.write_bytes(await file.read())
    return {"filename": file.filename, "size": file.size}


@app.post("/checked/")
async def checked(file: UploadFile):
    target = (UPLOAD_DIR / file.filename).resolve()
    if not target.is_relative_to(UPLOAD_DIR.resolve()):
        raise ValueError("bad name")
    target.write_bytes(await file.read())


def handle_uploaded_file(f: UploadedFile):
    with open(f"uploads/{f.name}", "wb+") as destination:
        for chunk in f.chunks():
            destination.write(chunk)


def report(record):
    with open(os.path.join("reports", record.filename), "w") as out:
        out.write(record.body)
