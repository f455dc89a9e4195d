client = OpenAI(api_key="9c1f6a2b7d3e4f5a8b0c1d2e3f4a5b6c")  # expect: DSP019
headers = {"Authorization": "Bearer 5b8e2f9a1c7d4e3b6a0f8c2d9e1b7a4f"}  # expect: DSP019
session.headers.update({"Author" "ization": "Basic ZGVwbG95Oks5I216MiFxTDd4"})  # expect: DSP019
r = requests.get(url, auth=("deploy", "K9#mZ2!qL7x"), timeout=10)  # expect: DSP019
server.login("alerts@example.com", "hrXq9ZtL2wYp")  # expect: DSP019

def connect(host, user="admin", password="S3cure!Pass"):  # expect: DSP019
    ...

if request.form["password"] == "0penSesame!":  # expect: DSP019
    login_user(user)
engine = create_engine("postgresql://app:Zx8!vB2qWe@db.prod.internal:5432/app")  # expect: DSP019
TELEGRAM_BOT_TOKEN = "6123456789:AAH4kqV9xT2mZ8bLr5Nw3Pd7Yc1Hf0Gs6Je"  # expect: DSP019
