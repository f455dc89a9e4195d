import warnings
import requests

warnings.filterwarnings("ignore", category=DeprecationWarning)
warnings.simplefilter("error", ResourceWarning)
response = requests.get("https://example.com", verify="/etc/ssl/certs/ca.pem", timeout=10)
logging.captureWarnings(True)
