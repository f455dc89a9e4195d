"""Servers that answer without a password unless told otherwise: shared knowledge, as data.

Used by the rules that see such a server started and published: ``docker run
-p`` (DSS015), Compose files (DSK011) and the Python container SDKs (DSD009).
"""

from __future__ import annotations

# Image name (the last path part, without tag) -> settings or command words that turn authentication on.
OPEN_IMAGES: dict[str, tuple[str, ...]] = {
    "redis": ("--requirepass", "REDIS_PASSWORD", "REDIS_ARGS", "requirepass"),
    "redis-stack": ("REDIS_ARGS", "requirepass"), "redis-stack-server": ("REDIS_ARGS", "requirepass"),
    "valkey": ("--requirepass", "requirepass"), "memcached": ("-S", "--enable-sasl"),
    "mongo": ("MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD", "--auth"),
    "etcd": ("--client-cert-auth", "ETCD_CLIENT_CERT_AUTH"), "zookeeper": ("ZOO_ENABLE_AUTH",),
    "cassandra": ("CASSANDRA_AUTHENTICATOR",), "rethinkdb": ("--initial-password",),
    # Servers that answer with a default account everyone knows (RabbitMQ's guest/guest, MinIO's
    # minioadmin/minioadmin) unless told another one, and NATS and Solr, which start without authentication.
    "rabbitmq": ("RABBITMQ_DEFAULT_USER", "RABBITMQ_DEFAULT_PASS"),
    "minio": ("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD", "MINIO_ACCESS_KEY", "MINIO_SECRET_KEY"),
    "nats": ("--user", "--auth", "--config", "-c"), "solr": ("SOLR_AUTH_TYPE", "SOLR_AUTHENTICATION_OPTS"),
}


def image_base(image: str) -> str:
    """``redis/redis-stack-server:7.2`` -> ``redis-stack-server``."""
    return image.rsplit("/", 1)[-1].split(":", 1)[0].split("@", 1)[0].lower()


def on_every_interface(port: str) -> bool:
    """``6379:6379`` and ``6379`` bind every interface of the host; ``127.0.0.1:6379:6379`` only loopback."""
    parts = str(port).strip().strip("'\"").split("/")[0].split(":")
    return len(parts) <= 2 or parts[0] in ("0.0.0.0", "", "[::]", "::")
