fn seal(key: &[u8; 8]) {
    let cipher = Des::new(key.into());  // expect: DSL008
}
