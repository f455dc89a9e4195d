class DevelopmentConfig:
    DEBUG = True


class ProductionConfig:
    DEBUG = False
    TESTING = False
