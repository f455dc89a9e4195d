import bleach

clean = bleach.clean(text, tags={"a", "p", "em", "strong"}, attributes={"a": ["href", "title"]})
linked = bleach.linkify(clean)
