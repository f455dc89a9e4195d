func search(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "<h1>Results for %s</h1>", html.EscapeString(r.URL.Query().Get("q")))
	fmt.Fprintf(w, "Hello, %s", "world")
}
