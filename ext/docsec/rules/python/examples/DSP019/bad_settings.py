# settings.py
SECRET_KEY = "django-insecure-4u!6v@z8^k#p0m$r2t&w9y*b1n3c5d7f"  # expect: DSP019
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "mydb",
        "USER": "myuser",
        "PASSWORD": "Tr0ub4dor&3",  # expect: DSP019
        "HOST": "localhost",
    }
}
EMAIL_HOST_PASSWORD = "qwpo zmxn bvcy tr12"  # expect: DSP019
STRIPE_WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET", "whsec_Fz9Lq2Vx7Tn4Rb8Kp3Wd6Ym1")  # expect: DSP019
