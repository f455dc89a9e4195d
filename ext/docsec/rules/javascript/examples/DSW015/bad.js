const cors = require("cors");

app.use(cors({ origin: true, credentials: true }));  // expect: DSW015
const io = require("socket.io")(server, {
  cors: {
    origin: "*",  // expect: DSW015
    credentials: true,
  },
});
app.use((req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin);  // expect: DSW015
  res.setHeader("Access-Control-Allow-Credentials", "true");
  next();
});
