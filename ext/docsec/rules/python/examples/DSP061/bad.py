from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware import Middleware

app = FastAPI()
app.add_middleware(  # expect: DSP061
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

origins = ("*",)
middleware = [Middleware(CORSMiddleware, allow_origins=origins, allow_credentials=True)]  # expect: DSP061
api.add_middleware(CORSMiddleware, allow_origin_regex="https?://.*", allow_credentials=True)  # expect: DSP061
