from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask_cors import CORS

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])  # public API, no cookies
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False)
app.add_middleware(GZipMiddleware, minimum_size=1000)
app.add_middleware(CORSMiddleware, allow_origin_regex=r"https://.*\.example\.com", allow_credentials=True)

CORS(flask_app)  # every origin, but no credentials
CORS(flask_app, origins=["https://app.example.com"], supports_credentials=True)
CORS(flask_app, resources={r"/api/*": {"origins": ["https://app.example.com"]}}, supports_credentials=True)
