cd public && python -m http.server  # expect: DSS003
