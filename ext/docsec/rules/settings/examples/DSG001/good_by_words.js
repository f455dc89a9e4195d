const proxy = new AnyProxy.ProxyServer({ port: 8001, dangerouslyIgnoreUnauthorized: false });
const browser = await puppeteer.launch({ headless: true });
const client = new Client({ allowHttps: true, allowRedirects: true });
