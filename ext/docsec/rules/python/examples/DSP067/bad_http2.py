import os
from pathlib import Path


class H2FileServer:
    async def request_received(self, headers, stream_id):
        headers = dict(headers)
        path = headers[":path"].lstrip("/")
        full_path = os.path.join(self.root, path)
        await self.send_file(full_path, stream_id)

    async def send_file(self, file_path, stream_id):
        with open(file_path, "rb") as f:  # expect: DSP067
            return f.read()


class GeventServer:
    def request_received(self, event):
        headers = dict(event.headers)
        file_path = Path(self.sources) / headers[":path"].lstrip("/")
        self._send_file(file_path, event.stream_id)

    def _send_file(self, file_path: Path, stream_id: int) -> None:
        with file_path.open(mode="rb") as f:  # expect: DSP067
            self.conn.send_data(stream_id, f.read())
