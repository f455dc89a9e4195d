FROM debian:bookworm-slim
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/releases/tool /usr/local/bin/tool
ADD app.tar.gz /opt/app/
COPY requirements.txt /app/
RUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz \
 && echo "3b1f...  /tmp/tool.tgz" | sha256sum -c - \
 && tar -xzf /tmp/tool.tgz -C /usr/local/bin
