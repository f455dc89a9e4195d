<?php
echo "Hello " . $_GET["name"];  // expect: DSL011
$comment = $_POST["comment"];
print "<p>" . $comment . "</p>";  // expect: DSL011
?>
<div class="greeting"><?= $_GET["greeting"] ?></div>  <!-- expect: DSL011 -->
