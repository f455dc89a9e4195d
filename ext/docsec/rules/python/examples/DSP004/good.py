import re

from sqlmodel import Session, select

pattern = re.compile(r"\d+")
cursor.execute("SELECT id, name FROM users")
with Session(engine) as session:
    heroes = session.exec(select(Hero)).all()
exec("print('hello')")
code = compile("1 + 1", "<string>", "eval")
future = executor.submit(work, item)
exec(open("mypkg/version.py").read())
with open("mypkg/_about.py") as f:
    exec(f.read(), about)
