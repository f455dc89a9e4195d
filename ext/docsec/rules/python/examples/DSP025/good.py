import defusedxml.ElementTree as DET
import xml.etree.ElementTree as ET

from lxml import etree

root = DET.fromstring(request.data)
sample = ET.fromstring("<catalog><book id='1'/></catalog>")
tree = ET.parse("country_data.xml")
element = ET.Element("root")
ET.SubElement(element, "child").text = "value"
print(ET.tostring(element, encoding="unicode"))
parser = etree.XMLParser(resolve_entities=False, no_network=True)
