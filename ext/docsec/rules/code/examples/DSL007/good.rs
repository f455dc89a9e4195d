let api_key = std::env::var("API_KEY")?;
let cfg = Config { user: "app".into(), password: std::env::var("DB_PASSWORD")? };
