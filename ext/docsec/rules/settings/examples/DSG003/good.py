from celery import Celery

app = Celery("tasks", broker="amqp://")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])
note = "pickle is not accepted"

from kombu import Connection

with Connection("amqp://") as conn:
    conn.Producer().publish({"hello": "world"}, routing_key="jobs", serializer="pickle")
