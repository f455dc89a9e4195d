docker run -d \  # expect: DSD001
  --name monitor \
  --cap-add ALL \
  example/monitor
docker run -d -v /:/host:ro example/scanner  # expect: DSD001
docker container run --network host example/proxy  # expect: DSD001
docker create --mount type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock example/ci  # expect: DSD001
