import bleach

clean = bleach.clean(text, tags={"a", "p", "script"}, attributes={"a": ["href"]})  # expect: DSG007
rich = bleach.clean(text, tags={"a", "img"}, attributes={"img": ["src", "onerror"]})  # expect: DSG007
