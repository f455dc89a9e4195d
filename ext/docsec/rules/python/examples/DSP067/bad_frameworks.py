from django.http import FileResponse
from fastapi import FastAPI
from fastapi.responses import FileResponse as StarletteFile
import tornado.web

api = FastAPI()


@api.get("/files/{name}")
async def read_file(name: str):
    return StarletteFile(f"uploads/{name}")  # expect: DSP067


def attachment(request):
    return FileResponse(open("attachments/" + request.GET["file"], "rb"))  # expect: DSP067


class LogHandler(tornado.web.RequestHandler):
    def get(self):
        with open("/var/log/app/" + self.get_argument("log")) as log:  # expect: DSP067
            self.write(log.read())
