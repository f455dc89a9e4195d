<?php
$document = new DOMDocument();
$document->loadXML($body, LIBXML_NONET);
