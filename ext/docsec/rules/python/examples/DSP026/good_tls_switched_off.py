import asyncpg
import mysql.connector
import psycopg2
from kafka import KafkaProducer

conn = psycopg2.connect("host=db.example.com dbname=shop user=shop sslmode=verify-full sslrootcert=/etc/ssl/db-ca.pem")
db = mysql.connector.connect(host="db.example.com", user="app", password=PASSWORD, ssl_ca="/etc/mysql/ca.pem")
producer = KafkaProducer(bootstrap_servers="kafka.example.com:9093", security_protocol="SASL_SSL",
                         sasl_mechanism="SCRAM-SHA-512", sasl_plain_username="app", sasl_plain_password=PASSWORD)
settings = "key=value other=thing"


async def connect():
    return await asyncpg.connect("postgresql://app@db.example.com/app", ssl="verify-full")


engine_url = "postgresql://app:{password}@db.example.com:5432/app?sslmode=verify-full"
