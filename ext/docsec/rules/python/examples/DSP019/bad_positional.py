from emmett import App
from emmett.sessions import SessionManager
from itsdangerous import Signer

app = App(__name__)
app.pipeline = [SessionManager.cookies("myverysecretkey")]  # expect: DSP019
signer = Signer("sup3r-s3cret-signing-value")  # expect: DSP019
