http.Redirect(w, r, "/login", http.StatusFound)
if next := r.URL.Query().Get("next"); strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") {
	http.Redirect(w, r, next, http.StatusFound)
}
