client := &http.Client{Transport: &http.Transport{
	TLSClientConfig: &tls.Config{InsecureSkipVerify: true},  // expect: DSL004
}}
cfg := &tls.Config{
	InsecureSkipVerify: true,  // expect: DSL004
}
