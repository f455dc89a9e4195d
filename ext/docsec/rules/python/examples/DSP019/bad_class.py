class Settings(BaseSettings):
    database_url: str = "postgresql://localhost/app"
    jwt_secret: str = "c0ffee-b4be-7f3a-91d2-5e6f"  # expect: DSP019

    class Config:
        env_file = ".env"

fernet = Fernet(b"l3tWf8Zc0pQ1rX2yV4bN6mK7jH9gF5dS3aP0oI8uY2E=")  # expect: DSP019
serializer = URLSafeTimedSerializer("a7Bc9DeF1gH3iJ5kL")  # expect: DSP019
