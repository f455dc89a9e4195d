from celery import Celery
from kombu import Connection, Consumer
from pymemcache.client.base import Client
from pymemcache import serde

app = Celery("tasks", broker="amqp://")
app.conf.update(task_serializer="pickle", result_serializer="json")  # expect: DSG003
app.conf.accept_content = ["pickle", "json"]  # expect: DSG003
consumer = Consumer(Connection("amqp://"), queues=[], accept=["pickle"])  # expect: DSG003
cache = Client(("localhost", 11211), serde=serde.pickle_serde)  # expect: DSG003
