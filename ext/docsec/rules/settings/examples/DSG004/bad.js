// Express behind a load balancer
const app = express();
app.set("trust proxy", true);  // expect: DSG004
app.enable("trust proxy");  // expect: DSG004

const server = fastify({
  logger: true,
  trustProxy: true,  // expect: DSG004
});
