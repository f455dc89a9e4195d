func download(w http.ResponseWriter, r *http.Request) {
	data, _ := os.ReadFile(filepath.Join("/srv/files", filepath.Base(r.URL.Query().Get("name"))))
	w.Write(data)
}
