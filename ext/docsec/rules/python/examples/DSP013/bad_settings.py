# mysite/settings.py
DEBUG = True  # expect: DSP013
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.admin", "polls"]
