import os

import paramiko
import tweepy
from google.cloud import storage
from twilio.rest import Client

auth = tweepy.OAuthHandler(os.environ["CONSUMER_KEY"], os.environ["CONSUMER_SECRET"])
client = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])
bucket_client = storage.Client("my-project-id-12345")
api_client = ApiClient("bot-user-agent-v2", "https://api.example.com/v1")

ssh = paramiko.SSHClient()
ssh.load_system_host_keys()
ssh.connect("10.0.0.5", 22, "admin", os.environ["SSH_PASSWORD"])
