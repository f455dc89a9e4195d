from django.db.models.expressions import RawSQL
from sqlalchemy import text
import pandas as pd


def search(request):
    term = request.GET["q"]
    people = Person.objects.raw(f"SELECT * FROM myapp_person WHERE last_name = '{term}'")  # expect: DSP020
    entries = Entry.objects.extra(where=["headline = '%s'" % term])  # expect: DSP020
    annotated = Entry.objects.annotate(val=RawSQL("SELECT col FROM t WHERE name = '" + term + "'", ()))  # expect: DSP020
    return people


def report(session, start):
    rows = session.execute(text(f"SELECT * FROM orders WHERE created_at > '{start}'"))  # expect: DSP020
    frame = pd.read_sql("SELECT * FROM sales WHERE region = '%s'" % region, engine)  # expect: DSP020
    return rows, frame


def find(cur, name):
    sql = "SELECT id FROM users WHERE 1 = 1"
    sql += " AND name = '" + name + "'"
    cur.execute(sql)  # expect: DSP020
