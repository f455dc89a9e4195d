<?php
$found = ldap_search($ds, "dc=example,dc=com", "(uid=" . $_GET["user"] . ")");  // expect: DSL009
$nodes = $xml->xpath("//user[@name='" . $_GET["name"] . "']");  // expect: DSL009
