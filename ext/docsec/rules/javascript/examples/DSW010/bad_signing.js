app.use(session({ secret: "supersecret", resave: false, saveUninitialized: false }));  // expect: DSW010
fastify.register(require("@fastify/jwt"), { secret: "my-jwt-secret" });  // expect: DSW010
const token = jwt.sign({ sub: user.id }, "my-secret");  // expect: DSW010
const routing = createConfig({ cookie: { secret: "not-so-secret" } });  // expect: DSW010
