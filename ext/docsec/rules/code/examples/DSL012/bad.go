func download(w http.ResponseWriter, r *http.Request) {
	data, _ := os.ReadFile(filepath.Join("/srv/files", r.URL.Query().Get("name"))) // expect: DSL012
	w.Write(data)
}
