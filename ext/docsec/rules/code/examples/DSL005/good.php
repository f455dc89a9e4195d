<?php
header("Location: /login");
header("Content-Type: " . $_GET["type"]);
return redirect("/dashboard");
