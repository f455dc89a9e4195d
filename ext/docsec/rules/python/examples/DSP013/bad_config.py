class Config:
    SQLALCHEMY_TRACK_MODIFICATIONS = False


class ProductionConfig(Config):
    DEBUG = True  # expect: DSP013
    SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]
