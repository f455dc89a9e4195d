import urllib3
import warnings
import requests
from urllib3.exceptions import InsecureRequestWarning

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)  # expect: DSP012
requests.packages.urllib3.disable_warnings()  # expect: DSP012
warnings.filterwarnings("ignore", category=InsecureRequestWarning)  # expect: DSP012
warnings.simplefilter("ignore", InsecureRequestWarning)  # expect: DSP012
warnings.filterwarnings("ignore", message="Unverified HTTPS request")  # expect: DSP012
