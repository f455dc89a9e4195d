let cert = reqwest::Certificate::from_pem(&std::fs::read("ca.pem")?)?;
let client = reqwest::Client::builder()
    .add_root_certificate(cert)
    .danger_accept_invalid_certs(false)
    .build()?;
