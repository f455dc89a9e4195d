import paramiko
import tweepy
from requests_oauthlib import OAuth1
from twilio.rest import Client

auth = tweepy.OAuthHandler("xvz1evFS4wEEPTGEFPHBog", "L8qq9PZyRg6ieKGEKhZolGC0vJWLw8iEJ88DRdyOg")  # expect: DSP019
auth.set_access_token("370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", ACCESS_SECRET)  # expect: DSP019
client = Client("AC8f3b2c1d9e7a6f5b4c3d2e1f0a9b8c7d", "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c")  # expect: DSP019
signing = OAuth1(CONSUMER_KEY, "c0nsumerS3cret9a8b7c6d5e")  # expect: DSP019

ssh = paramiko.SSHClient()
ssh.load_system_host_keys()
ssh.connect("10.0.0.5", 22, "admin", "Adm1nP4ss")  # expect: DSP019
