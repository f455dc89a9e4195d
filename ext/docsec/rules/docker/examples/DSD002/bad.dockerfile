FROM debian:bookworm-slim
ADD https://example.com/releases/tool-linux-amd64 /usr/local/bin/tool  # expect: DSD002
ADD http://example.com/config.tar.gz /etc/app/  # expect: DSD002
ADD --chown=app:app \  # expect: DSD002
    https://example.com/model.bin /models/
