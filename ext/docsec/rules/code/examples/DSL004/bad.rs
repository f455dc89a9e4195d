let client = reqwest::Client::builder()
    .danger_accept_invalid_certs(true)  // expect: DSL004
    .build()?;
let connector = TlsConnector::builder().danger_accept_invalid_hostnames(true).build()?;  // expect: DSL004
