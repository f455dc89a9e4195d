cfg := Config{User: "app", Password: os.Getenv("DB_PASSWORD")}
const apiToken = "<token>"
