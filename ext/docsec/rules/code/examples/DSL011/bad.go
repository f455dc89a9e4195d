func search(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "<h1>Results for %s</h1>", r.URL.Query().Get("q")) // expect: DSL011
}
