import logging
import logging.config
from logging.config import listen

logging.basicConfig(level=logging.INFO)
listener = logging.config.listen(9999)  # expect: DSP069
listener.start()

other = listen(port=9030, verify=None)  # expect: DSP069
