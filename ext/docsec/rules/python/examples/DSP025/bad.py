import xml.etree.ElementTree as ET
import xml.sax
from xml.dom import minidom

from lxml import etree

root = ET.fromstring(request.data)  # expect: DSP025
tree = ET.parse(uploaded_file)  # expect: DSP025
document = minidom.parseString(response.text)  # expect: DSP025
parser = etree.XMLParser(resolve_entities=True, no_network=False)  # expect: DSP025
xml.sax.parseString(payload, handler)  # expect: DSP025
