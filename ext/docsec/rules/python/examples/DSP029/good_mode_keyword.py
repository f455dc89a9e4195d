import numpy as np

settings.save_to("runtime/settings.toml", mode=0o640)
with open("report.csv", mode="w", newline="") as handle:
    handle.write(text)
weights = np.memmap("weights.bin", dtype="float32", mode="r+", shape=(1024,))
image = reader.decode(buffer, mode=2)
store.write_bytes(blob, file_mode=0o600)
Path("marker").touch(mode=0o666, exist_ok=True)
