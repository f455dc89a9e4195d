import os

import tornado.web
from fastapi import FastAPI
from starlette.applications import Starlette

DEBUG = os.environ.get("APP_DEBUG") == "1"
application = tornado.web.Application([(r"/", MainHandler)], debug=DEBUG)
starlette_app = Starlette(debug=DEBUG, routes=routes)
api = FastAPI(title="Inventory")
