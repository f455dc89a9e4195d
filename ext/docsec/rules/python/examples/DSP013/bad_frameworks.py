import bottle
import tornado.web
from fastapi import FastAPI
from starlette.applications import Starlette

application = tornado.web.Application([(r"/", MainHandler)], debug=True)  # expect: DSP013
starlette_app = Starlette(debug=True, routes=routes)  # expect: DSP013
api = FastAPI(debug=True)  # expect: DSP013
bottle.debug(True)  # expect: DSP013
