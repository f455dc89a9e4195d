const client = new MongoClient("mongodb://admin:Passw0rd123@db.example.com:27017");  // expect: DSW010
const pool = new Pool({ connectionString: "postgres://shop:Tr0ub4dor3x@db.example.com/shop" });  // expect: DSW010
