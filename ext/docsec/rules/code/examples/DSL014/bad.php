<?php
$document = new DOMDocument();
$document->loadXML($body, LIBXML_NOENT | LIBXML_DTDLOAD);  // expect: DSL014
libxml_disable_entity_loader(false);  // expect: DSL014
