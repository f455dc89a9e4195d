  storage_encrypted = false  # expect: DSH003
  https_traffic_only_enabled = false  # expect: DSH003
