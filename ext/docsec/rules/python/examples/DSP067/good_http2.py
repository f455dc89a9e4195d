import os


class H2FileServer:
    async def request_received(self, headers, stream_id):
        headers = dict(headers)
        path = os.path.basename(headers[":path"])
        full_path = os.path.join(self.root, path)
        await self.send_file(full_path, stream_id)

    async def send_file(self, file_path, stream_id):
        with open(file_path, "rb") as f:
            return f.read()

    async def index(self, stream_id):
        await self.send_file(os.path.join(self.root, "index.html"), stream_id)
