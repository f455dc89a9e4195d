let digest = md5::compute(password.as_bytes());  // expect: DSL006
let mut hasher = Sha256::new();
hasher.update(form.password.as_bytes());  // expect: DSL006
