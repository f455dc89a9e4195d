fn seal(key: &Key<Aes256Gcm>) {
    let cipher = Aes256Gcm::new(key);
}
