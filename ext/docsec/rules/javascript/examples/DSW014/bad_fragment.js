fs.readFile(path.join(__dirname, "uploads", req.query.file), "utf8", callback);  // expect: DSW014
