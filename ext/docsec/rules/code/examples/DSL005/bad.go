http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)  // expect: DSL005
target := r.FormValue("url")
http.Redirect(w, r, target, http.StatusSeeOther)  // expect: DSL005
