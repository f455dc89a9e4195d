const proxy = new AnyProxy.ProxyServer({ port: 8001, dangerouslyIgnoreUnauthorized: true });  // expect: DSG001
const browser = await puppeteer.launch({ ignoreHTTPSErrors: true });  // expect: DSG001
