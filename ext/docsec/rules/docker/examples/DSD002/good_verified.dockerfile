FROM alpine:3.20
ARG EXPORTER_SHA256
ADD https://downloads.example.org/exporter/exporter-1.8.2.linux-amd64.tar.gz /tmp/exporter.tar.gz
RUN echo "${EXPORTER_SHA256}  /tmp/exporter.tar.gz" | sha256sum -c - \
 && tar -xzf /tmp/exporter.tar.gz -C /usr/local/bin --strip-components=1

ADD https://releases.example.net/cli/v3.1.0/cli-linux-x86_64 /usr/local/bin/cli
ADD https://releases.example.net/cli/v3.1.0/cli-linux-x86_64.asc /tmp/cli.asc
RUN gpg --batch --verify /tmp/cli.asc /usr/local/bin/cli && chmod 0755 /usr/local/bin/cli
