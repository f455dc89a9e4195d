import os
import asyncio
from flask import Flask

app = Flask(__name__)
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"

if __name__ == "__main__":
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")

asyncio.run(main(), debug=True)
app.run(debug=False)
app.run()
unittest.main(verbosity=2)
logging.basicConfig(level=logging.DEBUG)
