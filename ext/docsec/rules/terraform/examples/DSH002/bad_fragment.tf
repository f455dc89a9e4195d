  bucket = "site-uploads"
  acl    = "public-read-write"  # expect: DSH002
