<?php
$found = ldap_search($ds, "dc=example,dc=com", "(uid=" . ldap_escape($_GET["user"], "", LDAP_ESCAPE_FILTER) . ")");
