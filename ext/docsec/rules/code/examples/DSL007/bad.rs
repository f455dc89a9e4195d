const API_KEY: &str = "k8Jz2vQw9rTn4LpX7sYbQ3mC";  // expect: DSL007
let cfg = Config { user: "app".into(), password: "Wint3r-2024!".to_string() };  // expect: DSL007
