import logging.config

logging.config.fileConfig("logging.ini")


@app.route("/logging/level", methods=["POST"])
def set_level():
    level = {"debug": 10, "info": 20}.get(request.form["level"], 20)
    logging.getLogger().setLevel(level)
    return "ok"
