def parse_feed(body):
    for event, element in ET.iterparse(body):  # expect: DSP025
        yield element.tag
