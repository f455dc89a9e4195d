// Only the load balancer in front of the app is believed
app.set("trust proxy", "10.0.0.5");
app.set("trust proxy", 1);  // one hop: the proxy right in front
const server = fastify({ logger: true, trustProxy: "127.0.0.1,10.0.0.5" });
app.set("view engine", "pug");
