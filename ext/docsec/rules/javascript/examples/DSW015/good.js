const allowed = ["https://app.example.com"];

app.use(cors({ origin: allowed, credentials: true }));
app.use(cors({ origin: "*" }));  // a public API: no credentials
app.use(cors({
  origin: (origin, callback) => callback(null, allowed.includes(origin)),
  credentials: true,
}));
app.use((req, res, next) => {
  if (allowed.includes(req.headers.origin)) {
    res.setHeader("Access-Control-Allow-Origin", "https://app.example.com");
  }
  next();
});
