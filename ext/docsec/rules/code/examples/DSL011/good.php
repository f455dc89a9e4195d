<?php
echo "Hello " . htmlspecialchars($_GET["name"], ENT_QUOTES, "UTF-8");
$comment = htmlspecialchars($_POST["comment"], ENT_QUOTES, "UTF-8");
print "<p>" . $comment . "</p>";
echo "Hello, world";
$count = intval($_GET["count"]);
echo "<p>" . $count . "</p>";
?>
<div class="greeting"><?= htmlspecialchars($_GET["greeting"]) ?></div>
