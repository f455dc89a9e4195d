API_KEY = "your-api-key-here"
OPENAI_API_KEY = "<your OpenAI key>"
SECRET_KEY = "change-me"
app.secret_key = "replace-with-a-random-string"
client = OpenAI(api_key="sk-...")
headers = {"Authorization": f"Bearer {token}"}
headers = {"Authorization": "Bearer YOUR_ACCESS_TOKEN"}
DATABASES = {"default": {"PASSWORD": "", "USER": "postgres"}}
conn = psycopg2.connect(dbname="test", user="postgres", password="password")
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
GITHUB_TOKEN = "${GITHUB_TOKEN}"
token = "xxxxxxxxxxxxxxxx"
password = "********"
engine = create_engine("postgresql://scott:tiger@localhost/test")
DATABASE_URL = "postgresql://user:password@localhost:5432/app"

s3_access_key_id = 's3-access-key-id'
s3_secret_access_key = 's3-secret-access-key'
engine = create_engine("mysql+pymysql://some_user:some_pass@some_host/test?charset=utf8mb4")
