import logging
import tempfile
from pathlib import Path

workdir = Path(tempfile.mkdtemp(prefix="ingest-", dir="/tmp"))
with open(workdir / "ingest-state.json", "w") as state:
    state.write(payload)
with tempfile.NamedTemporaryFile("w", suffix=".csv") as scratch:
    frame.to_csv(scratch.name)
logging.info("state kept in /tmp/ingest-state.json no longer")
if path.startswith("/tmp/"):
    path = path.replace("/tmp/", str(workdir) + "/")
