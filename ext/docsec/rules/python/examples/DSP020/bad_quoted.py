cursor.execute("SELECT * FROM users WHERE name = '%s'", (name,))  # expect: DSP020
cursor.execute("UPDATE t SET v = '%(value)s' WHERE id = %(id)s", {"value": v, "id": i})  # expect: DSP020
