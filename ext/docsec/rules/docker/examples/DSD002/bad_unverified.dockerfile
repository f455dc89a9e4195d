FROM ubuntu:24.04
ADD https://get.example.io/agent/latest/agent.deb /tmp/agent.deb  # expect: DSD002
# The check below covers another file, not the agent package.
RUN echo "9c4e...  /tmp/helper.bin" | sha256sum -c - && dpkg -i /tmp/agent.deb
