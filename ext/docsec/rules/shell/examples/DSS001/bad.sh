#!/usr/bin/env bash
set -euo pipefail
wget -O - https://example.com/node-setup.sh | bash -  # expect: DSS001
source <(curl -fsSL https://example.com/env.sh)  # expect: DSS001
curl -fsSL https://example.com/setup | \  # expect: DSS001
    sudo sh
docker run --rm alpine sh -c "wget -qO- https://example.com/i.sh | sh"  # expect: DSS001
