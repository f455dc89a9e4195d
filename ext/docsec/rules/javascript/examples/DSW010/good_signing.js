app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
fastify.register(require("@fastify/jwt"), { secret: "<your-jwt-secret>" });
const token = jwt.sign({ sub: user.id }, "secret");
const client = new OAuthClient({ clientId: "my-app", clientSecret: "my-client-secret" });
const analytics = new Analytics({ secret: "changeme" });
