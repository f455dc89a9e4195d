<?php
$prefs = unserialize($_COOKIE["prefs"]);  // expect: DSL003
$cart = unserialize(base64_decode($request->input("cart")));  // expect: DSL003
