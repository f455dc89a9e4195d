import asyncpg
import mysql.connector
import psycopg2
from kafka import KafkaProducer

conn = psycopg2.connect("host=db.example.com dbname=shop user=shop sslmode=disable")  # expect: DSP026
db = mysql.connector.connect(host="db.example.com", user="app", password=PASSWORD, ssl_disabled=True)  # expect: DSP026
producer = KafkaProducer(bootstrap_servers="kafka.example.com:9092", security_protocol="SASL_PLAINTEXT",  # expect: DSP026
                         sasl_mechanism="PLAIN", sasl_plain_username="app", sasl_plain_password=PASSWORD)


async def connect():
    return await asyncpg.connect("postgresql://app@db.example.com/app", ssl="disable")  # expect: DSP026


engine_url = "postgresql://app:{password}@db.example.com:5432/app?sslmode=disable"  # expect: DSP026
