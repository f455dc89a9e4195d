const resetToken = crypto.randomBytes(32).toString("hex");
const sessionId = crypto.randomUUID();
const delay = Math.random() * 1000;
const color = colors[Math.floor(Math.random() * colors.length)];
const secretNumber = Math.floor(Math.random() * 100);
const cacheKey = `page-${Math.random()}`;
