app.enableCors({ origin: (origin, callback) => callback(null, true), credentials: true });  // expect: DSW015
