import fsspec
from kubernetes import client

fs = fsspec.filesystem("https", client_kwargs={"verify_ssl": False})  # expect: DSP010
import kopf

@kopf.on.login()
def login(**kwargs):
    return kopf.ConnectionInfo(server="https://k8s.example.com", token=os.environ["TOKEN"], insecure=True)  # expect: DSP010
configuration = client.Configuration()
configuration.verify_ssl = False  # expect: DSP010
os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"  # expect: DSP010
