from pathlib import Path

import pandas as pd

LOCK = "/var/tmp/ingest.lock"
with open("/tmp/ingest-state.json", "w") as state:  # expect: DSP054
    state.write(payload)
marker = Path(LOCK)  # expect: DSP054
frame.to_parquet(f"/tmp/{run_id}-features.parquet")  # expect: DSP054
shared = pd.read_csv(filepath_or_buffer="/dev/shm/latest.csv")  # expect: DSP054
