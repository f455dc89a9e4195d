const client = new MongoClient(`mongodb://admin:${process.env.MONGO_PASSWORD}@db.example.com:27017`);
const local = new MongoClient("mongodb://user:password@localhost:27017/db");
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
