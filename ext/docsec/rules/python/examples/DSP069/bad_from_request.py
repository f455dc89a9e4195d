import logging.config

from flask import request


@app.route("/logging", methods=["POST"])
def configure_logging():
    logging.config.fileConfig(request.form["config_path"])  # expect: DSP069
    return "ok"
